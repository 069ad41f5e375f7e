using System.Reflection;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;

namespace GridCase.Domain.Tests.Cases;

/// <summary>Brings a case into each status the usual way. The builder's own events are dequeued.</summary>
internal sealed class CaseBuilder(TestOrg org)
{
    public const string ReporterName = "张三";
    public const string ReporterPhone = "13800001234";

    private int _minutes;

    /// <summary>2026-03-02 09:00 Beijing time; every call to <see cref="Next"/> is one minute later.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public DateTimeOffset Next() => Start.AddMinutes(++_minutes);

    public Case Reported()
    {
        var @case = Case.Report(
            CaseId.New(),
            CaseNumber.Parse("QS-2026-000123"),
            "QS-HB-001",
            org.Grid.Code,
            ReportChannel.GridPatrol,
            "河道旁堆放垃圾",
            "东关村桥下河道旁有大量生活垃圾堆放。",
            new GeoLocation(35.69, 112.19, "龙港镇东关村桥下"),
            new ReporterContact(ReporterName, ReporterPhone),
            Start.AddHours(-1),
            org.GridMember,
            Start);
        @case.DequeuePendingEvents();
        return @case;
    }

    public Case Filed() => Then(Reported(), c => c.Triage(Difficulty.Ordinary, CaseScope.Village, org.TownshipDispatcher, Next()));

    /// <summary>Dispatched by the township command centre to the village: floor Village, dispatching unit the township.</summary>
    public Case Dispatched() => Then(Filed(), c => c.Route(org.Village, NoPushDownPolicy.Default, org.TownshipDispatcher, Next()));

    public Case Parked() => Then(Dispatched(), c => c.Park("需上级统筹资金，暂无法处置", org.VillageHandler, Next()));

    public Case AwaitingVerification() => Then(Dispatched(), c => c.SubmitFeedback("垃圾已清运", org.VillageHandler, Next()));

    public Case Closed() => Then(AwaitingVerification(), c => c.Close(ClosureCode.Resolved, org.TownshipDispatcher, Next()));

    public Case InStatus(CaseStatus status) => status switch
    {
        CaseStatus.Reported => Reported(),
        CaseStatus.Filed => Filed(),
        CaseStatus.Dispatched => Dispatched(),
        CaseStatus.Parked => Parked(),
        CaseStatus.AwaitingVerification => AwaitingVerification(),
        CaseStatus.Closed => Closed(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Every public property but the pending events, to check that a refused call changed nothing.</summary>
    public static IReadOnlyDictionary<string, object?> Snapshot(Case @case) =>
        typeof(Case)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(Case.PendingEvents))
            .ToDictionary(p => p.Name, p => p.GetValue(@case));

    private static Case Then(Case @case, Action<Case> step)
    {
        step(@case);
        @case.DequeuePendingEvents();
        return @case;
    }
}
