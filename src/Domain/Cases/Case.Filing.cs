using GridCase.Domain.Catalogue;

namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    /// <summary>Files a reported case (案卷建立) with its difficulty and scope: Reported → Filed.</summary>
    public void Triage(Difficulty difficulty, CaseScope scope, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("triage", CaseStatus.Reported);
        if (!Enum.IsDefined(difficulty))
        {
            throw new DomainRuleException(CaseErrorCodes.Difficulty, $"难度等级须为 1–4 / '{difficulty}' is not a difficulty (1–4).");
        }

        if (!Enum.IsDefined(scope))
        {
            throw new DomainRuleException(CaseErrorCodes.Scope, $"{scope} 不是影响范围 / '{scope}' is not a case scope.");
        }

        Difficulty = difficulty;
        Scope = scope;
        Status = CaseStatus.Filed;
        Record(
            CaseEventKind.Triaged,
            actor,
            at,
            (CaseEventKeys.Difficulty, Format((int)difficulty)),
            (CaseEventKeys.Scope, scope.ToString()));
    }

    /// <summary>Closes a reported or filed case as <see cref="ClosureCode.Invalid"/> or <see cref="ClosureCode.Duplicate"/>.</summary>
    public void MarkInvalid(ClosureCode code, string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (code is not (Cases.ClosureCode.Invalid or Cases.ClosureCode.Duplicate))
        {
            throw new DomainRuleException(CaseErrorCodes.ClosureCode, $"不予立案须标为无效或重复 / A case is marked Invalid or Duplicate, not {code}.");
        }

        EnsureStatus($"mark as {code}", CaseStatus.Reported, CaseStatus.Filed);
        var trimmedReason = Reason(reason);

        Status = CaseStatus.Closed;
        ClosureCode = code;
        ClosedAt = at.UtcDateTime;
        Record(
            CaseEventKind.MarkedInvalid,
            actor,
            at,
            (CaseEventKeys.ClosureCode, code.ToString()),
            (CaseEventKeys.Reason, trimmedReason));
    }
}
