using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;

namespace GridCase.Domain.Tests.Cases;

public sealed partial class CaseTests
{
    [Test]
    public void Personal_data_never_reaches_the_events()
    {
        var @case = Case.Report(
            CaseId.New(),
            CaseNumber.Parse("QS-2026-000777"),
            "QS-HB-001",
            _org.Grid.Code,
            ReportChannel.Hotline12345,
            "噪音扰民",
            "夜间施工噪音",
            new GeoLocation(35.69, 112.19, "龙港镇东关村"),
            new ReporterContact(CaseBuilder.ReporterName, CaseBuilder.ReporterPhone),
            CaseBuilder.Start,
            _org.GridMember,
            CaseBuilder.Start);
        @case.Triage(Difficulty.Ordinary, CaseScope.Township, _org.TownshipDispatcher, _cases.Next());
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());
        @case.TryRoute(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());
        @case.Extend(8, _org.CountyDispatcher, _cases.Next());
        @case.SubmitFeedback("已责令停工", _org.TownshipHandler, _cases.Next());
        @case.Close(ClosureCode.Resolved, _org.CountyDispatcher, _cases.Next());
        @case.Evaluate(5, Actor.System, _cases.Next());

        var events = @case.DequeuePendingEvents();
        var text = string.Join("\n", events.SelectMany(e => e.Data.Select(d => $"{d.Key}={d.Value}")).Concat(events.Select(e => e.ToString())));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Has.Count.EqualTo(8));
            Assert.That(@case.Reporter!.Name, Is.EqualTo(CaseBuilder.ReporterName));
            Assert.That(text, Does.Not.Contain(CaseBuilder.ReporterName));
            Assert.That(text, Does.Not.Contain(CaseBuilder.ReporterPhone));
            Assert.That(events[0].Data[CaseEventKeys.HasReporter], Is.EqualTo("true"));
        }
    }

    [Test]
    public void A_reporter_contact_prints_masked() =>
        Assert.That(new ReporterContact(CaseBuilder.ReporterName, CaseBuilder.ReporterPhone).ToString(), Does.Not.Contain(CaseBuilder.ReporterPhone).And.Not.Contain(CaseBuilder.ReporterName));

    [Test]
    public void Dequeue_returns_the_pending_events_and_clears_them()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());
        @case.Extend(4, _org.TownshipDispatcher, _cases.Next());

        var events = @case.DequeuePendingEvents();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.Kind), Is.EqualTo(new[] { CaseEventKind.Routed, CaseEventKind.Extended }));
            Assert.That(events.All(e => e.CaseId == @case.Id), Is.True);
            Assert.That(@case.PendingEvents, Is.Empty);
            Assert.That(@case.DequeuePendingEvents(), Is.Empty);
        }
    }

    [Test]
    public void Events_carry_the_actor_and_the_time_in_utc()
    {
        var @case = _cases.Dispatched();
        var at = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));

        @case.Park("等待汛期结束", _org.VillageHandler, at);

        var parked = @case.PendingEvents.Single();
        Assert.That((parked.Actor, parked.At, parked.At.Kind), Is.EqualTo((_org.VillageHandler, new DateTime(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc), DateTimeKind.Utc)));
    }

    [Test]
    public void Event_data_cannot_be_changed_through_a_cast()
    {
        var data = Report().PendingEvents.Single().Data;

        Assert.That(data, Is.Not.InstanceOf<Dictionary<string, string>>());
    }
}
