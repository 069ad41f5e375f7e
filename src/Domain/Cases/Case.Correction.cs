using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

public sealed partial class Case
{
    /// <summary>True when the grid member reported the event already resolved on the spot (即办) and it was not reopened.</summary>
    public bool HandledOnSite { get; private set; }

    /// <summary>
    /// The event was resolved on the spot by the grid member who reported it (即办): Reported → AwaitingVerification
    /// with the resolution; the dispatching centre verifies it without it ever becoming a task for the reporter.
    /// </summary>
    public void RecordHandledOnSite(string resolution, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("record as handled on the spot", CaseStatus.Reported);
        var note = RequiredText(resolution, ResolutionNoteMaxLength, CaseErrorCodes.ResolutionNote, "处理结果", "A resolution note");
        HandledOnSite = true;
        ResolutionNote = note;
        Status = CaseStatus.AwaitingVerification;
        Record(CaseEventKind.HandledOnSite, actor, at, (CaseEventKeys.Reason, note));
    }

    /// <summary>Verification found an on-the-spot resolution wanting (即办未通过): back to Reported for triage.</summary>
    public void ReopenOnSite(string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("reopen", CaseStatus.AwaitingVerification);
        if (!HandledOnSite)
        {
            throw new InvalidTransitionException(CaseErrorCodes.InvalidTransition, $"案件 {Number} 不是即办案件，请改为要求返工 / Case {Number} was not handled on the spot; ask for rework instead.");
        }

        var why = Reason(reason);
        HandledOnSite = false;
        Status = CaseStatus.Reported;
        Record(CaseEventKind.ReopenedOnSite, actor, at, (CaseEventKeys.Reason, why));
    }

    /// <summary>Triage corrects the catalogue item (重新分类) before the case is dispatched.</summary>
    public void Reclassify(string catalogueItemCode, string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureStatus("reclassify", CaseStatus.Reported, CaseStatus.Filed);
        var code = RequiredText(catalogueItemCode, CatalogueItemCodeMaxLength, CaseErrorCodes.CatalogueItem, "事项代码", "The catalogue item code");
        if (code == CatalogueItemCode)
        {
            throw new InvalidTransitionException(CaseErrorCodes.SameItem, $"案件 {Number} 已归为 {code} / Case {Number} is already classified as {code}.");
        }

        var why = Reason(reason);
        var from = CatalogueItemCode;
        CatalogueItemCode = code;
        Record(CaseEventKind.Reclassified, actor, at, (CaseEventKeys.From, from), (CaseEventKeys.To, code), (CaseEventKeys.Reason, why));
    }

    /// <summary>
    /// Corrects a wrong grid (改派网格/村): the case moves to <paramref name="grid"/> and <paramref name="responsible"/> (the
    /// unit at the same level there) becomes responsible. Allowed while the case has never been above village level, or
    /// while it is back with the centre that dispatched it (<see cref="IResponsibilityRules.MayRelocate"/>).
    /// </summary>
    public void Relocate(OrgUnit grid, OrgUnit responsible, string reason, IResponsibilityRules rules, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(responsible);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsOpen)
        {
            throw new InvalidTransitionException(CaseErrorCodes.InvalidTransition, $"案件 {Number} 当前状态不能更改网格 / Cannot relocate case {Number}: it is {Status}.");
        }

        if (grid.Level != OrgLevel.Grid || !UnitCodes.Covers(responsible.Code, grid.Code))
        {
            throw new DomainRuleException(CaseErrorCodes.GridCode, $"{grid.Code} 不是 {responsible.Code} 下辖的网格 / '{grid.Code}' is not a grid under {responsible.Code}.");
        }

        if (grid.Code == GridCode)
        {
            throw new InvalidTransitionException(CaseErrorCodes.SameGrid, $"案件 {Number} 已在网格 {grid.Code} / Case {Number} is already in grid {grid.Code}.");
        }

        if (!rules.MayRelocate(Floor, DispatchingUnit == ResponsibleUnit))
        {
            throw new InvalidTransitionException(CaseErrorCodes.PushDown, $"{PushDownRule}：案件 {Number} 已流转至不得退回网格的层级，不能再改到其他网格 / No push-down: case {Number} has reached {Floor} level and can no longer move to another grid.");
        }

        var why = Reason(reason);
        var fromGrid = GridCode;
        var fromUnit = ResponsibleUnit;
        GridCode = grid.Code;
        ResponsibleUnit = responsible.Code;
        Record(
            CaseEventKind.Relocated,
            actor,
            at,
            (CaseEventKeys.Grid, grid.Code.Value),
            (CaseEventKeys.PreviousGrid, fromGrid.Value),
            (CaseEventKeys.From, fromUnit.Value),
            (CaseEventKeys.To, responsible.Code.Value),
            (CaseEventKeys.Reason, why));
    }
}
