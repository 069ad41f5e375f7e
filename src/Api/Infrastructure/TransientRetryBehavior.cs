using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Runs a command's whole handler inside the database's execution strategy (<see cref="GridCaseExecutionStrategy"/>
/// on PostgreSQL; SQLite does not retry): after a transient failure the unit of work is rolled back, what the context
/// tracked is forgotten, and the handler runs again from its first read. A retry after a commit whose answer was lost
/// finds the request's <c>Idempotency-Key</c> recorded and answers with the stored response instead of doing the work twice.
/// </summary>
public sealed class TransientRetryBehavior<TMessage, TResponse>(GridCaseDb db, IdempotencyScope idempotency)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        if (!strategy.RetriesOnFailure)
        {
            return await next(message, cancellationToken);
        }

        var attempt = 0;
        return await strategy.ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
                await idempotency.BeforeRetryAsync(ct);
            }

            return await next(message, ct);
        }, cancellationToken);
    }
}
