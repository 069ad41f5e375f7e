using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events;

public sealed record WorkflowRef(string DefinitionId, int Version);

/// <summary>An open task as dispatchers and handlers see it.</summary>
public sealed record TaskResponse(
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
    bool Overdue)
{
    public static TaskResponse From(Guid eventId, OpenTask task) => new(
        task.TaskId, eventId, task.NodeId, task.Kind.ToString(), task.Queue.Value, task.Form, task.Outcomes, nameof(WorkTaskStatus.Open),
        task.ClaimedBy, task.OpenedAt, task.WarnAt, task.DueAt, task.Warned, task.Overdue);

    public static TaskResponse From(TaskRecord task) => new(
        task.TaskId, task.InstanceId, task.NodeId, task.Kind.ToString(), task.Queue, task.Form, task.Outcomes, task.Status.ToString(),
        task.ClaimedBy, task.OpenedAt, task.WarnAt, task.DueAt, task.Warned, task.Overdue);
}

/// <summary>What reporting an event answers (201).</summary>
public sealed record EventCreatedResponse(Guid Id, string Number, string Status, WorkflowRef Workflow, IReadOnlyList<TaskResponse> OpenTasks);

/// <summary>What working a task answers: the task after the step and where the case stands now.</summary>
public sealed record TaskStepResponse(
    string TaskId,
    Guid EventId,
    string EventStatus,
    string ResponsibleUnit,
    IReadOnlyList<TaskResponse> OpenTasks,
    IReadOnlyList<string> Journal,
    string? Blocked);
