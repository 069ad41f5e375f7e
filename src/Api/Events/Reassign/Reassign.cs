using System.Security.Claims;
using FluentValidation;
using GridCase.Api.Events.Interventions;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Events.Reassign;

/// <summary>A dispatcher moves a case to another unit by hand; the no-push-down rule answers 409 and is recorded.</summary>
public sealed record ReassignCommand(Guid EventId, string? UnitCode, string? Reason) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class ReassignValidator : AbstractValidator<ReassignCommand>
{
    public ReassignValidator()
    {
        RuleFor(c => c.UnitCode).Must(u => GridCase.Domain.Organisation.UnitCode.TryParse(u, out _)).WithMessage("须为单位代码 / unitCode must be a unit code.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写改派理由 / reason is required.").MaximumLength(Case.ReasonMaxLength);
    }
}

public sealed class ReassignHandler(CaseIntervention intervention, OrgSnapshot org, TimeProvider clock) : ICommandHandler<ReassignCommand, TaskStepResponse>
{
    public const string OutsideAreaRule = "reassign-outside-area";

    public async ValueTask<TaskStepResponse> Handle(ReassignCommand command, CancellationToken cancellationToken) =>
        await intervention.RunAsync(command.EventId, command.Caller, "改派", _ =>
        {
            var target = org.Current.Find(UnitCode.Parse(command.UnitCode))
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("unitCode", $"单位 {command.UnitCode} 不存在 / unit {command.UnitCode} does not exist.")]);
            if (target.IsRetired)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("unitCode", $"单位 {target.Code} 已撤销，不再接收案件 / unit {target.Code} is retired and takes no new cases.")]);
            }

            if (!ReassignTargets.Allows(command.Caller, org.Current, target))
            {
                throw new ForbiddenException(
                    $"只能改派到本辖区内的单位或上报上一级指挥中心，{target.Name}（{target.Code}）不在其内 / A dispatcher reassigns within its own area or one level up to the centre above; {target.Code} is neither.",
                    OutsideAreaRule);
            }

            return Task.FromResult<Stimulus>(new ReassignStimulus(target.Code, command.Reason!.Trim(), command.Caller, clock.GetUtcNow()));
        }, cancellationToken);
}

public static class ReassignEndpoint
{
    public static void MapReassign(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/events/{id:guid}/reassign", async (Guid id, ReassignCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { EventId = id, Caller = user.ToActor() }, ct)))
            .WithTags("Events")
            .WithSummary("Reassign a case to another unit (dispatchers). A push-down to grid level is 409 and recorded in the journal.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
