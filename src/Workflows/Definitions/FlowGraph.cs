namespace GridCase.Workflows.Definitions;

/// <summary>
/// The connections of a definition between nodes that exist, in document order: what the graph checks walk.
/// Connections naming a missing node are left out (the validator reports them as dangling).
/// </summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, List<string>> _successors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _sources = new(StringComparer.Ordinal);

    private FlowGraph(IReadOnlyList<string> nodeIds) => NodeIds = nodeIds;

    /// <summary>Node ids in document order (the first of duplicates).</summary>
    public IReadOnlyList<string> NodeIds { get; }

    public static FlowGraph Build(WorkflowDefinition definition, IReadOnlyDictionary<string, NodeDefinition> nodes)
    {
        var graph = new FlowGraph(definition.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).ToList());
        foreach (var connection in definition.Connections.Where(c => nodes.ContainsKey(c.From) && nodes.ContainsKey(c.To)))
        {
            Add(graph._successors, connection.From, connection.To);
            Add(graph._sources, connection.To, connection.From);
        }

        return graph;
    }

    public static FlowGraph Build(WorkflowDefinition definition)
    {
        var nodes = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            nodes.TryAdd(node.Id, node);
        }

        return Build(definition, nodes);
    }

    /// <summary>Distinct nodes that some outcome of <paramref name="nodeId"/> leads to, in document order.</summary>
    public IReadOnlyList<string> Successors(string nodeId) => _successors.TryGetValue(nodeId, out var next) ? next : [];

    /// <summary>Distinct nodes with a connection into <paramref name="nodeId"/>.</summary>
    public IReadOnlyList<string> Sources(string nodeId) => _sources.TryGetValue(nodeId, out var sources) ? sources : [];

    /// <summary>The given nodes and every node reachable from them.</summary>
    public HashSet<string> ReachableFrom(IEnumerable<string> roots)
    {
        var seen = new HashSet<string>(roots, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in Successors(current).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static void Add(Dictionary<string, List<string>> edges, string key, string value)
    {
        if (!edges.TryGetValue(key, out var list))
        {
            edges[key] = list = [];
        }

        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }
}
