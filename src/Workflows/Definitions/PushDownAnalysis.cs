using GridCase.Workflows.Activities;

namespace GridCase.Workflows.Definitions;

/// <summary>
/// A path in a flowchart from a node that can raise the floor (route to township level or above, or to a
/// department) to a node that can assign to grid level: what the no-push-down rule forbids.
/// </summary>
/// <param name="Path">The node ids from <paramref name="RaisingNode"/> to <paramref name="GridNode"/>, both included (a shortest such path).</param>
public sealed record PushDownPath(string RaisingNode, string GridNode, IReadOnlyList<string> Path)
{
    public const string Rule = Domain.Cases.NoPushDownPolicy.RuleText;

    public DefinitionProblem ToProblem() => new(
        ProblemCodes.PushDownPath,
        $"{string.Join(" → ", Path)}：{Rule}，此路径从可派往乡镇（街道）以上或部门的节点通向交办网格的节点 / {string.Join(" → ", Path)}: a node that can route to township level or above or a department leads to a node that assigns to grid level (no push-down).",
        [RaisingNode, GridNode]);
}

/// <summary>
/// The publish-time check of the no-push-down rule: every node reachable (through any outcome, fork branch or
/// loop) from a floor-raising node must not assign to grid level. Each (raising node, grid node) pair is reported once.
/// </summary>
public static class PushDownAnalysis
{
    /// <param name="reach">What each node can do to responsibility; nodes missing here (e.g. not compiled) count as neither.</param>
    public static IReadOnlyList<PushDownPath> Find(WorkflowDefinition definition, IReadOnlyDictionary<string, RoutingReach> reach) =>
        Find(FlowGraph.Build(definition), reach);

    internal static IReadOnlyList<PushDownPath> Find(FlowGraph graph, IReadOnlyDictionary<string, RoutingReach> reach)
    {
        var paths = new List<PushDownPath>();
        foreach (var raising in graph.NodeIds.Where(id => reach.TryGetValue(id, out var r) && r.RaisesFloor))
        {
            // Breadth first from the raising node's successors, so each grid node gets a shortest path. The raising
            // node itself is not marked as seen: a loop back to it counts when it also assigns to grid level.
            var parent = new Dictionary<string, string?>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            foreach (var next in graph.Successors(raising))
            {
                parent[next] = null;
                queue.Enqueue(next);
            }

            while (queue.TryDequeue(out var current))
            {
                if (reach.TryGetValue(current, out var r) && r.AssignsToGrid)
                {
                    paths.Add(new PushDownPath(raising, current, PathTo(raising, current, parent)));
                }

                foreach (var next in graph.Successors(current).Where(n => !parent.ContainsKey(n)))
                {
                    parent[next] = current;
                    queue.Enqueue(next);
                }
            }
        }

        return paths;
    }

    private static List<string> PathTo(string raising, string target, Dictionary<string, string?> parent)
    {
        var path = new List<string>();
        for (string? current = target; current is not null; current = parent[current])
        {
            path.Add(current);
        }

        path.Add(raising);
        path.Reverse();
        return path;
    }
}
