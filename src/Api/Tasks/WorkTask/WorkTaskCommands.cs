using System.Text.Json;
using FluentValidation;
using GridCase.Api.Events;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Tasks.WorkTask;

public sealed record ClaimTaskCommand(string TaskId, Actor Caller) : ICommand<TaskStepResponse>;

public sealed record ReleaseTaskCommand(string TaskId, Actor Caller) : ICommand<TaskStepResponse>;

/// <summary>Completes a task with one of its outcomes and the task's form.</summary>
public sealed record CompleteTaskCommand(string TaskId, string? Outcome, Dictionary<string, JsonElement>? Data) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class CompleteTaskValidator : AbstractValidator<CompleteTaskCommand>
{
    public CompleteTaskValidator() =>
        RuleFor(c => c.Outcome).NotEmpty().WithMessage("请选择办理结果 / outcome is required.").MaximumLength(64);
}
