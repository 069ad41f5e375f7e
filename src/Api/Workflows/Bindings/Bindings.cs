using System.Security.Claims;
using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.Bindings;

/// <summary>Which workflow a township or county runs for new cases (一乡一策); unbound units use the county's, then event-handling.</summary>
public sealed record ListBindingsQuery : IQuery<IReadOnlyList<BindingResponse>>;

public sealed record BindCommand(string UnitCode, string? DefinitionId, Actor Caller) : ICommand<BindingResponse>;

/// <summary>Removes a unit's own binding: it runs its county's definition again (or event-handling).</summary>
public sealed record UnbindCommand(string UnitCode) : ICommand<bool>;

public sealed class UnbindValidator : AbstractValidator<UnbindCommand>
{
    public UnbindValidator() =>
        RuleFor(c => c.UnitCode).Must(u => UnitCode.TryParse(u, out var code) && code.AreaLevel is OrgLevel.Township or OrgLevel.County)
            .WithMessage(BindValidator.UnitRule);
}

public sealed record BindingResponse(string UnitCode, string DefinitionId, string BoundBy, DateTime BoundAt);

public sealed class BindValidator : AbstractValidator<BindCommand>
{
    public const string UnitRule = "须为乡镇（9 位）或县（区）（6 位）代码 / unitCode must be a township (9 digits) or a county (6 digits).";

    public BindValidator()
    {
        RuleFor(c => c.UnitCode).Must(u => UnitCode.TryParse(u, out var code) && code.AreaLevel is OrgLevel.Township or OrgLevel.County)
            .WithMessage(UnitRule);
        RuleFor(c => c.DefinitionId).NotEmpty().WithMessage("请选择流程 / definitionId is required.");
    }
}

public sealed class BindingHandlers(WorkflowBindings bindings, IDefinitionStore definitions, OrgSnapshot org, TimeProvider clock)
    : IQueryHandler<ListBindingsQuery, IReadOnlyList<BindingResponse>>, ICommandHandler<BindCommand, BindingResponse>, ICommandHandler<UnbindCommand, bool>
{
    public async ValueTask<bool> Handle(UnbindCommand command, CancellationToken cancellationToken) =>
        await bindings.UnbindAsync(UnitCode.Parse(command.UnitCode), cancellationToken);

    public async ValueTask<IReadOnlyList<BindingResponse>> Handle(ListBindingsQuery query, CancellationToken cancellationToken) =>
        (await bindings.ListAsync(cancellationToken)).Select(b => new BindingResponse(b.Unit.Value, b.DefinitionId, b.BoundBy, b.BoundAt)).ToList();

    public async ValueTask<BindingResponse> Handle(BindCommand command, CancellationToken cancellationToken)
    {
        var unit = org.Current.Find(UnitCode.Parse(command.UnitCode)) ?? throw new NotFoundException($"单位 {command.UnitCode}", $"Unit {command.UnitCode}");
        if (await definitions.LatestPublishedVersionAsync(command.DefinitionId!, cancellationToken) is null)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("definitionId", $"流程 {command.DefinitionId} 没有已发布的版本 / '{command.DefinitionId}' has no published version.")]);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        await bindings.BindAsync(unit.Code, command.DefinitionId!, command.Caller.UserId, at, cancellationToken);
        return new BindingResponse(unit.Code.Value, command.DefinitionId!, command.Caller.UserId, at);
    }
}

public sealed record BindBody(string? DefinitionId);

public static class BindingEndpoints
{
    public static void MapBindings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/workflow-bindings", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListBindingsQuery(), ct)))
            .WithTags("Workflow definitions")
            .WithSummary("Which definition each township or county runs for new cases (一乡一策).");
        app.MapPut("/api/workflow-bindings/{unitCode}", async (string unitCode, BindBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new BindCommand(unitCode, body.DefinitionId, user.ToActor()), ct)))
            .RequireAuthorization(WorkflowDefinitionEndpoints.PolicyAdminOnly)
            .WithTags("Workflow definitions")
            .WithSummary("Bind a township or county to a published definition.");
        app.MapDelete("/api/workflow-bindings/{unitCode}", async (string unitCode, IMediator m, CancellationToken ct) =>
                await m.Send(new UnbindCommand(unitCode), ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(WorkflowDefinitionEndpoints.PolicyAdminOnly)
            .WithTags("Workflow definitions")
            .WithSummary("Unbind a township or county: it runs its county's definition again (or event-handling); 404 when it had no binding of its own.");
    }
}
