using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence;

/// <summary>
/// Compiled queries for <see cref="GridCaseDb"/>. A compiled query is bound to the model of the context it first
/// runs on, and the SQLite and PostgreSQL contexts have one model each, so each query is compiled once per provider
/// context type and picked by the context at hand. Used for the reads on every command's path: compiled, they skip
/// EF's per-call expression work (profiled: parameter extraction, cache-key hashing, delegate creation).
/// </summary>
internal static class ProviderQueries
{
    public static Func<GridCaseDb, TArg, CancellationToken, Task<TResult>> Compile<TArg, TResult>(
        Expression<Func<GridCaseDb, TArg, CancellationToken, TResult>> query)
    {
        var sqlite = EF.CompileAsyncQuery(Retype<SqliteGridCaseDb, TArg, TResult>(query));
        var postgres = EF.CompileAsyncQuery(Retype<PostgresGridCaseDb, TArg, TResult>(query));
        return (db, arg, cancellationToken) => db switch
        {
            SqliteGridCaseDb s => sqlite(s, arg, cancellationToken),
            PostgresGridCaseDb p => postgres(p, arg, cancellationToken),
            _ => throw new ArgumentException($"Unknown context type {db.GetType()}.", nameof(db)),
        };
    }

    private static Expression<Func<TDb, TArg, CancellationToken, TResult>> Retype<TDb, TArg, TResult>(
        Expression<Func<GridCaseDb, TArg, CancellationToken, TResult>> query)
        where TDb : GridCaseDb
    {
        var db = Expression.Parameter(typeof(TDb), query.Parameters[0].Name);
        var body = new Replace(query.Parameters[0], db).Visit(query.Body);
        return Expression.Lambda<Func<TDb, TArg, CancellationToken, TResult>>(body, db, query.Parameters[1], query.Parameters[2]);
    }

    private sealed class Replace(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
