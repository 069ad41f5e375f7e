namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    public const int MaxExtensionHours = 720;

    /// <summary>Records an extension (延期) approved by the dispatcher acting as <paramref name="actor"/>.</summary>
    public void Extend(int hours, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("extend", CaseStatus.Dispatched);
        if (hours is < 1 or > MaxExtensionHours)
        {
            throw new DomainRuleException(CaseErrorCodes.ExtensionHours, $"延期须为 1–{MaxExtensionHours} 小时 / An extension is 1–{MaxExtensionHours} hours, not {hours}.");
        }

        ExtensionCount++;
        ExtraHours += hours;
        Record(
            CaseEventKind.Extended,
            actor,
            at,
            (CaseEventKeys.Hours, Format(hours)),
            (CaseEventKeys.ExtensionCount, Format(ExtensionCount)),
            (CaseEventKeys.ExtraHours, Format(ExtraHours)));
    }

    /// <summary>Parks an unresolvable case (挂账) with a written explanation; the deadline clock stops at <paramref name="at"/>.</summary>
    public void Park(string explanation, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("park", CaseStatus.Dispatched);
        var trimmed = RequiredText(explanation, ReasonMaxLength, CaseErrorCodes.ParkExplanation, "挂账说明", "A park explanation");

        Status = CaseStatus.Parked;
        ParkedAt = at.UtcDateTime;
        ParkExplanation = trimmed;
        Record(CaseEventKind.Parked, actor, at, (CaseEventKeys.Reason, trimmed));
    }

    /// <summary>Takes a parked case up again: Parked → Dispatched; the explanation stays in the parked event.</summary>
    public void Resume(Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("resume", CaseStatus.Parked);

        var parkedAt = ParkedAt;
        Status = CaseStatus.Dispatched;
        ParkedAt = null;
        ParkExplanation = null;
        Record(CaseEventKind.Resumed, actor, at, (CaseEventKeys.ParkedAt, parkedAt is { } p ? Format(p) : null));
    }

    /// <summary>The handler reports the work done (处理反馈): Dispatched → AwaitingVerification.</summary>
    public void SubmitFeedback(string resolutionNote, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("submit feedback on", CaseStatus.Dispatched);
        var trimmed = RequiredText(resolutionNote, ResolutionNoteMaxLength, CaseErrorCodes.ResolutionNote, "处理结果", "A resolution note");

        Status = CaseStatus.AwaitingVerification;
        ResolutionNote = trimmed;
        Record(CaseEventKind.FeedbackSubmitted, actor, at, (CaseEventKeys.Reason, trimmed));
    }

    /// <summary>Verification failed (返工): AwaitingVerification → Dispatched, ReworkCount + 1, the note is cleared.</summary>
    public void Rework(string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("request rework on", CaseStatus.AwaitingVerification);
        var trimmed = Reason(reason);

        Status = CaseStatus.Dispatched;
        ResolutionNote = null;
        ReworkCount++;
        Record(
            CaseEventKind.ReworkRequested,
            actor,
            at,
            (CaseEventKeys.Reason, trimmed),
            (CaseEventKeys.ReworkCount, Format(ReworkCount)));
    }
}
