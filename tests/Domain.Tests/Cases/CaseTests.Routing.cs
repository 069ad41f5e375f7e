using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

public sealed partial class CaseTests
{
    [Test]
    public void Route_makes_the_target_responsible_and_remembers_who_dispatched()
    {
        var @case = _cases.Filed();

        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Dispatched));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Township.Code));
            Assert.That(@case.DispatchingUnit, Is.EqualTo(_org.County.Code));
            Assert.That(@case.Floor, Is.EqualTo(OrgLevel.Township));
            var routed = @case.PendingEvents.Single();
            Assert.That(routed.Kind, Is.EqualTo(CaseEventKind.Routed));
            Assert.That(routed.Data[CaseEventKeys.From], Is.EqualTo(_org.Grid.Code.Value));
            Assert.That(routed.Data[CaseEventKeys.To], Is.EqualTo(_org.Township.Code.Value));
            Assert.That(routed.Data[CaseEventKeys.Floor], Is.EqualTo("Township"));
        }
    }

    [Test]
    public void Route_by_the_system_keeps_the_previous_dispatching_unit()
    {
        var @case = _cases.Dispatched();

        @case.Route(_org.Township, NoPushDownPolicy.Default, Actor.System, _cases.Next());

        Assert.That(@case.DispatchingUnit, Is.EqualTo(_org.Township.Code));
    }

    [Test]
    public void Routing_within_the_grid_level_is_allowed_before_the_floor_is_reached()
    {
        var @case = _cases.Filed();

        @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());
        @case.Route(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());
        @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((@case.ResponsibleUnit, @case.Floor), Is.EqualTo((_org.Grid.Code, OrgLevel.Village)));
    }

    // grid ─▶ village ─▶ county department ─▶ township ─▶ village: the floor only goes up.
    [Test]
    public void Floor_is_the_highest_level_ever_routed_to()
    {
        var @case = _cases.Filed();
        var floors = new List<OrgLevel>();

        foreach (var unit in new[] { _org.Village, _org.CountyDepartment, _org.Township, _org.Village })
        {
            @case.Route(unit, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());
            floors.Add(@case.Floor);
        }

        Assert.That(floors, Is.EqualTo(new[] { OrgLevel.Village, OrgLevel.County, OrgLevel.County, OrgLevel.County }));
    }

    [Test]
    public void Floor_does_not_fall_on_a_return()
    {
        var @case = _cases.Filed();
        @case.Route(_org.CountyDepartment, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        @case.Return("不属于本部门职责", NoPushDownPolicy.Default, _org.DepartmentHandler, _cases.Next());

        Assert.That((@case.ResponsibleUnit, @case.Floor), Is.EqualTo((_org.Township.Code, OrgLevel.County)));
    }

    [Test]
    public void Route_to_a_grid_after_a_township_is_refused()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());
        @case.DequeuePendingEvents();
        var before = CaseBuilder.Snapshot(@case);

        var ex = Assert.Throws<InvalidTransitionException>(
            () => @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.PushDown));
            Assert.That(ex.Message, Does.StartWith("不得将应由乡镇（街道）或部门处置的事件流转返回到网格"));
            Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_refused_push_down_leaves_an_escalation_blocked_event_pending()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());
        @case.DequeuePendingEvents();
        var at = _cases.Next();

        Assert.Throws<InvalidTransitionException>(() => @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, at));

        var blocked = @case.PendingEvents.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(blocked.Kind, Is.EqualTo(CaseEventKind.EscalationBlocked));
            Assert.That(blocked.Actor, Is.EqualTo(_org.TownshipDispatcher));
            Assert.That(blocked.At, Is.EqualTo(at.UtcDateTime));
            Assert.That(blocked.Data[CaseEventKeys.Rule], Is.EqualTo(CaseErrorCodes.PushDown));
            Assert.That(blocked.Data[CaseEventKeys.Action], Is.EqualTo(CaseEventKeys.RouteAction));
            Assert.That(blocked.Data[CaseEventKeys.To], Is.EqualTo(_org.Grid.Code.Value));
            Assert.That(blocked.Data[CaseEventKeys.ToLevel], Is.EqualTo("Grid"));
            Assert.That(blocked.Data[CaseEventKeys.Floor], Is.EqualTo("Township"));
            Assert.That(blocked.Data[CaseEventKeys.ResponsibleUnit], Is.EqualTo(_org.Township.Code.Value));
        }
    }

    [Test]
    public void Try_route_answers_a_push_down_with_a_refusal_instead_of_throwing()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());
        @case.DequeuePendingEvents();

        var result = @case.TryRoute(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsAccepted, Is.False);
            Assert.That(result.RefusalCode, Is.EqualTo(CaseErrorCodes.PushDown));
            Assert.That(result.Event, Is.SameAs(@case.PendingEvents.Single()));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Township.Code));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Dispatched));
        }

        Assert.That(result.ThrowIfRefused, Throws.TypeOf<InvalidTransitionException>());
    }

    [Test]
    public void Try_route_accepted_carries_the_routed_event()
    {
        var @case = _cases.Filed();

        var result = @case.TryRoute(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((result.IsAccepted, result.Event.Kind, result.RefusalCode), Is.EqualTo((true, CaseEventKind.Routed, (string?)null)));
        Assert.That(result.ThrowIfRefused, Throws.Nothing);
    }

    [Test]
    public void Department_routing_blocks_later_grid_routing()
    {
        var @case = _cases.Filed();
        @case.Route(_org.TownshipStation, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        var result = @case.TryRoute(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((result.IsAccepted, @case.Floor, @case.ResponsibleUnit), Is.EqualTo((false, OrgLevel.Township, _org.TownshipStation.Code)));
    }

    [Test]
    public void Village_routing_after_a_township_is_allowed_by_the_default_policy()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());

        @case.Route(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((@case.ResponsibleUnit, @case.Floor), Is.EqualTo((_org.Village.Code, OrgLevel.Township)));
    }

    [Test]
    public void Grid_routing_after_a_village_is_allowed_by_the_default_policy()
    {
        var @case = _cases.Dispatched();

        @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Grid.Code));
    }

    [Test]
    public void A_policy_with_a_village_floor_blocks_grid_routing_after_a_village()
    {
        var policy = new NoPushDownPolicy(floorFrom: OrgLevel.Village);
        var @case = _cases.Filed();
        @case.Route(_org.Village, policy, _org.TownshipDispatcher, _cases.Next());
        @case.DequeuePendingEvents();

        var result = @case.TryRoute(_org.Grid, policy, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsAccepted, Is.False);
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Village.Code));
            Assert.That(@case.PendingEvents.Single().Data[CaseEventKeys.PolicyFloorFrom], Is.EqualTo("Village"));
        }
    }

    [Test]
    public void A_policy_blocking_villages_refuses_village_routing_after_a_county_department()
    {
        var policy = new NoPushDownPolicy(OrgLevel.Township, OrgLevel.Village);
        var @case = _cases.Filed();
        @case.Route(_org.CountyDepartment, policy, _org.CountyDispatcher, _cases.Next());

        Assert.That(@case.TryRoute(_org.Village, policy, _org.CountyDispatcher, _cases.Next()).IsAccepted, Is.False);
        Assert.That(@case.TryRoute(_org.Township, policy, _org.CountyDispatcher, _cases.Next()).IsAccepted, Is.True);
    }

    [Test]
    public void Route_to_the_unit_already_responsible_is_refused()
    {
        var @case = _cases.Dispatched();

        var ex = Assert.Throws<InvalidTransitionException>(
            () => @case.Route(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));

        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.AlreadyResponsible));
    }

    [Test]
    public void A_filed_case_may_be_dispatched_to_the_grid_it_was_reported_in()
    {
        var @case = _cases.Filed();

        @case.Route(_org.Grid, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        Assert.That((@case.Status, @case.ResponsibleUnit), Is.EqualTo((CaseStatus.Dispatched, _org.Grid.Code)));
    }

    [Test]
    public void Route_to_a_unit_that_does_not_cover_the_grid_is_refused()
    {
        var @case = _cases.Filed();

        AssertRule(() => @case.Route(_org.OtherCounty, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next()), CaseErrorCodes.RouteOutsideArea);
        AssertRule(() => @case.Route(_org.OtherVillage, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next()), CaseErrorCodes.RouteOutsideArea);
        AssertRule(() => @case.Route(_org.OtherGrid, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next()), CaseErrorCodes.RouteOutsideArea);
        AssertRule(() => @case.Route(_org.OtherCountyGrid, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next()), CaseErrorCodes.RouteOutsideArea);
        Assert.That(@case.PendingEvents, Is.Empty);
    }

    [Test]
    public void Route_to_the_city_covers_every_grid_of_the_city()
    {
        var @case = _cases.Filed();

        @case.Route(_org.City, NoPushDownPolicy.Default, _org.CountyDispatcher, _cases.Next());

        Assert.That(@case.Floor, Is.EqualTo(OrgLevel.City));
    }

    [Test]
    public void Return_goes_to_the_dispatching_unit_and_is_counted()
    {
        var @case = _cases.Dispatched();

        @case.Return("不属于村级职责", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Filed));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Township.Code));
            Assert.That(@case.ReturnCount, Is.EqualTo(1));
            var returned = @case.PendingEvents.Single();
            Assert.That(returned.Kind, Is.EqualTo(CaseEventKind.Returned));
            Assert.That(returned.Data[CaseEventKeys.Reason], Is.EqualTo("不属于村级职责"));
            Assert.That(returned.Data[CaseEventKeys.ReturnCount], Is.EqualTo("1"));
        }
    }

    [Test]
    public void Returns_are_counted_across_redispatches()
    {
        var @case = _cases.Dispatched();
        @case.Return("非村级事项", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next());
        @case.Route(_org.CountyDepartment, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        @case.Return("非本部门职责", NoPushDownPolicy.Default, _org.DepartmentHandler, _cases.Next());

        Assert.That((@case.ReturnCount, @case.ResponsibleUnit), Is.EqualTo((2, _org.Township.Code)));
    }

    [Test]
    public void A_return_is_refused_once_the_floor_forbids_the_dispatching_centre()
    {
        // A policy that blocks townships once a case reached the county: the township that dispatched it upward
        // may no longer take it back.
        var policy = new NoPushDownPolicy(floorFrom: OrgLevel.County, blockedLevel: OrgLevel.Township);
        var @case = _cases.Filed();
        @case.Route(_org.County, policy, _org.TownshipDispatcher, _cases.Next());
        @case.DequeuePendingEvents();
        var before = CaseBuilder.Snapshot(@case);

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.Return("非县级事项", policy, _org.CountyDispatcher, _cases.Next()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.PushDown));
            Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
            var blocked = @case.PendingEvents.Single();
            Assert.That(blocked.Kind, Is.EqualTo(CaseEventKind.EscalationBlocked));
            Assert.That(blocked.Data[CaseEventKeys.Action], Is.EqualTo(CaseEventKeys.ReturnAction));
            Assert.That(blocked.Data[CaseEventKeys.To], Is.EqualTo(_org.Township.Code.Value));
        }
    }

    [Test]
    public void A_grid_member_routing_does_not_make_the_grid_a_dispatching_centre()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Village, NoPushDownPolicy.Default, _org.GridMember, _cases.Next());

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.Return("非村级事项", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next()));

        Assert.That((@case.DispatchingUnit, ex.Code), Is.EqualTo(((UnitCode?)null, CaseErrorCodes.NoDispatchingUnit)));
    }

    [Test]
    public void A_return_raises_the_floor_to_the_dispatching_centre()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Village, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        @case.Return("非村级事项", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next());

        Assert.That((@case.ResponsibleUnit, @case.Floor, @case.Status), Is.EqualTo((_org.Township.Code, OrgLevel.Township, CaseStatus.Filed)));
    }

    [Test]
    public void Return_without_a_dispatching_unit_is_refused()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Village, NoPushDownPolicy.Default, Actor.System, _cases.Next());

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.Return("非村级事项", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next()));

        Assert.That((ex.Code, @case.ReturnCount), Is.EqualTo((CaseErrorCodes.NoDispatchingUnit, 0)));
    }

    [Test]
    public void Return_to_the_unit_that_dispatched_to_itself_is_refused()
    {
        var @case = _cases.Filed();
        @case.Route(_org.Township, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.Return("非本级事项", NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next()));

        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.ReturnToSelf));
    }

    [Test]
    public void Return_without_a_reason_is_refused() =>
        AssertRule(() => _cases.Dispatched().Return("", NoPushDownPolicy.Default, _org.VillageHandler, _cases.Next()), CaseErrorCodes.Reason);
}
