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
/// A stimulus interpreted but not yet written: what the interpreter decided and the stamp its commit is guarded by.
/// Preparing reads and writes nothing, so a caller can do it before taking its write transaction.
/// </summary>
public sealed class PreparedRun
{
    internal PreparedRun(InterpreterResult? result, Guid? expectedStamp, RunOutcome? unchanged)
    {
        Result = result;
        ExpectedStamp = expectedStamp;
        Unchanged = unchanged;
    }

    internal InterpreterResult? Result { get; }

    internal Guid? ExpectedStamp { get; }

    /// <summary>Set when there is nothing to write: the instance or definition was not found, or the stimulus changed nothing.</summary>
    public RunOutcome? Unchanged { get; }

    public bool HasChanges => Unchanged is null;
}

/// <summary>
/// Load → interpret → commit, one transaction per stimulus, guarded by the instance's concurrency stamp;
/// timers are handed to the scheduler only after the commit (a crash in between is repaired by the
/// reconciler, which schedules every pending timer at start-up). <see cref="PrepareAsync"/> and
/// <see cref="CommitAsync"/> split a step for callers that take their write transaction in between.
/// </summary>
public sealed class WorkflowRuntime(
    IDefinitionStore definitions,
    IWorkflowStore store,
    ITimerScheduler scheduler,
    FlowchartInterpreter interpreter,
    CompiledWorkflowCache cache)
{
    /// <summary>Starts an instance on <paramref name="version"/>, or on the latest published version.</summary>
    public async Task<RunOutcome> StartAsync(string definitionId, int? version, StartStimulus start, CancellationToken cancellationToken = default) =>
        await CommitAsync(await PrepareStartAsync(definitionId, version, start, cancellationToken), cancellationToken);

    /// <summary>Delivers a stimulus to an existing instance, on the version it is pinned to.</summary>
    public async Task<RunOutcome> SendAsync(Guid instanceId, Stimulus stimulus, CancellationToken cancellationToken = default) =>
        await CommitAsync(await PrepareAsync(instanceId, stimulus, cancellationToken), cancellationToken);

    /// <summary>Interprets the start of an instance without writing.</summary>
    public async Task<PreparedRun> PrepareStartAsync(string definitionId, int? version, StartStimulus start, CancellationToken cancellationToken = default)
    {
        var pinned = version ?? await definitions.LatestPublishedVersionAsync(definitionId, cancellationToken);
        if (pinned is null)
        {
            return Refused(new Refusal(RefusalKind.NotFound, "definition-not-published", $"流程 {definitionId} 没有已发布的版本 / Workflow '{definitionId}' has no published version."));
        }

        var workflow = await cache.GetAsync(definitions, definitionId, pinned.Value, cancellationToken);
        if (workflow is null)
        {
            return Refused(new Refusal(RefusalKind.NotFound, "definition-not-published", $"流程 {definitionId} v{pinned} 未发布 / Workflow '{definitionId}' v{pinned} is not published."));
        }

        return Prepared(interpreter.Run(workflow, null, start), expectedStamp: null);
    }

    /// <summary>Loads an instance and interprets a stimulus without writing.</summary>
    public async Task<PreparedRun> PrepareAsync(Guid instanceId, Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        var stored = await store.LoadAsync(instanceId, cancellationToken);
        if (stored is null)
        {
            return Refused(new Refusal(RefusalKind.NotFound, "instance-not-found", $"流程实例 {instanceId} 不存在 / Instance {instanceId} does not exist."));
        }

        var workflow = await cache.GetAsync(definitions, stored.State.DefinitionId, stored.State.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Instance {instanceId} is pinned to {stored.State.DefinitionId} v{stored.State.Version}, which is not published.");
        if (stimulus is MigrateStimulus migrate)
        {
            var target = await cache.GetAsync(definitions, stored.State.DefinitionId, migrate.ToVersion, cancellationToken);
            return target is null
                ? Refused(new Refusal(RefusalKind.NotFound, "definition-not-published", $"流程 {stored.State.DefinitionId} v{migrate.ToVersion} 未发布 / Workflow '{stored.State.DefinitionId}' v{migrate.ToVersion} is not published."))
                : Prepared(interpreter.Migrate(workflow, target, stored.State, migrate), stored.Stamp);
        }

        return Prepared(interpreter.Run(workflow, stored.State, stimulus), stored.Stamp);
    }

    /// <summary>
    /// Writes a prepared step: one commit guarded by the stamp the state was read with (a change in between is a
    /// <see cref="WorkflowConcurrencyException"/>), then hands its timers to the scheduler.
    /// </summary>
    public async Task<RunOutcome> CommitAsync(PreparedRun prepared, CancellationToken cancellationToken = default)
    {
        if (prepared.Unchanged is { } unchanged)
        {
            return unchanged;
        }

        var result = prepared.Result!;
        await store.CommitAsync(new WorkflowCommit(result.State!, prepared.ExpectedStamp, Guid.NewGuid(), result.Entries, result.Tasks, result.Timers), cancellationToken);

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

    private static PreparedRun Refused(Refusal refusal) => new(null, null, new RunOutcome(null, [], refusal));

    private static PreparedRun Prepared(InterpreterResult result, Guid? expectedStamp) =>
        result.HasChanges ? new PreparedRun(result, expectedStamp, null) : new PreparedRun(null, null, new RunOutcome(result.State, [], result.Refusal));
}
