using System.Text.Json;
using System.Text.RegularExpressions;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Flow;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Definitions;

/// <summary>The outcome of validating a definition: its problems, or the compiled workflow when there are none.</summary>
public sealed record ValidationResult(IReadOnlyList<DefinitionProblem> Problems, CompiledWorkflow? Compiled)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Checks a definition before it is published (and when a draft is checked): the document, every node's
/// properties, the graph, and the no-push-down rule. Every problem names the nodes involved.
/// </summary>
public sealed partial class DefinitionValidator(ActivityRegistry registry)
{
    private const string StartType = "Start";
    private const string EndType = "End";

    /// <summary>Deadline ports a node may leave unconnected: a warning only records, an unconnected overdue does not interrupt.</summary>
    private static readonly HashSet<string> OptionalPorts = new(StringComparer.Ordinal) { "warning", "overdue" };

    public ValidationResult Validate(WorkflowDefinition definition)
    {
        var problems = new List<DefinitionProblem>();
        CheckDocument(definition, problems);
        var nodes = IndexNodes(definition, problems);
        var compiled = Compile(definition, nodes, problems);
        var graph = FlowGraph.Build(definition, nodes);

        var starts = nodes.Values.Where(n => n.Type == StartType).Select(n => n.Id).ToList();
        CheckStartAndEnd(starts, nodes, graph, problems);
        CheckConnections(definition, nodes, compiled, problems);
        CheckReachability(starts, nodes, graph, problems);
        CheckJoins(compiled, graph, problems);
        foreach (var node in compiled.Values)
        {
            problems.AddRange(node.Check());
            foreach (var other in node.TaskRules?.SeparateFrom.Where(id => !nodes.ContainsKey(id) || id == node.Node.Id) ?? [])
            {
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.InvalidProperty, node.Node.Id,
                    $"{node.Node.Id}：separateFrom 引用的 {other} 不是本流程的其他节点 / {node.Node.Id}: separateFrom names '{other}', which is not another node of this definition."));
            }
        }

        var reach = compiled.ToDictionary(c => c.Key, c => c.Value.Reach, StringComparer.Ordinal);
        problems.AddRange(PushDownAnalysis.Find(graph, reach).Select(path => path.ToProblem()));

        var sorted = problems
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .ThenBy(p => string.Join('\u0001', p.NodeIds), StringComparer.Ordinal)
            .ThenBy(p => p.Message, StringComparer.Ordinal)
            .ToList();
        return sorted.Count == 0
            ? new ValidationResult(sorted, new CompiledWorkflow(definition, compiled, starts[0]))
            : new ValidationResult(sorted, null);
    }

    private static void CheckDocument(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, "流程定义须有标识 id / The definition needs an 'id'."));
        }
        else if (!DefinitionIdPattern().IsMatch(definition.Id))
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format,
                $"流程标识 {definition.Id} 须以小写字母开头，只用 a-z、0-9 和 - / The definition id '{definition.Id}' must start with a lower-case letter and use only a-z, 0-9 and '-'."));
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, "流程定义须有名称 / The definition needs a 'name'."));
        }

        if (definition.Version < 0)
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, $"版本号须为 0（草稿）或更大 / The version must be 0 (a draft) or more, not {definition.Version}."));
        }

        foreach (var variable in definition.Variables.Keys.Where(v => !VariableNamePattern().IsMatch(v)))
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format,
                $"变量名 {variable} 须以字母或 _ 开头，只用字母、数字和 _ / Variable '{variable}' must start with a letter or '_' and use only letters, digits and '_'."));
        }
    }

    /// <summary>The nodes by id (the first of duplicates), reporting bad and duplicate ids.</summary>
    private static Dictionary<string, NodeDefinition> IndexNodes(WorkflowDefinition definition, List<DefinitionProblem> problems)
    {
        var nodes = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            if (!NodeIdPattern().IsMatch(node.Id))
            {
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.Format, node.Id,
                    $"{node.Id}：节点标识须以字母开头，只用字母、数字、_ 和 - / {node.Id}: a node id must start with a letter and use only letters, digits, '_' and '-'."));
            }

            if (!nodes.TryAdd(node.Id, node) && duplicates.Add(node.Id))
            {
                var count = definition.Nodes.Count(n => n.Id == node.Id);
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.DuplicateNode, node.Id, $"{node.Id}：有 {count} 个节点使用同一标识 / {node.Id}: {count} nodes share this id."));
            }
        }

        return nodes;
    }

    private Dictionary<string, CompiledActivity> Compile(
        WorkflowDefinition definition, Dictionary<string, NodeDefinition> nodes, List<DefinitionProblem> problems)
    {
        var context = new CompileContext(definition.Variables);
        var compiled = new Dictionary<string, CompiledActivity>(StringComparer.Ordinal);
        foreach (var node in nodes.Values)
        {
            var activity = registry.Find(node.Type);
            if (activity is null)
            {
                var known = string.Join(", ", registry.All.Select(a => a.Type));
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.UnknownType, node.Id,
                    $"{node.Id}：未知的节点类型 {node.Type} / {node.Id}: unknown activity type '{node.Type}' (known: {known})."));
                continue;
            }

            var nodeProblems = new List<DefinitionProblem>();
            CompiledActivity? result;
            try
            {
                result = activity.Compile(node, context, nodeProblems);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
            {
                // A props value of an unexpected JSON kind that an activity read without checking: still the author's mistake, not a crash.
                nodeProblems.Add(DefinitionProblem.ForNode(ProblemCodes.InvalidProperty, node.Id, $"{node.Id}: the properties cannot be read ({ex.Message})."));
                result = null;
            }

            problems.AddRange(nodeProblems);
            if (result is not null)
            {
                compiled[node.Id] = result;
            }
            else if (nodeProblems.Count == 0)
            {
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.InvalidProperty, node.Id, $"{node.Id}：属性不适用于此类节点 / {node.Id}: the properties are not valid for a {node.Type}."));
            }
        }

        return compiled;
    }

    private static void CheckStartAndEnd(
        List<string> starts, Dictionary<string, NodeDefinition> nodes, FlowGraph graph, List<DefinitionProblem> problems)
    {
        if (starts.Count == 0)
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.NoStart, $"流程须有一个开始节点 / The definition needs one '{StartType}' node."));
        }
        else if (starts.Count > 1)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.ManyStarts,
                $"流程只能有一个开始节点，现有 {starts.Count} 个：{string.Join("、", starts)} / A definition has exactly one '{StartType}' node; found {starts.Count}: {string.Join(", ", starts)}.", starts));
        }

        // A branch End stops one path only: the definition still needs an End that closes.
        var ends = nodes.Values.Where(n => n.Type == EndType && EndActivity.Closes(n)).Select(n => n.Id).ToList();
        var reachable = starts.Count == 0 ? null : graph.ReachableFrom(starts);
        if (ends.Count == 0)
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.NoEnd, $"流程至少须有一个结束节点 / The definition needs at least one '{EndType}' node."));
        }
        else if (reachable is not null && !ends.Any(reachable.Contains))
        {
            problems.Add(new DefinitionProblem(ProblemCodes.NoEnd,
                $"从开始节点到达不了任何结束节点 / No '{EndType}' node can be reached from the start ({string.Join(", ", ends)} cannot).", ends));
        }
    }

    private static void CheckConnections(
        WorkflowDefinition definition,
        Dictionary<string, NodeDefinition> nodes,
        Dictionary<string, CompiledActivity> compiled,
        List<DefinitionProblem> problems)
    {
        foreach (var connection in definition.Connections)
        {
            var label = $"{connection.From}.{connection.Outcome} → {connection.To}";
            var missing = new[] { connection.From, connection.To }.Where(id => !nodes.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                var present = new[] { connection.From, connection.To }.Where(nodes.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
                problems.Add(new DefinitionProblem(ProblemCodes.DanglingConnection,
                    $"{label}：{string.Join("、", missing)} 不是节点 / {label}: {string.Join(" and ", missing.Select(id => $"'{id}'"))} is not a node.", present));
            }

            if (compiled.TryGetValue(connection.From, out var source) && !source.Outcomes.Contains(connection.Outcome, StringComparer.Ordinal))
            {
                var declared = source.Outcomes.Count == 0 ? "none" : string.Join(", ", source.Outcomes);
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.UndeclaredOutcome, connection.From,
                    $"{label}：{connection.From} 没有这个结果 / {label}: {connection.From} has no outcome '{connection.Outcome}' (its outcomes: {declared})."));
            }
        }

        var connectedPorts = definition.Connections.Select(c => (c.From, c.Outcome)).ToHashSet();
        foreach (var (id, node) in compiled)
        {
            foreach (var outcome in node.Outcomes.Where(o => !OptionalPorts.Contains(o) && !connectedPorts.Contains((id, o))))
            {
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.UnconnectedOutcome, id, $"{id}：有一个结果没有连线 / {id}: outcome '{outcome}' leads nowhere."));
            }
        }
    }

    private static void CheckReachability(
        List<string> starts, Dictionary<string, NodeDefinition> nodes, FlowGraph graph, List<DefinitionProblem> problems)
    {
        if (starts.Count == 0)
        {
            return; // every node would be unreachable: 'no-start' already says it
        }

        var reachable = graph.ReachableFrom(starts);
        foreach (var id in nodes.Keys.Where(id => !reachable.Contains(id)))
        {
            problems.Add(DefinitionProblem.ForNode(ProblemCodes.UnreachableNode, id, $"{id}：从开始节点无法到达 / {id}: cannot be reached from the start."));
        }
    }

    private static void CheckJoins(Dictionary<string, CompiledActivity> compiled, FlowGraph graph, List<DefinitionProblem> problems)
    {
        foreach (var (id, _) in compiled.Where(c => c.Value is CompiledJoin))
        {
            var sources = graph.Sources(id);
            if (sources.Count < 2)
            {
                problems.Add(DefinitionProblem.ForNode(ProblemCodes.InvalidProperty, id,
                    $"{id}：汇合节点至少须有两条进入的分支，现有 {sources.Count} 条 / {id}: a join needs at least two incoming branches; it has {sources.Count}."));
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex DefinitionIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();
}
