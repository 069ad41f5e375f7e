using FluentValidation;
using GridCase.Domain;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Events.Interventions;

/// <summary>督办: a command centre above the responsible unit flags the case and tracks it; responsibility stays.</summary>
public sealed record SuperviseCommand(Guid EventId, string? Note) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

/// <summary>催办: any centre that sees the case urges the responsible unit; recorded, nothing moves.</summary>
public sealed record UrgeCommand(Guid EventId, string? Note) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class SuperviseValidator : AbstractValidator<SuperviseCommand>
{
    public SuperviseValidator() =>
        RuleFor(c => c.Note).NotEmpty().WithMessage("请填写督办意见 / note is required.").MaximumLength(InterventionLimits.NoteMaxLength);
}

public sealed class UrgeValidator : AbstractValidator<UrgeCommand>
{
    public UrgeValidator() =>
        RuleFor(c => c.Note).NotEmpty().WithMessage("请填写催办意见 / note is required.").MaximumLength(InterventionLimits.NoteMaxLength);
}

public static class InterventionLimits
{
    public const int NoteMaxLength = 500;
}

public sealed class SuperviseHandler(CaseIntervention intervention, TimeProvider clock) : ICommandHandler<SuperviseCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(SuperviseCommand command, CancellationToken cancellationToken) =>
        await intervention.RunAsync(command.EventId, command.Caller, "督办", _ =>
            Task.FromResult<Stimulus>(new SuperviseStimulus(command.Caller.Unit!.Value, command.Note!.Trim(), command.Caller, clock.GetUtcNow())), cancellationToken);
}

public sealed class UrgeHandler(CaseIntervention intervention, TimeProvider clock) : ICommandHandler<UrgeCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(UrgeCommand command, CancellationToken cancellationToken) =>
        await intervention.RunAsync(command.EventId, command.Caller, "催办", _ =>
            Task.FromResult<Stimulus>(new UrgeStimulus(command.Note!.Trim(), command.Caller, clock.GetUtcNow())), cancellationToken);
}
