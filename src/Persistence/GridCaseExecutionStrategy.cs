using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace GridCase.Persistence;

/// <summary>
/// On PostgreSQL, retries a unit of work that failed on a transient error (a dropped connection, a server
/// restarting, a serialisation failure): <see cref="Retries"/> times, waiting up to <see cref="LongestDelay"/>
/// between attempts. A command runs whole inside the strategy (<c>TransientRetryBehavior</c> in the API): its
/// transaction is rolled back and the handler runs again from its first read, so a retry sees the state as it is;
/// the concurrency stamps refuse a retry built on a stale read, and a retry after an unanswered commit finds the
/// request's <c>Idempotency-Key</c> recorded and answers with it.
/// <para>
/// A transaction begun outside a retrying unit of work (the timers, the administration writes, the idempotency
/// claim has its own) cannot be replayed statement by statement: its statements then run once, as without a
/// strategy, instead of EF's refusal of "user-initiated transactions". Reads outside any transaction are retried alone.
/// </para>
/// </summary>
public sealed class GridCaseExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, Retries, LongestDelay, errorCodesToAdd: null)
{
    public const int Retries = 6;
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(5);

    private readonly ExecutionStrategyDependencies _dependencies = dependencies;

    private bool InForeignTransaction =>
        Current is null && _dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    public override TResult Execute<TState, TResult>(
        TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InForeignTransaction
            ? operation(_dependencies.CurrentContext.Context, state)
            : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default) =>
        InForeignTransaction
            ? operation(_dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
}
