namespace GridCase.Api.Tests.Events.Paths;

/// <summary>The two ends of the loop: a report closed at triage as invalid or duplicate, and the evaluation visit.</summary>
public sealed class ClosingPathTests
{
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public void Start() => _driver = new EventDriver(SharedApi.Factory);

    [TestCase("invalid", "上报内容不属实")]
    [TestCase("duplicate", "与已上报事件重复")]
    public async Task A_report_closed_at_triage_never_reaches_a_handler(string closure, string reason)
    {
        var reported = await _driver.ReportAsync();
        await _driver.ExpectAsync(reported, "Reported", EventDriver.Grid, "Grid");

        var closed = await _driver.CompleteAsync(reported, "triage", "invalid", new { closure, reason });
        await _driver.ExpectAsync(closed, "Closed", EventDriver.Grid, "Grid");
        Assert.That(closed.OpenTasks, Is.Empty);
        Assert.That((await _driver.ReplayAsync(reported.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo(closure));
        Assert.That((await _driver.CaseAsync(reported.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo(closure).IgnoreCase);
        var journal = await _driver.VerifyAsync(reported.EventId);
        Assert.That(journal.Select(e => e.GetProperty("kind").GetString()), Has.None.EqualTo("Routed"));
    }

    [Test]
    public async Task The_reporter_satisfaction_is_recorded_when_the_visit_gives_one()
    {
        var confirmed = await ConfirmedAsync();

        var evaluated = await _driver.CompleteAsync(confirmed, "evaluate", "evaluated", new { satisfaction = 5 });
        await _driver.ExpectAsync(evaluated, "Closed", EventDriver.Township, "Township");
        Assert.That(evaluated.OpenTasks, Is.Empty);
        var journal = await _driver.VerifyAsync(confirmed.EventId);
        var evaluation = journal.Single(e => e.GetProperty("kind").GetString() == "TaskCompleted" && e.GetProperty("nodeId").GetString() == "evaluate");
        Assert.That(evaluation.GetProperty("data").GetProperty("data").GetProperty("satisfaction").GetInt32(), Is.EqualTo(5));
        Assert.That(journal[^1].GetProperty("kind").GetString(), Is.EqualTo("Completed"));
        Assert.That((await _driver.CaseAsync(confirmed.EventId)).GetProperty("satisfaction").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task A_skipped_visit_closes_the_case_without_a_satisfaction()
    {
        var confirmed = await ConfirmedAsync();

        var skipped = await _driver.CompleteAsync(confirmed, "evaluate", "skipped");
        await _driver.ExpectAsync(skipped, "Closed", EventDriver.Township, "Township");
        Assert.That(skipped.OpenTasks, Is.Empty);
        Assert.That((await _driver.ReplayAsync(confirmed.EventId)).GetProperty("closureCode").GetString(), Is.EqualTo("resolved"));
        Assert.That((await _driver.CaseAsync(confirmed.EventId)).GetProperty("satisfaction").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        await _driver.VerifyAsync(confirmed.EventId);
    }

    private async Task<EventStep> ConfirmedAsync()
    {
        var filed = await _driver.FileAsync(2, "Township");
        var resolved = await _driver.CompleteAsync(filed, "handle", "resolved", new { resolution = "已处置" });
        var confirmed = await _driver.CompleteAsync(resolved, "verify", "confirmed");
        await _driver.ExpectAsync(confirmed, "Closed", EventDriver.Township, "Township");
        Assert.That(confirmed.OpenNodes, Is.EqualTo(new[] { "evaluate" }));
        return confirmed;
    }
}
