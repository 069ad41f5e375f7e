namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Closes a case (核查结案): <see cref="ClosureCode.Resolved"/> from AwaitingVerification,
    /// <see cref="ClosureCode.Parked"/> from Parked. Invalid and duplicate cases close through <see cref="MarkInvalid"/>.
    /// </summary>
    public void Close(ClosureCode code, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var from = code switch
        {
            Cases.ClosureCode.Resolved => CaseStatus.AwaitingVerification,
            Cases.ClosureCode.Parked => CaseStatus.Parked,
            _ => throw new DomainRuleException(
                CaseErrorCodes.ClosureCode,
                $"Close a case as Resolved or Parked; {code} goes through MarkInvalid."),
        };
        EnsureStatus($"close as {code}", from);

        Status = CaseStatus.Closed;
        ClosureCode = code;
        ClosedAt = at.UtcDateTime;
        Record(CaseEventKind.Closed, actor, at, (CaseEventKeys.ClosureCode, code.ToString()));
    }

    /// <summary>Records the satisfaction rating (综合评价, 1–5) of a closed case, once.</summary>
    public void Evaluate(int satisfaction, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("evaluate", CaseStatus.Closed);
        if (Satisfaction is not null)
        {
            throw new InvalidTransitionException(CaseErrorCodes.AlreadyEvaluated, $"案件 {Number} 已评价 / Case {Number} has already been evaluated.");
        }

        if (satisfaction is < 1 or > 5)
        {
            throw new DomainRuleException(CaseErrorCodes.Satisfaction, $"满意度须为 1–5 / Satisfaction is 1–5, not {satisfaction}.");
        }

        Satisfaction = satisfaction;
        Record(CaseEventKind.Evaluated, actor, at, (CaseEventKeys.Satisfaction, Format(satisfaction)));
    }
}
