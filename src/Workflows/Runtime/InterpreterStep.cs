using System.Collections.Immutable;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Flow;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// One stimulus being interpreted: a working copy of the state, the entries written so far, and the queue
/// of nodes still to run. Used once, then thrown away.
/// </summary>
internal sealed partial class InterpreterStep(
    CompiledWorkflow workflow,
    WorkflowState state,
    Stimulus stimulus,
    OrgDirectory org,
    WorkingCalendar calendar,
    IResponsibilityRules rules)
{
    private readonly List<JournalEntry> _entries = [];
    private readonly Dictionary<string, TaskRecord> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerRecord> _timers = new(StringComparer.Ordinal);
    private readonly LinkedList<(string NodeId, string? From)> _queue = new();
    private WorkflowState _state = state;
    private Refusal? _refusal;
    private int _activations;

    private DateTime Now => stimulus.At.UtcDateTime;

    private Actor Actor => stimulus.Actor;

    public InterpreterResult Finish() => new(_state, _entries, _tasks.Values.ToList(), _timers.Values.ToList(), _refusal);

    // ---- stimuli -------------------------------------------------------------------------------------

    public void Start(StartStimulus start)
    {
        var variables = start.Variables
            .Where(v => workflow.Definition.Variables.ContainsKey(v.Key))
            .ToImmutableSortedDictionary(v => v.Key, v => CanonicalJson.Normalize(v.Value), StringComparer.Ordinal);
        _state = _state with { Variables = variables };
        Append(JournalKinds.Reported, workflow.StartNodeId, null, new Dictionary<string, object?>
        {
            ["initialUnit"] = start.InitialUnit.Value,
            ["subject"] = SubjectData(start.Subject),
            ["variables"] = variables,
        });
        Enqueue(workflow.StartNodeId, null);
        Drain();
    }

    public InterpreterResult CompleteTask(CompleteTaskStimulus complete)
    {
        var task = _state.Tasks.Find(t => t.TaskId == complete.TaskId);
        if (task is null)
        {
            return Refuse(RefusalKind.Conflict, "task-not-open", $"任务已不在办理中（可能已被办结或撤回）/ Task {complete.TaskId} is not open in this instance.");
        }

        if (task.ClaimedBy is { } holder && holder != Actor.UserId)
        {
            return Refuse(RefusalKind.Conflict, "task-claimed", $"任务已由 {holder} 认领 / Task {task.TaskId} is claimed by {holder}.");
        }

        if (SeparationRefusal(task) is { } separated)
        {
            return separated;
        }

        var data = CanonicalJson.Sorted(complete.Data);
        ActivityResult result;
        if (task.Kind == TaskKind.Incident)
        {
            result = task.Outcomes.Contains(complete.Outcome)
                ? ActivityResult.Next(complete.Outcome)
                : ActivityResult.Reject("outcome", $"结果须为以下之一：{string.Join("、", task.Outcomes)} / Outcome must be one of {string.Join(", ", task.Outcomes)}.");
        }
        else
        {
            result = workflow.Node(task.NodeId).Complete(Context(), complete.Outcome, data);
        }

        if (result is ActivityResult.Rejected rejected)
        {
            return Refuse(RefusalKind.Invalid, "task-completion-invalid", "任务无法以此结果或表单办结 / The task cannot be completed with this outcome or form.", rejected.Errors);
        }

        Append(JournalKinds.TaskCompleted, task.NodeId, null, new Dictionary<string, object?>
        {
            ["taskId"] = task.TaskId,
            ["outcome"] = complete.Outcome,
            ["data"] = data,
        });
        CloseTask(task, WorkTaskStatus.Completed, complete.Outcome);
        StopClock(task, complete.Outcome);
        if (task.Kind == TaskKind.Work)
        {
            RememberPerformer(task.NodeId);
            if (task.Item is not null && _state.Tasks.Any(t => t.Kind == TaskKind.Work && t.NodeId == task.NodeId && t.Item is not null))
            {
                // Not the last instance of a forEach task: its form still sets variables, the node does not leave.
                if (result is ActivityResult.Continue instance)
                {
                    ApplyEffects(task.NodeId, instance.Effects);
                }
            }
            else
            {
                Leave(task.NodeId, result);
            }
        }

        Drain();
        return Finish();
    }

    public InterpreterResult Claim(ClaimTaskStimulus claim)
    {
        var task = _state.Tasks.Find(t => t.TaskId == claim.TaskId);
        if (task is null)
        {
            return Refuse(RefusalKind.Conflict, "task-not-open", $"任务已不在办理中（可能已被办结或撤回）/ Task {claim.TaskId} is not open in this instance.");
        }

        if (task.ClaimedBy == Actor.UserId)
        {
            return Finish();
        }

        if (task.ClaimedBy is { } holder)
        {
            return Refuse(RefusalKind.Conflict, "task-claimed", $"任务已由 {holder} 认领 / Task {task.TaskId} is claimed by {holder}.");
        }

        if (SeparationRefusal(task) is { } separated)
        {
            return separated;
        }

        Append(JournalKinds.TaskClaimed, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId });
        ReplaceTask(task, task with { ClaimedBy = Actor.UserId });
        return Finish();
    }

    public InterpreterResult Release(ReleaseTaskStimulus release)
    {
        var task = _state.Tasks.Find(t => t.TaskId == release.TaskId);
        if (task is null)
        {
            return Refuse(RefusalKind.Conflict, "task-not-open", $"任务已不在办理中（可能已被办结或撤回）/ Task {release.TaskId} is not open in this instance.");
        }

        if (task.ClaimedBy is null)
        {
            return Finish();
        }

        // Someone else's claim: a dispatcher takes it back, and so does a system administrator when its holder leaves.
        if (task.ClaimedBy != Actor.UserId && Actor.Role is not (Role.Dispatcher or Role.SystemAdmin))
        {
            return Refuse(RefusalKind.Conflict, "task-claimed", $"任务已由 {task.ClaimedBy} 认领 / Task {task.TaskId} is claimed by {task.ClaimedBy}.");
        }

        Append(JournalKinds.TaskReleased, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId });
        ReplaceTask(task, task with { ClaimedBy = null });
        return Finish();
    }

    public InterpreterResult TimerFired(TimerFiredStimulus fired)
    {
        var timer = _state.Timers.Find(t => t.TimerId == fired.TimerId);
        if (timer is null || _state.Status != WorkflowStatus.Running)
        {
            return Finish(); // already fired, cancelled or ended: delivering twice changes nothing
        }

        if (Now < timer.DueAt)
        {
            return Refuse(RefusalKind.TooEarly, "timer-early", $"计时器尚未到期 / Timer {timer.TimerId} is due at {timer.DueAt:O}.");
        }

        Append(JournalKinds.TimerFired, timer.NodeId, null, new Dictionary<string, object?>
        {
            ["timerId"] = timer.TimerId,
            ["purpose"] = timer.Purpose.ToString(),
            ["dueAt"] = timer.DueAt,
        });
        _state = _state with { Timers = _state.Timers.Remove(timer) };
        _timers[timer.TimerId] = Record(timer, TimerStatus.Fired);

        var task = timer.TaskId is null ? null : _state.Tasks.Find(t => t.TaskId == timer.TaskId);
        switch (timer.Purpose)
        {
            case TimerPurpose.Delay:
                Leave(timer.NodeId, ActivityResult.Next("done"));
                break;
            case TimerPurpose.Warning when task is not null:
                Append(JournalKinds.DeadlineWarning, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId, ["dueAt"] = task.DueAt });
                ReplaceTask(task, task with { Warned = true });
                ContinueFrom(task.NodeId, "warning");
                break;
            case TimerPurpose.Overdue when task is not null:
                Append(JournalKinds.DeadlineOverdue, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId, ["dueAt"] = task.DueAt });
                var overdue = task with { Overdue = true };
                ReplaceTask(task, overdue);
                if (task.Kind == TaskKind.Work && workflow.Node(task.NodeId).TaskRules is { OverdueInterrupts: false })
                {
                    ContinueFrom(task.NodeId, "overdue"); // non-interrupting: the task stays open, like the warning
                }
                else if (workflow.IsConnected(task.NodeId, "overdue"))
                {
                    CloseTask(overdue, WorkTaskStatus.Cancelled, "overdue");
                    foreach (var sibling in _state.Tasks.Where(t => t.Kind == TaskKind.Work && t.NodeId == task.NodeId && t.Item is not null).ToList())
                    {
                        CloseTask(sibling, WorkTaskStatus.Cancelled, "overdue"); // the node leaves once, for all its instances
                    }

                    Leave(task.NodeId, ActivityResult.Next("overdue"));
                }

                break;
        }

        Drain();
        return Finish();
    }

    public InterpreterResult Reassign(ReassignStimulus reassign)
    {
        if (org.Find(reassign.Unit) is null)
        {
            return Refuse(RefusalKind.Invalid, "unknown-unit", $"单位 {reassign.Unit} 不存在 / Unit {reassign.Unit} does not exist.");
        }

        if (reassign.Unit == _state.Responsibility.ResponsibleUnit)
        {
            return Refuse(RefusalKind.Conflict, "already-responsible", $"{reassign.Unit} is already responsible.");
        }

        Append(JournalKinds.Reassigned, null, null, new Dictionary<string, object?>
        {
            ["unit"] = reassign.Unit.Value,
            ["reason"] = reassign.Reason,
        });
        var previous = _state.Responsibility.ResponsibleUnit;
        if (!Assign(reassign.Unit, JournalKinds.Routed, nodeId: null))
        {
            return Finish();
        }

        Requeue(_state.Tasks.Where(t => t.Kind == TaskKind.Work && t.Queue == previous), reassign.Unit);
        return Finish();
    }

    // ---- running nodes -------------------------------------------------------------------------------

    private void Enqueue(string nodeId, string? from) => _queue.AddLast((nodeId, from));

    private void Drain()
    {
        while (_queue.First is { } next && _state.Status == WorkflowStatus.Running)
        {
            _queue.RemoveFirst();
            if (++_activations > FlowchartInterpreter.MaxActivationsPerStimulus)
            {
                Fault(next.Value.NodeId, $"More than {FlowchartInterpreter.MaxActivationsPerStimulus} nodes ran without waiting: a loop without a task or timer.");
                return;
            }

            Activate(next.Value.NodeId, next.Value.From);
        }
    }

    private void Activate(string nodeId, string? from)
    {
        var node = workflow.Node(nodeId);
        if (node is CompiledJoin join && !Arrive(join, from))
        {
            return;
        }

        Append(JournalKinds.NodeEntered, nodeId, null, new Dictionary<string, object?> { ["type"] = node.Node.Type });
        var result = node.Execute(Context());
        switch (result)
        {
            case ActivityResult.Continue:
                Leave(nodeId, result);
                break;
            case ActivityResult.Suspend suspend:
                ApplyEffects(nodeId, suspend.Effects);
                Wait(nodeId, suspend.Wait);
                break;
            case ActivityResult.Faulted faulted:
                Fault(nodeId, faulted.Message);
                break;
            default:
                Fault(nodeId, $"Node {nodeId} returned {result.GetType().Name} when run.");
                break;
        }
    }

    /// <summary>Leaves a node through the result's outcome ports, applying its effects first.</summary>
    private void Leave(string nodeId, ActivityResult result)
    {
        if (result is not ActivityResult.Continue next)
        {
            Fault(nodeId, $"Node {nodeId} cannot leave with {result.GetType().Name}.");
            return;
        }

        if (next.Rule is not null)
        {
            _state = _state with { LastDecision = next.Rule };
        }

        Append(JournalKinds.NodeExited, nodeId, next.Rule, new Dictionary<string, object?> { ["outcomes"] = next.Outcomes.ToList() });
        if (!ApplyEffects(nodeId, next.Effects))
        {
            return;
        }

        foreach (var outcome in next.Outcomes)
        {
            ContinueFrom(nodeId, outcome);
        }
    }

    private void ContinueFrom(string nodeId, string outcome)
    {
        foreach (var target in workflow.Next(nodeId, outcome))
        {
            Enqueue(target, nodeId);
        }
    }

    /// <summary>Records an arrival at a join; true when the join may run now.</summary>
    private bool Arrive(CompiledJoin join, string? from)
    {
        var id = join.Node.Id;
        var arrived = (_state.JoinArrivals.GetValueOrDefault(id) ?? ImmutableSortedSet.Create<string>(StringComparer.Ordinal)).Add(from ?? "");
        var sources = workflow.Sources(id);
        var complete = join.Mode == JoinMode.Any || sources.All(arrived.Contains);
        if (!complete)
        {
            _state = _state with { JoinArrivals = _state.JoinArrivals.SetItem(id, arrived) };
            Append(JournalKinds.JoinWaiting, id, null, new Dictionary<string, object?>
            {
                ["arrived"] = arrived.ToList(),
                ["waitingFor"] = sources.Where(s => !arrived.Contains(s)).Order(StringComparer.Ordinal).ToList(),
            });
            return false;
        }

        _state = _state with { JoinArrivals = _state.JoinArrivals.Remove(id) };
        if (join.Mode == JoinMode.Any)
        {
            CancelBranchesInto(id);
        }

        return true;
    }

    private void Wait(string nodeId, WaitRequest wait)
    {
        switch (wait)
        {
            case TaskWait task:
                OpenWorkTask(nodeId, task);
                break;
            case TimerWait timer:
                ScheduleTimer(nodeId, TimerPurpose.Delay, timer.DueAt.UtcDateTime, null);
                break;
            default:
                Fault(nodeId, $"Unknown wait {wait.GetType().Name}.");
                break;
        }
    }

    private ActivityContext Context() => new(
        _state.Variables,
        _state.Subject,
        _state.Responsibility,
        stimulus.At,
        Actor,
        org,
        calendar,
        rules)
    {
        Supervising = _state.SupervisedBy,
    };
}
