namespace GridCase.Domain.Cases;

/// <summary>The stable <see cref="DomainException.Code"/>s the case aggregate throws.</summary>
public static class CaseErrorCodes
{
    // InvalidTransitionException (409)
    public const string InvalidTransition = "case.invalid-transition";
    public const string PushDown = "case.push-down";
    public const string AlreadyResponsible = "case.already-responsible";
    public const string NoDispatchingUnit = "case.no-dispatching-unit";
    public const string ReturnToSelf = "case.return-to-self";
    public const string AlreadyEvaluated = "case.already-evaluated";
    public const string AlreadySupervised = "case.already-supervised";
    public const string SameItem = "case.same-item";
    public const string SameGrid = "case.same-grid";

    // DomainRuleException (422)
    public const string Id = "case.id";
    public const string Number = "case.number";
    public const string CatalogueItem = "case.catalogue-item";
    public const string GridCode = "case.grid-code";
    public const string Channel = "case.channel";
    public const string Title = "case.title";
    public const string Description = "case.description";
    public const string Location = "case.location";
    public const string Reporter = "case.reporter";
    public const string OccurredAt = "case.occurred-at";
    public const string Difficulty = "case.difficulty";
    public const string Scope = "case.scope";
    public const string Policy = "case.policy";
    public const string RouteOutsideArea = "case.route-outside-area";
    public const string Reason = "case.reason";
    public const string ExtensionHours = "case.extension-hours";
    public const string ParkExplanation = "case.park-explanation";
    public const string ResolutionNote = "case.resolution-note";
    public const string ClosureCode = "case.closure-code";
    public const string Satisfaction = "case.satisfaction";
    public const string SupervisionLevel = "case.supervision-level";
}
