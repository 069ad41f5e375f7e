using GridCase.Api.Infrastructure;
using GridCase.Api.Tasks.Stream;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events;

/// <summary>
/// One unit of work for a case: the workflow step, the case file and the idempotency record commit together
/// in one database transaction, or not at all. The transaction begins at the step's first write
/// (<see cref="UnitOfWork"/>): reading the workflow's state, interpreting the stimulus and writing the commit's SQL
/// happen before it, guarded by the state's concurrency stamp, so that on SQLite the one writer's turn is spent on
/// writing only.
/// </summary>
public sealed class CaseWorkflow(UnitOfWork unitOfWork, CaseStore cases, WorkflowRuntime runtime, CaseProjection projection, IdempotencyScope idempotency, TaskChangeHub changes)
{
    /// <summary>
    /// Runs <paramref name="step"/> and commits what it wrote with the response it produced. A refusal that left no
    /// trace aborts (nothing is written); one that was recorded commits and is returned.
    /// </summary>
    public async Task<(TResponse Response, RunOutcome Outcome)> RunAsync<TResponse>(
        Func<Task<(TResponse Response, RunOutcome Outcome)>> step, int statusCode, Func<TResponse, string?> location, CancellationToken cancellationToken)
    {
        unitOfWork.Open();
        await using (unitOfWork)
        {
            var (response, outcome) = await step();
            await idempotency.RecordAsync(response, statusCode, location(response), cancellationToken);
            await unitOfWork.BeginWritesAsync(cancellationToken);
            await cases.SaveAsync(cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            changes.Publish();
            return (response, outcome);
        }
    }

    /// <summary>Begins the unit of work's transaction, if it has not begun yet: call it before a write of your own.</summary>
    public Task BeginWritesAsync(CancellationToken cancellationToken) => unitOfWork.BeginWritesAsync(cancellationToken);

    /// <summary>Interprets the start of a new case's workflow; nothing is written yet.</summary>
    /// <param name="version">The version to start on; null for the latest published one.</param>
    public async Task<PreparedRun> PrepareStartAsync(string definitionId, int? version, StartStimulus start, CancellationToken cancellationToken)
    {
        var prepared = await runtime.PrepareStartAsync(definitionId, version, start, cancellationToken);
        return prepared.Unchanged?.Refusal is { } refusal ? throw new RefusalException(refusal) : prepared;
    }

    /// <summary>Adds a new case (its number taken inside the transaction) and writes its prepared start.</summary>
    public async Task<RunOutcome> StartAsync(Case subject, PreparedRun start, CancellationToken cancellationToken)
    {
        cases.Add(subject);
        var outcome = await runtime.CommitAsync(start, cancellationToken);
        projection.Apply(subject, outcome);
        return outcome;
    }

    /// <summary>Delivers a stimulus to the case's workflow and updates the case; a refusal without entries aborts.</summary>
    public async Task<RunOutcome> SendAsync(Case subject, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var prepared = await runtime.PrepareAsync(subject.Id.Value, stimulus, cancellationToken);
        if (!prepared.HasChanges)
        {
            var refused = prepared.Unchanged!;
            throw new RefusalException(refused.Refusal ?? new Refusal(RefusalKind.Conflict, "no-change", "没有任何改动 / Nothing changed."));
        }

        var outcome = await runtime.CommitAsync(prepared, cancellationToken);
        projection.Apply(subject, outcome);
        return outcome;
    }
}

/// <summary>The engine refused a stimulus; the API answers with the matching status and a stable type.</summary>
public sealed class RefusalException(Refusal refusal) : Exception(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}
