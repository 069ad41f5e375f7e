namespace GridCase.Domain.Cases;

public enum CaseEventKind
{
    Reported,
    Triaged,
    MarkedInvalid,
    Routed,
    EscalationBlocked,
    Returned,
    Extended,
    Parked,
    Resumed,
    FeedbackSubmitted,
    ReworkRequested,
    Closed,
    Evaluated,
    SupervisionFlagged,
    HandledOnSite,
    ReopenedOnSite,
    Reclassified,
    Relocated,
}
