using GridCase.Workflows.Ports;

namespace GridCase.Workflows.Runtime;

/// <summary>What a stimulus did: the state after it, the entries written, or why it was refused.</summary>
public sealed record RunOutcome(WorkflowState? State, IReadOnlyList<Journal.JournalEntry> Entries, Refusal? Refusal)
{
    /// <summary>The task rows the stimulus wrote (opened, completed, cancelled, claimed).</summary>
    public IReadOnlyList<TaskRecord> Tasks { get; init; } = [];

    public bool Accepted => Refusal is null;
}

/// <summary>
/// Load → interpret → commit, one transaction per stimulus, guarded by the instance's concurrency stamp;
/// timers are handed to the scheduler only after the commit (a crash in between is repaired by the
/// reconciler, which schedules every pending timer at start-up).
/// </summary>
public sealed class WorkflowRuntime(
    IDefinitionStore definitions,
    IWorkflowStore store,
    ITimerScheduler scheduler,
    FlowchartInterpreter interpreter,
    CompiledWorkflowCache cache)
{
    /// <summary>Starts an instance on <paramref name="version"/>, or on the latest published version.</summary>
    public async Task<RunOutcome> StartAsync(string definitionId, int? version, StartStimulus start, CancellationToken cancellationToken = default)
    {
        var pinned = version ?? await definitions.LatestPublishedVersionAsync(definitionId, cancellationToken);
        if (pinned is null)
        {
            return new RunOutcome(null, [], new Refusal(RefusalKind.NotFound, "definition-not-published", $"Workflow '{definitionId}' has no published version."));
        }

        var workflow = await cache.GetAsync(definitions, definitionId, pinned.Value, cancellationToken);
        if (workflow is null)
        {
            return new RunOutcome(null, [], new Refusal(RefusalKind.NotFound, "definition-not-published", $"Workflow '{definitionId}' v{pinned} is not published."));
        }

        var result = interpreter.Run(workflow, null, start);
        return await CommitAsync(result, expectedStamp: null, cancellationToken);
    }

    /// <summary>Delivers a stimulus to an existing instance, on the version it is pinned to.</summary>
    public async Task<RunOutcome> SendAsync(Guid instanceId, Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAsync(instanceId, cancellationToken);
        if (stored is null)
        {
            return new RunOutcome(null, [], new Refusal(RefusalKind.NotFound, "instance-not-found", $"Instance {instanceId} does not exist."));
        }

        var workflow = await cache.GetAsync(definitions, stored.State.DefinitionId, stored.State.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Instance {instanceId} is pinned to {stored.State.DefinitionId} v{stored.State.Version}, which is not published.");
        var result = interpreter.Run(workflow, stored.State, stimulus);
        return await CommitAsync(result, stored.Stamp, cancellationToken);
    }

    private async Task<RunOutcome> CommitAsync(InterpreterResult result, Guid? expectedStamp, CancellationToken cancellationToken)
    {
        if (!result.HasChanges)
        {
            return new RunOutcome(result.State, [], result.Refusal);
        }

        await store.CommitAsync(new WorkflowCommit(result.State!, expectedStamp, Guid.NewGuid(), result.Entries, result.Tasks, result.Timers), cancellationToken);

        var scheduled = result.Timers.Where(t => t.Status == TimerStatus.Pending).ToList();
        if (scheduled.Count > 0)
        {
            await scheduler.ScheduleAsync(scheduled, cancellationToken);
        }

        var cancelled = result.Timers.Where(t => t.Status != TimerStatus.Pending).ToList();
        if (cancelled.Count > 0)
        {
            await scheduler.CancelAsync(cancelled, cancellationToken);
        }

        return new RunOutcome(result.State, result.Entries, result.Refusal) { Tasks = result.Tasks };
    }
}
