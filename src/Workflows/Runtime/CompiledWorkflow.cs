using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// A definition with every node compiled and its connections indexed: what the interpreter runs. Built once
/// per published version and cached (published versions are immutable).
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly Dictionary<(string Node, string Outcome), List<string>> _next = [];
    private readonly Dictionary<string, List<string>> _incomingSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _upstream = new(StringComparer.Ordinal);

    public WorkflowDefinition Definition { get; }
    public IReadOnlyDictionary<string, CompiledActivity> Nodes { get; }
    public string StartNodeId { get; }

    public CompiledWorkflow(WorkflowDefinition definition, IReadOnlyDictionary<string, CompiledActivity> nodes, string startNodeId)
    {
        Definition = definition;
        Nodes = nodes;
        StartNodeId = startNodeId;
        foreach (var connection in definition.Connections)
        {
            var key = (connection.From, connection.Outcome);
            if (!_next.TryGetValue(key, out var targets))
            {
                _next[key] = targets = [];
            }

            targets.Add(connection.To);
            if (!_incomingSources.TryGetValue(connection.To, out var sources))
            {
                _incomingSources[connection.To] = sources = [];
            }

            if (!sources.Contains(connection.From))
            {
                sources.Add(connection.From);
            }
        }
    }

    /// <summary>Nodes the outcome port of a node leads to (none when unconnected).</summary>
    public IReadOnlyList<string> Next(string nodeId, string outcome) =>
        _next.TryGetValue((nodeId, outcome), out var targets) ? targets : [];

    public bool IsConnected(string nodeId, string outcome) => _next.ContainsKey((nodeId, outcome));

    /// <summary>The distinct nodes with a connection into <paramref name="nodeId"/>.</summary>
    public IReadOnlyList<string> Sources(string nodeId) =>
        _incomingSources.TryGetValue(nodeId, out var sources) ? sources : [];

    public CompiledActivity Node(string nodeId) => Nodes[nodeId];

    /// <summary>Every node from which <paramref name="nodeId"/> can be reached (not the node itself, unless on a cycle).</summary>
    public IReadOnlySet<string> Upstream(string nodeId)
    {
        lock (_upstream)
        {
            if (_upstream.TryGetValue(nodeId, out var cached))
            {
                return cached;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Sources(nodeId));
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (seen.Add(current))
            {
                foreach (var source in Sources(current))
                {
                    stack.Push(source);
                }
            }
        }

        seen.Remove(nodeId);
        lock (_upstream)
        {
            _upstream[nodeId] = seen;
        }

        return seen;
    }
}
