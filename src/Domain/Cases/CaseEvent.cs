namespace GridCase.Domain.Cases;

/// <summary>
/// One change to a case, as the aggregate recorded it. <see cref="Data"/> holds unit codes, levels, counts and
/// reasons under the keys in <see cref="CaseEventKeys"/> (invariant culture, ISO 8601 times); never the
/// reporter's name or phone.
/// </summary>
public sealed record CaseEvent(CaseId CaseId, CaseEventKind Kind, Actor Actor, DateTime At, IReadOnlyDictionary<string, string> Data);

/// <summary>The keys used in <see cref="CaseEvent.Data"/>.</summary>
public static class CaseEventKeys
{
    public const string Number = "number";
    public const string CatalogueItem = "catalogueItem";
    public const string Grid = "grid";
    public const string Channel = "channel";
    public const string Title = "title";
    public const string OccurredAt = "occurredAt";
    public const string HasLocation = "hasLocation";
    public const string HasReporter = "hasReporter";
    public const string Difficulty = "difficulty";
    public const string Scope = "scope";
    public const string Action = "action";
    public const string From = "from";
    public const string To = "to";
    public const string ToLevel = "toLevel";
    public const string ToKind = "toKind";
    public const string DispatchingUnit = "dispatchingUnit";
    public const string Floor = "floor";
    public const string PreviousFloor = "previousFloor";
    public const string PolicyFloorFrom = "policyFloorFrom";
    public const string PolicyBlockedLevel = "policyBlockedLevel";
    public const string Rule = "rule";
    public const string Reason = "reason";
    public const string ReturnCount = "returnCount";
    public const string Hours = "hours";
    public const string ExtensionCount = "extensionCount";
    public const string ExtraHours = "extraHours";
    public const string ParkedAt = "parkedAt";
    public const string ReworkCount = "reworkCount";
    public const string ClosureCode = "closureCode";
    public const string Satisfaction = "satisfaction";
    public const string SupervisingUnit = "supervisingUnit";
    public const string PreviousSupervisingUnit = "previousSupervisingUnit";
    public const string ResponsibleUnit = "responsibleUnit";
    public const string PreviousGrid = "previousGrid";

    /// <summary>Values of <see cref="Action"/> on an <see cref="CaseEventKind.EscalationBlocked"/> event.</summary>
    public const string RouteAction = "route";
    public const string ReturnAction = "return";
}
