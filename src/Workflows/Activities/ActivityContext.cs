using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Workflows.Activities;

/// <summary>Everything an activity may read. Nothing here can be written to or waited on.</summary>
public sealed record ActivityContext(
    IReadOnlyDictionary<string, object?> Variables,
    SubjectFacts Subject,
    Responsibility Responsibility,
    DateTimeOffset Now,
    Actor Actor,
    OrgDirectory Org,
    WorkingCalendar Calendar,
    IResponsibilityRules Rules)
{
    /// <summary>The unit that flagged the subject for supervision (督办), if any.</summary>
    public UnitCode? Supervising { get; init; }

    /// <summary>Values expressions and decision tables evaluate against.</summary>
    public IReadOnlyDictionary<string, object?> Values => Subject.Values(Variables, Responsibility);
}
