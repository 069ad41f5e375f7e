using System.Text.Json;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Tests.Activities;

/// <summary>Compiles one node from props JSON and runs it against a small organisation and the 2026 calendar.</summary>
internal static class ActivityHarness
{
    public const string NodeId = "n1";

    /// <summary>Tuesday 2026-03-10 09:00 China Standard Time: an ordinary working morning.</summary>
    public static readonly DateTimeOffset Tuesday = DateTimeOffset.Parse("2026-03-10T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, VariableType> Variables { get; } = new Dictionary<string, VariableType>
    {
        ["difficulty"] = VariableType.Int,
        ["scope"] = VariableType.String,
        ["timeLimitHours"] = VariableType.Int,
        ["score"] = VariableType.Number,
        ["targetLevel"] = VariableType.String,
        ["urgent"] = VariableType.Bool,
    };

    public static (CompiledActivity? Node, List<DefinitionProblem> Problems) TryCompile(
        IActivity activity, string props, IReadOnlyDictionary<string, VariableType>? variables = null)
    {
        var problems = new List<DefinitionProblem>();
        var node = new NodeDefinition(NodeId, activity.Type, null, Json(props), null);
        var compiled = activity.Compile(node, new CompileContext(variables ?? Variables), problems);
        return (compiled, problems);
    }

    public static CompiledActivity Compile(IActivity activity, string props, IReadOnlyDictionary<string, VariableType>? variables = null)
    {
        var (node, problems) = TryCompile(activity, props, variables);
        Assert.That(problems, Is.Empty, () => string.Join(Environment.NewLine, problems.Select(p => p.Message)));
        Assert.That(node, Is.Not.Null);
        return node!;
    }

    /// <summary>Compiles, expecting problems that all name the node; returns them.</summary>
    public static List<DefinitionProblem> Problems(IActivity activity, string props, IReadOnlyDictionary<string, VariableType>? variables = null)
    {
        var (node, problems) = TryCompile(activity, props, variables);
        Assert.That(node, Is.Null);
        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems.Select(p => p.NodeIds), Has.All.EqualTo(new[] { NodeId }));
        Assert.That(problems.Select(p => p.Message), Has.All.Contain(" / " + NodeId + ": "));
        // The activity wrote the Chinese half itself, not only the generic Chinese of the code in front (issue 13).
        Assert.That(problems.Select(p => p.Message), Has.All.StartWith(NodeId + "："));
        return problems;
    }

    public static ActivityContext Context(
        IReadOnlyDictionary<string, object?>? variables = null,
        UnitCode? responsible = null,
        UnitCode? dispatching = null,
        DateTimeOffset? now = null,
        UnitCode? grid = null,
        string channel = "GridPatrol") =>
        new(
            variables ?? new Dictionary<string, object?>(),
            new SubjectFacts(
                grid ?? ActivityTestOrg.Grid,
                "HB-001",
                "HB",
                ActivityTestOrg.CountyDepartment,
                channel,
                new Dictionary<Difficulty, int> { [Difficulty.Simple] = 4, [Difficulty.Ordinary] = 8, [Difficulty.Complex] = 24, [Difficulty.Major] = 48 }),
            new Responsibility(responsible ?? ActivityTestOrg.Grid, dispatching, OrgLevel.Grid),
            now ?? Tuesday,
            Actor.System,
            ActivityTestOrg.Create(),
            WorkingCalendar.CreateDefault(),
            NoPushDownPolicy.Default);

    public static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static ActivityResult.Continue Continued(ActivityResult result)
    {
        Assert.That(result, Is.TypeOf<ActivityResult.Continue>(), () => result.ToString());
        return (ActivityResult.Continue)result;
    }

    public static T Waiting<T>(ActivityResult result)
        where T : WaitRequest
    {
        Assert.That(result, Is.TypeOf<ActivityResult.Suspend>(), () => result.ToString());
        var suspend = (ActivityResult.Suspend)result;
        Assert.That(suspend.Wait, Is.TypeOf<T>());
        return (T)suspend.Wait;
    }
}
