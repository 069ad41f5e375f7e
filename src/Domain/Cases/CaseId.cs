namespace GridCase.Domain.Cases;

public readonly record struct CaseId(Guid Value)
{
    // Version 7 ids are time-ordered, so new cases append to the end of a database index.
    public static CaseId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
