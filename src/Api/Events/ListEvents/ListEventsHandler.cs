using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Events.ListEvents;

/// <summary>
/// Filters in SQL with the same sight as <see cref="EventAccess"/>: the case's grid, its responsible unit or one of
/// its open tasks' queues lies within the caller's unit. Unit codes and case ids are value-converted columns, so
/// the queries cast them through <c>object</c> to their stored type to compare them as strings and guids.
/// </summary>
public sealed class ListEventsHandler(GridCaseDb db) : IQueryHandler<ListEventsQuery, PageResponse<EventSummaryResponse>>
{
    public async ValueTask<PageResponse<EventSummaryResponse>> Handle(ListEventsQuery query, CancellationToken cancellationToken)
    {
        var scope = CallerScope.For(query.Caller);
        var openTasks = db.WorkflowTasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open);
        var cases = Visible(db.Cases.AsNoTracking(), openTasks, scope);

        if (query.Unit is not null)
        {
            var unit = UnitCode.Parse(query.Unit);
            if (!scope.Covers(unit.Value))
            {
                throw new NotFoundException($"单位 {unit}", $"Unit {unit}");
            }

            cases = unit.IsDepartment
                ? cases.Where(c => c.ResponsibleUnit == unit)
                : cases.Where(c => ((string)(object)c.ResponsibleUnit).StartsWith(unit.Value));
        }

        if (query.Status is not null)
        {
            var status = Enum.Parse<CaseStatus>(query.Status, ignoreCase: true);
            cases = cases.Where(c => c.Status == status);
        }

        if (query.Overdue is { } overdue)
        {
            cases = cases.Where(c => openTasks.Any(t => t.InstanceId == (Guid)(object)c.Id && t.Overdue) == overdue);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // The number by its unique index (a prefix), the title by a plain LIKE within the caller's sight.
            var q = query.Q.Trim();
            var like = "%" + q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            cases = cases.Where(c => ((string)(object)c.Number).StartsWith(q) || EF.Functions.Like(c.Title, like, "\\"));
        }

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? Paging.DefaultPageSize;
        var total = await cases.CountAsync(cancellationToken);
        var rows = await cases
            .OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Number, c.Title, c.CatalogueItemCode, c.GridCode, c.Channel, c.Status, c.ResponsibleUnit, c.Floor,
                c.Difficulty, c.Scope, c.ReportedAt, c.UnderSupervision, c.ClosureCode,
                Overdue = openTasks.Any(t => t.InstanceId == (Guid)(object)c.Id && t.Overdue),
            })
            .ToListAsync(cancellationToken);

        var items = rows.ConvertAll(c => new EventSummaryResponse(
            c.Id.Value, c.Number.Value, c.Title, c.CatalogueItemCode, c.GridCode.Value, c.Channel.ToString(), c.Status.ToString(),
            c.ResponsibleUnit.Value, c.Floor.ToString(), (int?)c.Difficulty, c.Scope?.ToString(), c.ReportedAt, c.Overdue,
            c.UnderSupervision, c.ClosureCode?.ToString()));
        return new PageResponse<EventSummaryResponse>(items, page, pageSize, total);
    }

    private static IQueryable<Case> Visible(IQueryable<Case> cases, IQueryable<WorkflowTaskRow> openTasks, CallerScope scope)
    {
        if (scope.ExactUnit is { } exact)
        {
            var unit = UnitCode.Parse(exact);
            return cases.Where(c => c.GridCode == unit || c.ResponsibleUnit == unit
                || openTasks.Any(t => t.InstanceId == (Guid)(object)c.Id && t.Queue == exact));
        }

        if (scope.Prefix is { } prefix)
        {
            return cases.Where(c => ((string)(object)c.GridCode).StartsWith(prefix) || ((string)(object)c.ResponsibleUnit).StartsWith(prefix)
                || openTasks.Any(t => t.InstanceId == (Guid)(object)c.Id && t.Queue.StartsWith(prefix)));
        }

        return cases;
    }
}
