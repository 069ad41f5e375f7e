namespace GridCase.Domain.Cases;

public enum CaseStatus
{
    Reported,
    Filed,
    Dispatched,
    Parked,
    AwaitingVerification,
    Closed,
}
