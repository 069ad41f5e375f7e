using System.Collections.Immutable;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;

namespace GridCase.Workflows.Runtime;

internal sealed partial class InterpreterStep
{
    public const string IncidentForm = "incident";
    public static readonly ImmutableList<string> IncidentOutcomes = ["handled"];

    /// <summary>Applies effects in order; false when one of them ended the instance or blocked the branch.</summary>
    private bool ApplyEffects(string nodeId, IReadOnlyList<ActivityEffect> effects)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case SetVariable set:
                    var value = CanonicalJson.Normalize(set.Value);
                    _state = _state with { Variables = _state.Variables.SetItem(set.Name, value) };
                    Append(JournalKinds.VariableSet, nodeId, null, new Dictionary<string, object?> { ["name"] = set.Name, ["value"] = value });
                    break;
                case AssignResponsibility assign:
                    var kind = assign.Kind == JournalKinds.Escalated ? JournalKinds.Escalated : JournalKinds.Routed;
                    if (!Assign(assign.Unit, kind, nodeId))
                    {
                        return false;
                    }

                    break;
                case FlagSupervision flag:
                    _state = _state with { SupervisedBy = flag.SupervisingUnit };
                    Append(JournalKinds.SupervisionFlagged, nodeId, null, new Dictionary<string, object?> { ["supervisingUnit"] = flag.SupervisingUnit.Value });
                    break;
                case Notify notify:
                    Append(JournalKinds.Notified, nodeId, null, new Dictionary<string, object?> { ["recipient"] = notify.Recipient, ["message"] = notify.Message });
                    break;
                case CloseSubject close:
                    Complete(nodeId, close.ClosureCode);
                    return false;
                default:
                    Fault(nodeId, $"Unknown effect {effect.GetType().Name}.");
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes a unit responsible, unless the no-push-down rule forbids it: then the refusal is journalled,
    /// the dispatching centre gets an incident task, and responsibility stays where it was.
    /// </summary>
    private bool Assign(UnitCode unitCode, string kind, string? nodeId)
    {
        var unit = org.Find(unitCode);
        if (unit is null)
        {
            Fault(nodeId ?? "", $"单位 {unitCode} 不存在 / Unit {unitCode} does not exist.");
            return false;
        }

        var current = _state.Responsibility;
        var rule = nodeId is null ? "manual-reassignment" : _state.LastDecision ?? $"node:{nodeId}";
        if (IsPushDown(unit.Level))
        {
            Block(nodeId, unit, "assign");
            return false;
        }

        var floor = rules.RaiseFloor(current.Floor, unit.Level);
        var dispatching = rules.DispatchingAfter(Actor, unit.Code, current.DispatchingUnit);
        _state = _state with { Responsibility = new Responsibility(unit.Code, dispatching, floor) };
        Append(kind, nodeId, rule, new Dictionary<string, object?>
        {
            ["from"] = current.ResponsibleUnit.Value,
            ["to"] = unit.Code.Value,
            ["toLevel"] = unit.Level.ToString(),
            ["toKind"] = unit.Kind.ToString(),
            ["floor"] = floor.ToString(),
            ["dispatchingUnit"] = dispatching?.Value,
        });
        if (nodeId is not null)
        {
            // Tasks queued at "the responsible unit" follow responsibility when a node moves it.
            Requeue(_state.Tasks.Where(t => t.Kind == TaskKind.Work && t.Queue != unit.Code && workflow.Node(t.NodeId).TaskRules is { FollowsResponsibility: true }), unit.Code);
        }

        return true;
    }

    /// <summary>Moves open tasks to <paramref name="to"/>: one <c>TaskRequeued</c> entry each, the claim cleared.</summary>
    private void Requeue(IEnumerable<OpenTask> tasks, UnitCode to)
    {
        foreach (var task in tasks.ToList())
        {
            Append(JournalKinds.TaskRequeued, task.NodeId, null, new Dictionary<string, object?>
            {
                ["taskId"] = task.TaskId,
                ["from"] = task.Queue.Value,
                ["to"] = to.Value,
            });
            ReplaceTask(task, task with { Queue = to, ClaimedBy = null });
        }
    }

    public const string SeparationOfDuties = "separation-of-duties";

    /// <summary>The refusal when the actor performed a node this task's node must be separate from (监管分离), else null.</summary>
    private InterpreterResult? SeparationRefusal(OpenTask task)
    {
        if (task.Kind != TaskKind.Work || _state.Performers is not { } performers
            || workflow.Node(task.NodeId).TaskRules is not { SeparateFrom.Count: > 0 } taskRules)
        {
            return null;
        }

        return taskRules.SeparateFrom.Any(node => performers.GetValueOrDefault(node)?.Contains(Actor.UserId) == true)
            ? Refuse(RefusalKind.Conflict, SeparationOfDuties, "监管分离：处置人不得核查本案 / Separation of duties: whoever handled the case cannot verify it.")
            : null;
    }

    /// <summary>Remembers who completed a task at <paramref name="nodeId"/> (people only, not the system).</summary>
    private void RememberPerformer(string nodeId)
    {
        if (Actor.IsSystem)
        {
            return;
        }

        var performers = _state.Performers ?? ImmutableSortedDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
        var users = performers.GetValueOrDefault(nodeId) ?? ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
        _state = _state with { Performers = performers.SetItem(nodeId, users.Add(Actor.UserId)) };
    }

    private bool IsPushDown(OrgLevel targetLevel, TaskPurpose purpose = TaskPurpose.Disposal) =>
        rules.Forbids(_state.Responsibility.Floor, targetLevel, purpose);

    private void Block(string? nodeId, OrgUnit target, string action)
    {
        var current = _state.Responsibility;
        var message = $"{NoPushDownPolicy.RuleText}：{target.Name}（{target.Code}）低于案件已到达的层级，未作改动 / No push-down: {target.Code} ({target.Level}) is below the floor {current.Floor}.";
        Append(JournalKinds.EscalationBlocked, nodeId, NoPushDownRule, new Dictionary<string, object?>
        {
            ["action"] = action,
            ["target"] = target.Code.Value,
            ["targetLevel"] = target.Level.ToString(),
            ["floor"] = current.Floor.ToString(),
            ["responsibleUnit"] = current.ResponsibleUnit.Value,
        });
        if (nodeId is not null)
        {
            // The engine itself was about to push down: the dispatching centre must look at it.
            var centre = CommandCentre(current.DispatchingUnit) ?? org.AreaAt(_state.Subject.GridCode, OrgLevel.Township)?.Code ?? current.ResponsibleUnit;
            OpenTask(nodeId, TaskKind.Incident, centre, IncidentForm, IncidentOutcomes, null);
        }

        _refusal = new Refusal(RefusalKind.Conflict, NoPushDownRule, message);
    }

    public const string NoPushDownRule = "no-push-down";

    /// <summary>The dispatching unit when it is a command centre (a township, county or city area), else null.</summary>
    private UnitCode? CommandCentre(UnitCode? dispatching) =>
        dispatching is { } code && org.Find(code) is { Kind: UnitKind.Area, Level: >= OrgLevel.Township } unit ? unit.Code : null;

    private void OpenWorkTask(string nodeId, TaskWait wait)
    {
        var rules = workflow.Node(nodeId).TaskRules;
        var purpose = rules?.Purpose ?? TaskPurpose.Disposal;
        var queues = new List<OrgUnit>();
        foreach (var code in wait.Items ?? [wait.Queue])
        {
            var queue = org.Find(code);
            if (queue is null)
            {
                Fault(nodeId, $"Queue unit {code} does not exist.");
                return;
            }

            // A check or a visit at grid level is allowed after the floor was raised; disposal is not.
            if (IsPushDown(queue.Level, purpose))
            {
                Block(nodeId, queue, "open-task");
                return;
            }

            queues.Add(queue);
        }

        var deadline = ResumeDeadline(nodeId, wait.Deadline);
        foreach (var queue in queues)
        {
            OpenTask(nodeId, TaskKind.Work, queue.Code, wait.Form, [.. wait.Outcomes], deadline, new TaskExtras(
                purpose, wait.Items is null ? null : queue.Code.Value, rules?.ClaimFromAbove ?? false));
        }
    }

    /// <summary>What a work task may carry besides its queue and form; each is journalled only when set.</summary>
    private sealed record TaskExtras(TaskPurpose Purpose, string? Item, bool ClaimFromAbove);

    /// <summary>
    /// A node whose clock was stopped gets the time that was left (plus approved extra hours) instead of a fresh
    /// limit; the extra hours are used up.
    /// </summary>
    private TaskDeadline? ResumeDeadline(string nodeId, TaskDeadline? fresh)
    {
        if (fresh?.Resume is not { } resume || !_state.CarriedDeadlines.TryGetValue(nodeId, out var leftSeconds))
        {
            return fresh;
        }

        var extraHours = resume.ExtendBy is { } variable && _state.Variables.GetValueOrDefault(variable) is long or double
            ? Convert.ToDouble(_state.Variables[variable], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        var total = TimeSpan.FromSeconds(leftSeconds) + TimeSpan.FromHours(Math.Max(0, extraHours));
        var now = stimulus.At;
        var deadline = resume.WorkingTime
            ? new TaskDeadline(calendar.AddWorkingHours(now, total * resume.WarnFraction), calendar.AddWorkingHours(now, total), resume)
            : new TaskDeadline(now + (total * resume.WarnFraction), now + total, resume);
        _state = _state with { CarriedDeadlines = _state.CarriedDeadlines.Remove(nodeId) };
        Append(JournalKinds.DeadlineResumed, nodeId, null, new Dictionary<string, object?>
        {
            ["leftSeconds"] = leftSeconds,
            ["extraHours"] = extraHours,
            ["dueAt"] = deadline.DueAt.UtcDateTime,
        });
        if (extraHours > 0)
        {
            _state = _state with { Variables = _state.Variables.SetItem(resume.ExtendBy!, null) };
            Append(JournalKinds.VariableSet, nodeId, null, new Dictionary<string, object?> { ["name"] = resume.ExtendBy, ["value"] = null });
        }

        return deadline;
    }

    /// <summary>Leaving a task through a carry-over outcome stops its clock: the time left is kept for the node.</summary>
    private void StopClock(OpenTask task, string outcome)
    {
        if (task.Resume is not { } resume || task.DueAt is not { } due || !resume.CarryOver.Contains(outcome))
        {
            return;
        }

        var now = stimulus.At;
        var left = resume.WorkingTime
            ? calendar.WorkingTimeBetween(now, new DateTimeOffset(due, TimeSpan.Zero))
            : new DateTimeOffset(due, TimeSpan.Zero) - now;
        var leftSeconds = (long)Math.Max(0, left.TotalSeconds);
        _state = _state with { CarriedDeadlines = _state.CarriedDeadlines.SetItem(task.NodeId, leftSeconds) };
        Append(JournalKinds.DeadlineStopped, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId, ["leftSeconds"] = leftSeconds });
    }

    private void OpenTask(
        string nodeId, TaskKind kind, UnitCode queue, string form, ImmutableList<string> outcomes, TaskDeadline? deadline, TaskExtras? extras = null)
    {
        var id = NextId();
        var task = new OpenTask(id, nodeId, kind, queue, form, outcomes, Now, deadline?.WarnAt.UtcDateTime, deadline?.DueAt.UtcDateTime)
        {
            Resume = deadline?.Resume,
            Purpose = extras?.Purpose ?? TaskPurpose.Disposal,
            Item = extras?.Item,
            ClaimFromAbove = extras?.ClaimFromAbove ?? false,
        };
        _state = _state with { Tasks = _state.Tasks.Add(task) };
        _tasks[id] = Record(task, WorkTaskStatus.Open, null, null);
        var data = new Dictionary<string, object?>
        {
            ["taskId"] = id,
            ["kind"] = kind.ToString(),
            ["queue"] = queue.Value,
            ["form"] = form,
            ["outcomes"] = outcomes.ToList(),
            ["warnAt"] = task.WarnAt,
            ["dueAt"] = task.DueAt,
        };

        // Only what a new feature uses is added, so the journals of definitions without them stay byte-identical.
        if (task.Purpose != TaskPurpose.Disposal)
        {
            data["purpose"] = task.Purpose.ToString().ToLowerInvariant();
        }

        if (task.Item is not null)
        {
            data["item"] = task.Item;
        }

        if (task.ClaimFromAbove)
        {
            data["claimFromAbove"] = true;
        }

        Append(JournalKinds.TaskOpened, nodeId, null, data);
        if (deadline is not null)
        {
            ScheduleTimer(nodeId, TimerPurpose.Warning, deadline.WarnAt.UtcDateTime, id);
            ScheduleTimer(nodeId, TimerPurpose.Overdue, deadline.DueAt.UtcDateTime, id);
        }
    }

    private void ScheduleTimer(string nodeId, TimerPurpose purpose, DateTime dueAt, string? taskId)
    {
        var timer = new PendingTimer(NextId(), nodeId, purpose, dueAt, taskId);
        _state = _state with { Timers = _state.Timers.Add(timer) };
        _timers[timer.TimerId] = Record(timer, TimerStatus.Pending);
        Append(JournalKinds.TimerScheduled, nodeId, null, new Dictionary<string, object?>
        {
            ["timerId"] = timer.TimerId,
            ["purpose"] = purpose.ToString(),
            ["dueAt"] = dueAt,
            ["taskId"] = taskId,
        });
    }

    private void CloseTask(OpenTask task, WorkTaskStatus status, string? outcome)
    {
        _state = _state with { Tasks = _state.Tasks.RemoveAll(t => t.TaskId == task.TaskId) };
        _tasks[task.TaskId] = Record(task, status, outcome, Now);
        if (status == WorkTaskStatus.Cancelled)
        {
            Append(JournalKinds.TaskCancelled, task.NodeId, null, new Dictionary<string, object?> { ["taskId"] = task.TaskId, ["reason"] = outcome });
        }

        foreach (var timer in _state.Timers.Where(t => t.TaskId == task.TaskId).ToList())
        {
            CancelTimer(timer);
        }
    }

    private void CancelTimer(PendingTimer timer)
    {
        _state = _state with { Timers = _state.Timers.Remove(timer) };
        _timers[timer.TimerId] = Record(timer, TimerStatus.Cancelled);
        Append(JournalKinds.TimerCancelled, timer.NodeId, null, new Dictionary<string, object?> { ["timerId"] = timer.TimerId, ["purpose"] = timer.Purpose.ToString() });
    }

    private void ReplaceTask(OpenTask before, OpenTask after)
    {
        _state = _state with { Tasks = _state.Tasks.Replace(before, after) };
        _tasks[after.TaskId] = Record(after, WorkTaskStatus.Open, null, null);
    }

    /// <summary>
    /// A join in <c>any</c> mode went on: the work still open on the other branches (nodes that lead into the
    /// join) is cancelled, and tokens still queued for them are dropped.
    /// </summary>
    private void CancelBranchesInto(string joinId)
    {
        var upstream = workflow.Upstream(joinId);
        for (var node = _queue.First; node is not null;)
        {
            var following = node.Next;
            if (upstream.Contains(node.Value.NodeId) || node.Value.NodeId == joinId)
            {
                _queue.Remove(node);
            }

            node = following;
        }

        foreach (var task in _state.Tasks.Where(t => upstream.Contains(t.NodeId)).ToList())
        {
            CloseTask(task, WorkTaskStatus.Cancelled, "join-any");
        }

        foreach (var timer in _state.Timers.Where(t => t.TaskId is null && upstream.Contains(t.NodeId)).ToList())
        {
            CancelTimer(timer);
        }
    }

    /// <summary>Closes the subject: every open task and timer is cancelled and the instance completes.</summary>
    private void Complete(string nodeId, string closureCode)
    {
        Append(JournalKinds.Closed, nodeId, null, new Dictionary<string, object?> { ["closureCode"] = closureCode });
        foreach (var task in _state.Tasks.ToList())
        {
            CloseTask(task, WorkTaskStatus.Cancelled, "closed");
        }

        foreach (var timer in _state.Timers.ToList())
        {
            CancelTimer(timer);
        }

        _queue.Clear();
        _state = _state with { ClosureCode = closureCode, Status = WorkflowStatus.Completed, JoinArrivals = _state.JoinArrivals.Clear() };
        Append(JournalKinds.Completed, nodeId, null, new Dictionary<string, object?> { ["closureCode"] = closureCode });
    }

    private void Fault(string nodeId, string message)
    {
        _queue.Clear();
        _state = _state with { Status = WorkflowStatus.Faulted };
        Append(JournalKinds.Faulted, nodeId, null, new Dictionary<string, object?> { ["message"] = message });
    }

    private InterpreterResult Refuse(RefusalKind kind, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        InterpreterResult.Refused(_state, new Refusal(kind, code, message, errors));

    private string NextId()
    {
        _state = _state with { IdCounter = _state.IdCounter + 1 };
        return DeterministicId.For(_state.InstanceId, _state.IdCounter);
    }

    private void Append(string kind, string? nodeId, string? rule, IReadOnlyDictionary<string, object?> data)
    {
        var entry = new JournalEntry(
            _state.InstanceId,
            _state.LastSeq + 1,
            Now,
            JournalActor.From(Actor),
            kind,
            nodeId,
            _state.DefinitionId,
            _state.Version,
            rule,
            CanonicalJson.Write(data),
            "",
            "");
        var sealedEntry = JournalChain.Seal(entry, _state.LastHash);
        _entries.Add(sealedEntry);
        _state = _state with { LastSeq = sealedEntry.Seq, LastHash = sealedEntry.Hash };
    }

    private static SortedDictionary<string, object?> SubjectData(SubjectFacts subject) => CanonicalJson.Sorted(new Dictionary<string, object?>
    {
        ["gridCode"] = subject.GridCode.Value,
        ["catalogueItemCode"] = subject.CatalogueItemCode,
        ["categoryCode"] = subject.CategoryCode,
        ["owningDepartment"] = subject.OwningDepartment.Value,
        ["channel"] = subject.Channel,
        ["timeLimitHours"] = subject.TimeLimitHours.ToDictionary(p => ((int)p.Key).ToString(System.Globalization.CultureInfo.InvariantCulture), p => (object?)p.Value),
    });

    private TaskRecord Record(OpenTask task, WorkTaskStatus status, string? outcome, DateTime? closedAt) => new(
        task.TaskId,
        _state.InstanceId,
        task.NodeId,
        task.Kind,
        task.Queue.Value,
        task.Form,
        task.Outcomes,
        status,
        task.ClaimedBy,
        task.OpenedAt,
        task.WarnAt,
        task.DueAt,
        task.Warned,
        task.Overdue,
        outcome,
        closedAt)
    {
        Purpose = task.Purpose,
        Item = task.Item,
        ClaimFromAbove = task.ClaimFromAbove,
    };

    private TimerRecord Record(PendingTimer timer, TimerStatus status) =>
        new(timer.TimerId, _state.InstanceId, timer.NodeId, timer.Purpose, timer.DueAt, status);
}
