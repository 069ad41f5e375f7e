using System.Text.Json;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Flow;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Tests.Definitions;

/// <summary>
/// Small stand-ins for the routing, task and table activities, so that the validator's graph checks are tested
/// on their own: each does only what its props say.
/// </summary>
internal static class FakeActivities
{
    public static ActivityRegistry Registry() =>
        new([new StartActivity(), new ForkActivity(), new JoinActivity(), new EndActivity(), new FakeRoute(), new FakeTask(), new FakeTable()]);

    private static ActivityDescriptor Describe(string type, params IReadOnlyList<string> outcomes) =>
        new(type, type, type, "Test", type, """{"type":"object"}""", outcomes);

    private static IReadOnlyList<string> Outcomes(NodeDefinition node, params IReadOnlyList<string> fallback) =>
        node.Props.TryGetProperty("outcomes", out var outcomes) ? outcomes.EnumerateArray().Select(o => o.GetString()!).ToList() : fallback;

    /// <summary><c>{"to":"Grid"|"Village"|"Township"|"County"|"Department"}</c>, outcome <c>done</c>.</summary>
    public sealed class FakeRoute : IActivity
    {
        public string Type => "FakeRoute";

        public ActivityDescriptor Descriptor { get; } = Describe("FakeRoute", "done");

        public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
        {
            var props = new PropsReader(node, problems);
            var to = props.String("to", required: true);
            return props.Failed ? null : new Compiled(node, new RoutingReach(RaisesFloor: to is "Township" or "County" or "Department", AssignsToGrid: to == "Grid"));
        }

        private sealed class Compiled(NodeDefinition node, RoutingReach reach) : CompiledActivity(node)
        {
            public override IReadOnlyList<string> Outcomes { get; } = ["done"];

            public override RoutingReach Reach => reach;

            public override ActivityResult Execute(ActivityContext context) => ActivityResult.Next("done");
        }
    }

    /// <summary><c>{"outcomes":[…], "deadline":true, "queue":"Grid"}</c>: a deadline adds <c>warning</c> and <c>overdue</c>; a grid queue assigns to grid level.</summary>
    public sealed class FakeTask : IActivity
    {
        public string Type => "FakeTask";

        public ActivityDescriptor Descriptor { get; } = Describe("FakeTask");

        public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems)
        {
            var props = new PropsReader(node, problems);
            var outcomes = props.Strings("outcomes", required: true);
            if (props.Failed || outcomes is null)
            {
                return null;
            }

            var deadline = props.Get("deadline") is { ValueKind: JsonValueKind.True };
            var grid = props.String("queue", required: false) == "Grid";
            return new Compiled(node, deadline ? [.. outcomes, "warning", "overdue"] : outcomes, new RoutingReach(false, grid));
        }

        private sealed class Compiled(NodeDefinition node, IReadOnlyList<string> outcomes, RoutingReach reach) : CompiledActivity(node)
        {
            public override IReadOnlyList<string> Outcomes => outcomes;

            public override RoutingReach Reach => reach;

            public override ActivityResult Execute(ActivityContext context) => ActivityResult.Next(outcomes[0]);
        }
    }

    /// <summary><c>{"outcomes":[…], "gap":"…", "overlap":"…"}</c>: reports the given gap or overlap from <c>Check()</c>.</summary>
    public sealed class FakeTable : IActivity
    {
        public string Type => "FakeTable";

        public ActivityDescriptor Descriptor { get; } = Describe("FakeTable");

        public CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems) =>
            new Compiled(node, Outcomes(node, "done"));

        private sealed class Compiled(NodeDefinition node, IReadOnlyList<string> outcomes) : CompiledActivity(node)
        {
            public override IReadOnlyList<string> Outcomes => outcomes;

            public override IEnumerable<DefinitionProblem> Check()
            {
                if (Node.Props.TryGetProperty("gap", out var gap))
                {
                    yield return DefinitionProblem.ForNode(ProblemCodes.TableGap, Node.Id, $"{Node.Id}: no row matches {gap.GetString()}.");
                }

                if (Node.Props.TryGetProperty("overlap", out var overlap))
                {
                    yield return DefinitionProblem.ForNode(ProblemCodes.TableOverlap, Node.Id, $"{Node.Id}: rows {overlap.GetString()} overlap.");
                }
            }

            public override ActivityResult Execute(ActivityContext context) => ActivityResult.Next(outcomes[0]);
        }
    }
}
