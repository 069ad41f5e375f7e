using GridCase.Workflows.Activities.Decisions;
using GridCase.Workflows.Activities.Flow;
using GridCase.Workflows.Activities.Messaging;
using GridCase.Workflows.Activities.Routing;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Activities.Timing;

namespace GridCase.Workflows.Activities;

/// <summary>
/// The activity library the default workflow needs: the designer's palette and what definitions may use.
/// </summary>
/// <remarks>
/// Where ports depend on props, <see cref="ActivityDescriptor.OutcomesFromProps"/> names where they come from, as
/// comma-separated paths into props: <c>outcomes</c> (a list of names), <c>rows[].outcome</c> (a field of each
/// item of a list), <c>default</c> (one name). A HumanTask with a <c>deadline</c> also has the ports
/// <c>warning</c> and <c>overdue</c>; an Escalate with a fixed <c>unit</c> has no <c>top</c> port.
/// </remarks>
public static class DefaultActivities
{
    public static ActivityRegistry Create() => new(
    [
        new StartActivity(),
        new EndActivity(),
        new ForkActivity(),
        new JoinActivity(),
        new HumanTaskActivity(),
        new RouteActivity(),
        new EscalateActivity(),
        new SuperviseActivity(),
        new DecisionActivity(),
        new DecisionTableActivity(),
        new SetVariableActivity(),
        new TimerActivity(),
        new NotifyActivity(),
    ]);
}
