using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;

namespace GridCase.Domain.Tests.Cases;

public sealed partial class CaseTests
{
    private const bool Allowed = true;
    private const bool Refused = false;

    public enum CaseAction
    {
        Triage,
        MarkInvalid,
        MarkDuplicate,
        Route,
        Return,
        Extend,
        Park,
        Resume,
        SubmitFeedback,
        Rework,
        CloseResolved,
        CloseParked,
        Evaluate,
        FlagSupervision,
    }

    // Every action from every status. A refusal is an InvalidTransitionException naming status and action,
    // and leaves the case exactly as it was, with no event.
    [TestCase(CaseAction.Triage, CaseStatus.Reported, Allowed)]
    [TestCase(CaseAction.Triage, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Triage, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.Triage, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Triage, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Triage, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.Reported, Allowed)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.Filed, Allowed)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.MarkInvalid, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.Reported, Allowed)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.Filed, Allowed)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.MarkDuplicate, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Route, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Route, CaseStatus.Filed, Allowed)]
    [TestCase(CaseAction.Route, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.Route, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Route, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Route, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Return, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Return, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Return, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.Return, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Return, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Return, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Extend, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Extend, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Extend, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.Extend, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Extend, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Extend, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Park, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Park, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Park, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.Park, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Park, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Park, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Resume, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Resume, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Resume, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.Resume, CaseStatus.Parked, Allowed)]
    [TestCase(CaseAction.Resume, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Resume, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Rework, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Rework, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Rework, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.Rework, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Rework, CaseStatus.AwaitingVerification, Allowed)]
    [TestCase(CaseAction.Rework, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.AwaitingVerification, Allowed)]
    [TestCase(CaseAction.CloseResolved, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.CloseParked, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.CloseParked, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.CloseParked, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.CloseParked, CaseStatus.Parked, Allowed)]
    [TestCase(CaseAction.CloseParked, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.CloseParked, CaseStatus.Closed, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.Reported, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.Filed, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.Dispatched, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.Parked, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.AwaitingVerification, Refused)]
    [TestCase(CaseAction.Evaluate, CaseStatus.Closed, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.Reported, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.Filed, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.Dispatched, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.Parked, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.AwaitingVerification, Allowed)]
    [TestCase(CaseAction.FlagSupervision, CaseStatus.Closed, Refused)]
    public void Transition_matrix(CaseAction action, CaseStatus status, bool allowed)
    {
        var @case = _cases.InStatus(status);
        var before = CaseBuilder.Snapshot(@case);

        void Act() => Apply(@case, action);

        if (allowed)
        {
            Assert.DoesNotThrow(Act);
            Assert.That(@case.PendingEvents, Has.Count.EqualTo(1));
        }
        else
        {
            var ex = Assert.Throws<InvalidTransitionException>(Act);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.InvalidTransition));
                Assert.That(ex.Message, Does.Contain(status.ToString()));
                Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
                Assert.That(@case.PendingEvents, Is.Empty);
            }
        }
    }

    [TestCase(CaseAction.Triage, CaseStatus.Filed)]
    [TestCase(CaseAction.Route, CaseStatus.Reported)]
    [TestCase(CaseAction.SubmitFeedback, CaseStatus.Parked)]
    [TestCase(CaseAction.Rework, CaseStatus.Dispatched)]
    public void A_refused_transition_names_the_attempted_action(CaseAction action, CaseStatus status)
    {
        var words = action switch
        {
            CaseAction.Triage => "triage",
            CaseAction.Route => "route",
            CaseAction.SubmitFeedback => "submit feedback",
            _ => "rework",
        };

        var ex = Assert.Throws<InvalidTransitionException>(() => Apply(_cases.InStatus(status), action));

        Assert.That(ex.Message, Does.Contain(words).And.Contain(status.ToString()));
    }

    private void Apply(Case @case, CaseAction action)
    {
        var at = _cases.Next();
        switch (action)
        {
            case CaseAction.Triage:
                @case.Triage(Difficulty.Simple, CaseScope.Grid, _org.TownshipDispatcher, at);
                break;
            case CaseAction.MarkInvalid:
                @case.MarkInvalid(ClosureCode.Invalid, "不属于入格事项", _org.TownshipDispatcher, at);
                break;
            case CaseAction.MarkDuplicate:
                @case.MarkInvalid(ClosureCode.Duplicate, "重复上报", _org.TownshipDispatcher, at);
                break;
            case CaseAction.Route:
                @case.Route(_org.CountyDepartment, NoPushDownPolicy.Default, _org.CountyDispatcher, at);
                break;
            case CaseAction.Return:
                @case.Return("非本单位职责", NoPushDownPolicy.Default, _org.VillageHandler, at);
                break;
            case CaseAction.Extend:
                @case.Extend(24, _org.TownshipDispatcher, at);
                break;
            case CaseAction.Park:
                @case.Park("暂无法解决", _org.VillageHandler, at);
                break;
            case CaseAction.Resume:
                @case.Resume(_org.TownshipDispatcher, at);
                break;
            case CaseAction.SubmitFeedback:
                @case.SubmitFeedback("已处理", _org.VillageHandler, at);
                break;
            case CaseAction.Rework:
                @case.Rework("核查未通过", _org.TownshipDispatcher, at);
                break;
            case CaseAction.CloseResolved:
                @case.Close(ClosureCode.Resolved, _org.TownshipDispatcher, at);
                break;
            case CaseAction.CloseParked:
                @case.Close(ClosureCode.Parked, _org.TownshipDispatcher, at);
                break;
            case CaseAction.Evaluate:
                @case.Evaluate(5, Actor.System, at);
                break;
            case CaseAction.FlagSupervision:
                @case.FlagSupervision(_org.County.Code, _org.CountyDispatcher, at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
