using GridCase.Api.Events;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Tasks.ListTasks;

/// <summary>
/// A queue, paged. Without <paramref name="Queue"/> a working user gets their own unit's queue and a reader of
/// everything (auditor, policy administrator) gets every queue; a queue outside the caller's sight is 404.
/// </summary>
public sealed record ListTasksQuery(string? Queue, string? Status, bool? Overdue, string? Sort, int? Page, int? PageSize, Actor Caller)
    : IQuery<PageResponse<QueueTaskResponse>>;

/// <summary>
/// A task in a queue with enough of its case to pick it: <see cref="TaskResponse"/>'s fields, its end, and the event
/// (null only for a workflow instance that has no case file).
/// </summary>
public sealed record QueueTaskResponse(
    string Id,
    Guid EventId,
    string NodeId,
    string Kind,
    string Queue,
    string Form,
    IReadOnlyList<string> Outcomes,
    string Status,
    string? ClaimedBy,
    DateTime OpenedAt,
    DateTime? WarnAt,
    DateTime? DueAt,
    bool Warned,
    bool Overdue,
    string? Outcome,
    DateTime? ClosedAt,
    TaskEventResponse? Event);

public sealed record TaskEventResponse(string Number, string Title, string CatalogueItemCode, string GridCode, string Status, string ResponsibleUnit);

public static class TaskSort
{
    public const string DueAt = "dueAt";
    public const string DueAtDescending = "-dueAt";
    public const string OpenedAt = "openedAt";
    public const string OpenedAtDescending = "-openedAt";

    public static readonly IReadOnlyList<string> All = [DueAt, DueAtDescending, OpenedAt, OpenedAtDescending];
}
