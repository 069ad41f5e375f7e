using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

public sealed partial class CaseTests
{
    [Test]
    public void A_case_handled_on_the_spot_waits_for_verification_and_closes_when_confirmed()
    {
        var @case = _cases.Reported();

        @case.RecordHandledOnSite("已现场劝离占道摊贩", _org.GridMember, _cases.Next());
        var recorded = @case.DequeuePendingEvents().Single();
        @case.Close(ClosureCode.Resolved, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded.Kind, Is.EqualTo(CaseEventKind.HandledOnSite));
            Assert.That(@case.HandledOnSite, Is.True);
            Assert.That(@case.ResolutionNote, Is.EqualTo("已现场劝离占道摊贩"));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Closed));
        }
    }

    [Test]
    public void A_reopened_on_the_spot_case_goes_back_to_triage_and_no_longer_counts_as_handled_on_the_spot()
    {
        var @case = _cases.Reported();
        @case.RecordHandledOnSite("已清理", _org.GridMember, _cases.Next());

        @case.ReopenOnSite("现场仍有垃圾", _org.TownshipDispatcher, _cases.Next());

        Assert.That((@case.Status, @case.HandledOnSite), Is.EqualTo((CaseStatus.Reported, false)));
    }

    [Test]
    public void Only_a_case_handled_on_the_spot_can_be_reopened()
    {
        var @case = _cases.AwaitingVerification();
        var before = CaseBuilder.Snapshot(@case);

        var error = Assert.Throws<InvalidTransitionException>(() => @case.ReopenOnSite("不合格", _org.TownshipDispatcher, _cases.Next()));

        Assert.That(error!.Code, Is.EqualTo(CaseErrorCodes.InvalidTransition));
        Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
    }

    [Test]
    public void Reclassifying_changes_the_item_before_dispatch_only()
    {
        var @case = _cases.Reported();

        @case.Reclassify("QS-HB-002", "实为油污渗漏", _org.TownshipDispatcher, _cases.Next());

        Assert.That(@case.CatalogueItemCode, Is.EqualTo("QS-HB-002"));
        var same = Assert.Throws<InvalidTransitionException>(() => @case.Reclassify("QS-HB-002", "再分类", _org.TownshipDispatcher, _cases.Next()));
        Assert.That(same!.Code, Is.EqualTo(CaseErrorCodes.SameItem));
        var dispatched = _cases.Dispatched();
        Assert.Throws<InvalidTransitionException>(() => dispatched.Reclassify("QS-HB-002", "再分类", _org.TownshipDispatcher, _cases.Next()));
    }

    [Test]
    public void Relocating_moves_a_case_to_the_right_grid_while_it_has_not_been_above_village_level()
    {
        var @case = _cases.Dispatched();

        @case.Relocate(_org.OtherGrid, _org.Village, "上报网格有误", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.GridCode, Is.EqualTo(_org.OtherGrid.Code));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Village.Code));
            var relocated = @case.PendingEvents.Single();
            Assert.That(relocated.Kind, Is.EqualTo(CaseEventKind.Relocated));
            Assert.That(relocated.Data[CaseEventKeys.PreviousGrid], Is.EqualTo(_org.Grid.Code.Value));
        }
    }

    [Test]
    public void Relocating_a_case_a_department_handles_is_a_push_down()
    {
        var @case = _cases.Filed();
        @case.Route(_org.CountyDepartment, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());
        var before = CaseBuilder.Snapshot(@case);

        var error = Assert.Throws<InvalidTransitionException>(() =>
            @case.Relocate(_org.OtherGrid, _org.OtherGrid, "上报网格有误", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));

        Assert.That(error!.Code, Is.EqualTo(CaseErrorCodes.PushDown));
        Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
    }

    [Test]
    public void A_case_a_village_returned_to_its_centre_may_be_relocated_there()
    {
        var @case = _cases.Dispatched();
        @case.Return("事发地不属本村", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next());

        @case.Relocate(_org.OtherGrid, _org.Township, "上报网格有误", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((@case.GridCode, @case.ResponsibleUnit, @case.Floor), Is.EqualTo((_org.OtherGrid.Code, _org.Township.Code, OrgLevel.Township)));
    }

    [Test]
    public void Relocating_to_the_same_grid_or_a_non_grid_is_refused()
    {
        var @case = _cases.Reported();

        Assert.Throws<InvalidTransitionException>(() => @case.Relocate(_org.Grid, _org.Grid, "同一网格", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));
        Assert.Throws<DomainRuleException>(() => @case.Relocate(_org.OtherVillage, _org.OtherVillage, "不是网格", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));
    }
}
