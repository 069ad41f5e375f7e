using System.Diagnostics;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tasks.Stream;
using GridCase.Domain.Cases;
using GridCase.Persistence;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events;

/// <summary>
/// One unit of work for a case: the workflow step, the case file and the idempotency record commit together
/// in one database transaction, or not at all. The transaction begins at the step's first write
/// (<see cref="UnitOfWork"/>): reading the workflow's state, interpreting the stimulus and writing the commit's SQL
/// happen before it, guarded by the state's concurrency stamp, so that on SQLite the one writer's turn is spent on
/// writing only.
/// </summary>
public sealed class CaseWorkflow(UnitOfWork unitOfWork, CaseStore cases, WorkflowRuntime runtime, CaseProjection projection, IdempotencyScope idempotency, TaskChangeHub changes, TaskChangeNotice notice)
{
    /// <summary>
    /// Runs <paramref name="step"/> and commits what it wrote with the response it produced. A refusal that left no
    /// trace aborts (nothing is written); one that was recorded commits and is returned.
    /// </summary>
    public async Task<(TResponse Response, RunOutcome Outcome)> RunAsync<TResponse>(
        Func<Task<(TResponse Response, RunOutcome Outcome)>> step, int statusCode, Func<TResponse, string?> location, CancellationToken cancellationToken)
    {
        using var span = GridCaseTelemetry.Engine.StartActivity(GridCaseTelemetry.CommandSpanName);
        var started = Stopwatch.GetTimestamp();
        var result = "committed";
        _committed.Clear();
        _command = null;
        try
        {
            unitOfWork.Open();
            await using (unitOfWork)
            {
                var (response, outcome) = await step();
                await idempotency.RecordAsync(response, statusCode, location(response), cancellationToken);
                await unitOfWork.BeginWritesAsync(cancellationToken);
                await cases.SaveAsync(cancellationToken);
                await notice.SendInTransactionAsync(cancellationToken);
                await unitOfWork.CommitAsync(cancellationToken);
                changes.Publish();
                foreach (var entry in _committed)
                {
                    GridCaseTelemetry.Transitions.Add(1, new KeyValuePair<string, object?>("kind", entry.Kind));
                }

                return (response, outcome);
            }
        }
        catch (Exception ex)
        {
            result = ex switch
            {
                RefusalException => "refused",
                WorkflowConcurrencyException or ConcurrencyConflictException => "conflict",
                OperationCanceledException => "cancelled",
                _ => "failed",
            };
            span?.SetStatus(result == "failed" ? ActivityStatusCode.Error : ActivityStatusCode.Unset, result);
            throw;
        }
        finally
        {
            span?.SetTag("gridcase.result", result);
            var tags = new TagList { { "command", _command ?? "none" }, { "result", result } };
            GridCaseTelemetry.Commands.Add(1, tags);
            GridCaseTelemetry.CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private readonly List<GridCase.Workflows.Journal.JournalEntry> _committed = [];
    private string? _command;

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
        _command ??= "Start";
        using var span = GridCaseTelemetry.StartStep(subject.Id.Value, "Start");
        cases.Add(subject);
        var outcome = await runtime.CommitAsync(start, cancellationToken);
        projection.Apply(subject, outcome);
        Stepped(span, outcome);
        return outcome;
    }

    private void Stepped(Activity? span, RunOutcome outcome)
    {
        GridCaseTelemetry.Stepped(span, outcome);
        _committed.AddRange(outcome.Entries);
    }

    /// <summary>Delivers a stimulus to the case's workflow and updates the case; a refusal without entries aborts.</summary>
    public async Task<RunOutcome> SendAsync(Case subject, Stimulus stimulus, CancellationToken cancellationToken)
    {
        var name = GridCaseTelemetry.NameOf(stimulus);
        _command ??= name;
        using var span = GridCaseTelemetry.StartStep(subject.Id.Value, name);
        var prepared = await runtime.PrepareAsync(subject.Id.Value, stimulus, cancellationToken);
        if (!prepared.HasChanges)
        {
            var refused = prepared.Unchanged!;
            span?.SetTag("gridcase.refusal", refused.Refusal?.Code ?? "no-change");
            throw new RefusalException(refused.Refusal ?? new Refusal(RefusalKind.Conflict, "no-change", "没有任何改动 / Nothing changed."));
        }

        var outcome = await runtime.CommitAsync(prepared, cancellationToken);
        projection.Apply(subject, outcome);
        Stepped(span, outcome);
        return outcome;
    }
}

/// <summary>The engine refused a stimulus; the API answers with the matching status and a stable type.</summary>
public sealed class RefusalException(Refusal refusal) : Exception(refusal.Message)
{
    public Refusal Refusal { get; } = refusal;
}
