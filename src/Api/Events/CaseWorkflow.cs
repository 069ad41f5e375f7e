using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events;

/// <summary>
/// One unit of work for a case: the workflow step, the case file and the idempotency record commit together
/// in one database transaction, or not at all.
/// </summary>
public sealed class CaseWorkflow(GridCaseDb db, CaseStore cases, WorkflowRuntime runtime, CaseProjection projection, IdempotencyScope idempotency)
{
    /// <summary>
    /// Runs <paramref name="step"/> in a transaction and commits it with the response it produced. A refusal
    /// that left no trace aborts (nothing is written); one that was recorded commits and is returned.
    /// </summary>
    public async Task<(TResponse Response, RunOutcome Outcome)> RunAsync<TResponse>(
        Func<Task<(TResponse Response, RunOutcome Outcome)>> step, int statusCode, Func<TResponse, string?> location, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        var (response, outcome) = await step();
        await idempotency.RecordAsync(response, statusCode, location(response), cancellationToken);
        await cases.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (response, outcome);
    }

    /// <summary>Starts the workflow of a new case (already added to the unit of work) and updates the case from it.</summary>
    public async Task<RunOutcome> StartAsync(Case subject, string definitionId, int? version, StartStimulus start, CancellationToken cancellationToken)
    {
        cases.Add(subject);
        var outcome = await runtime.StartAsync(definitionId, version, start, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            throw new RefusalException(refusal);
        }

        projection.Apply(subject, outcome);
        return outcome;
    }

    /// <summary>Delivers a stimulus to the case's workflow and updates the case; a refusal without entries aborts.</summary>
    public async Task<RunOutcome> SendAsync(Case subject, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var outcome = await runtime.SendAsync(subject.Id.Value, stimulus, cancellationToken);
        if (outcome.Entries.Count == 0)
        {
            throw new RefusalException(outcome.Refusal ?? new Refusal(RefusalKind.Conflict, "no-change", "Nothing changed."));
        }

        projection.Apply(subject, outcome);
        return outcome;
    }
}

/// <summary>The engine refused a stimulus; the API answers with the matching status and a stable type.</summary>
public sealed class RefusalException(Refusal refusal) : Exception(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}
