using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Timing;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Timing;

public sealed class TimerTests
{
    private readonly TimerActivity _activity = new();

    [TestCase("{}", ProblemCodes.MissingProperty, "exactly one of duration, workingHours or until")]
    [TestCase("""{"duration":"PT1H","workingHours":1}""", ProblemCodes.InvalidProperty, "exactly one of")]
    [TestCase("""{"duration":"P1M"}""", ProblemCodes.InvalidProperty, "ISO-8601 duration")]
    [TestCase("""{"duration":"PT0S"}""", ProblemCodes.InvalidProperty, "longer than zero")]
    [TestCase("""{"duration":3600}""", ProblemCodes.InvalidProperty, "ISO-8601 duration")]
    [TestCase("""{"duration":"P4000D"}""", ProblemCodes.InvalidProperty, "at most 3650 days")]
    [TestCase("""{"workingHours":-1}""", ProblemCodes.InvalidProperty, "above zero")]
    [TestCase("""{"until":"2026-10-08T09:00:00"}""", ProblemCodes.InvalidProperty, "with its offset")]
    [TestCase("""{"until":"2026-10-08"}""", ProblemCodes.InvalidProperty, "with its offset")]
    [TestCase("""{"until":"2026-13-08T09:00:00+08:00"}""", ProblemCodes.InvalidProperty, "with its offset")]
    [TestCase("""{"until":"next monday"}""", ProblemCodes.InvalidProperty, "with its offset")]
    [TestCase("""{"duration":"PT1H","calendar":"working"}""", ProblemCodes.InvalidProperty, "unknown property 'calendar'")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)),
            () => string.Join(Environment.NewLine, problems.Select(p => $"{p.Code} {p.Message}")));
    }

    [TestCase("""{"duration":"PT1H"}""", "2026-09-30T16:00:00+08:00", "2026-09-30T17:00:00+08:00")]
    [TestCase("""{"duration":"P1DT12H"}""", "2026-09-30T16:00:00+08:00", "2026-10-02T04:00:00+08:00")]
    [TestCase("""{"workingHours":4}""", "2026-09-30T16:00:00+08:00", "2026-10-08T11:00:00+08:00")]
    [TestCase("""{"workingHours":0.5}""", "2026-03-10T11:45:00+08:00", "2026-03-10T14:15:00+08:00")]
    [TestCase("""{"until":"2026-10-08T09:00:00+08:00"}""", "2026-09-30T16:00:00+08:00", "2026-10-08T09:00:00+08:00")]
    [TestCase("""{"until":"2026-10-08T01:00:00Z"}""", "2026-09-30T16:00:00+08:00", "2026-10-08T09:00:00+08:00")]
    public void A_timer_waits_until_its_due_time(string props, string now, string due)
    {
        var node = Compile(_activity, props);

        var wait = Waiting<TimerWait>(node.Execute(Context(now: At(now))));

        Assert.That(wait.DueAt, Is.EqualTo(At(due)));
        Assert.That(node.Outcomes, Is.EqualTo(new[] { "done" }));
    }

    [TestCase("2026-10-08T09:00:00+08:00")]
    [TestCase("2026-10-09T09:00:00+08:00")]
    public void A_time_already_reached_continues_at_once(string now)
    {
        var node = Compile(_activity, """{"until":"2026-10-08T09:00:00+08:00"}""");

        Assert.That(Continued(node.Execute(Context(now: At(now)))).Outcomes, Is.EqualTo(new[] { "done" }));
    }
}
