using GridCase.Api.Events;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Tasks.ListTasks;

/// <summary>
/// A queue, paged. Without <paramref name="Queue"/> a working user gets their own unit's queue and a reader of
/// everything (auditor, policy administrator) gets every queue; a queue outside the caller's sight is 404.
/// <see cref="Q"/> searches the tasks' cases (number, title, grid code, address); <see cref="Step"/> keeps one
/// node; <see cref="Mine"/>, <see cref="Unclaimed"/> and <see cref="Supervised"/> are <c>true</c>/<c>false</c>
/// (strings so that a bad value is a validation error naming the field). <see cref="Cursor"/> continues after the
/// last row of a previous page (keyset); <paramref name="Page"/> still works for older callers.
/// </summary>
public sealed record ListTasksQuery(string? Queue, string? Status, bool? Overdue, string? Sort, int? Page, int? PageSize, Actor Caller)
    : IQuery<QueuePageResponse>
{
    public string? Q { get; init; }
    public string? Step { get; init; }
    public string? Mine { get; init; }
    public string? Unclaimed { get; init; }
    public string? Supervised { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// One page of a queue: <see cref="PageResponse{T}"/>'s fields and <paramref name="NextCursor"/> (null on the last page)
/// to ask for the next one; <paramref name="Page"/> is null when the page was asked for by cursor.
/// </summary>
public sealed record QueuePageResponse(IReadOnlyList<QueueTaskResponse> Items, int? Page, int PageSize, int Total, string? NextCursor);

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

public sealed record TaskEventResponse(
    string Number, string Title, string CatalogueItemCode, string GridCode, string Status, string ResponsibleUnit, bool UnderSupervision);

public static class TaskSort
{
    public const string DueAt = "dueAt";
    public const string DueAtDescending = "-dueAt";
    public const string OpenedAt = "openedAt";
    public const string OpenedAtDescending = "-openedAt";

    public static readonly IReadOnlyList<string> All = [DueAt, DueAtDescending, OpenedAt, OpenedAtDescending];
}
