using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Changes.ListChanges;

/// <summary>
/// Filters on the <c>(Area, Id)</c> index: the caller's area is a range of codes (see <see cref="CodeRange"/>), and
/// <c>before</c> continues below the last id seen.
/// </summary>
public sealed class ListChangesHandler(GridCaseDb db) : IQueryHandler<ListChangesQuery, ChangePageResponse>
{
    public async ValueTask<ChangePageResponse> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        var scope = CallerScope.For(query.Caller);
        var changes = db.AdminChanges.AsNoTracking();
        if (!scope.ReadsEverything)
        {
            var range = CodeRange.For(scope);
            changes = changes.Where(c => string.Compare(c.Area, range.From) >= 0 && string.Compare(c.Area, range.To) <= 0);
        }

        if (query.Subject is { } subject)
        {
            changes = changes.Where(c => c.Subject == subject);
        }

        if (query.Kind is { } kind)
        {
            changes = changes.Where(c => c.Kind == kind);
        }

        if (query.Before is { } before)
        {
            changes = changes.Where(c => c.Id < before);
        }

        var limit = query.Limit ?? ListChangesQuery.DefaultLimit;
        var rows = await changes.OrderByDescending(c => c.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit).Select(c => new ChangeResponse(c.Id, c.At, new ChangeActorResponse(c.ActorUserId, c.ActorRole, c.ActorUnit),
            c.Kind, c.Subject, c.Area, JsonDocument.Parse(c.Data).RootElement.Clone())).ToList();
        return new ChangePageResponse(items, rows.Count > limit ? items[^1].Id : null);
    }
}
