using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.CreateDefinition;

/// <summary>
/// Creates a new definition as a draft that starts and ends (开始 → 办结), for the designer to build on. The name is
/// Chinese, optionally followed by an English one ("十里乡事件流转 Shili workflow", the form titles take elsewhere).
/// An id already in use (a draft or a version) is refused with 409 naming <c>id</c>; nothing is written then.
/// </summary>
public sealed record CreateDefinitionCommand(string? Id, string? Name, string? NameEn, Actor Actor) : ICommand<CreateDefinitionResponse>;

public sealed record CreateDefinitionBody(string? Id, string? Name, string? NameEn);

public sealed record CreateDefinitionResponse(string Id, string Name, IReadOnlyList<ProblemResponse> Problems);

public sealed class CreateDefinitionValidator : AbstractValidator<CreateDefinitionCommand>
{
    public CreateDefinitionValidator()
    {
        RuleFor(c => c.Id).NotEmpty().WithMessage("编号必填 / id is required.")
            .Matches(DraftDocument.IdPattern).WithMessage(DraftDocument.IdRule);
        RuleFor(c => c.Name).NotEmpty().WithMessage("中文名称必填 / name (Chinese) is required.")
            .MaximumLength(100).WithMessage("中文名称至多 100 个字 / name is at most 100 characters.");
        RuleFor(c => c.NameEn).MaximumLength(100).WithMessage("英文名称至多 100 个字符 / nameEn is at most 100 characters.")
            .Matches("^[A-Za-z]").When(c => !string.IsNullOrWhiteSpace(c.NameEn)).WithMessage("英文名称须以英文字母开头 / nameEn must start with a Latin letter.");
    }
}

public sealed class CreateDefinitionHandler(IDefinitionStore store, DefinitionValidator validator, TimeProvider clock)
    : ICommandHandler<CreateDefinitionCommand, CreateDefinitionResponse>
{
    public const string Exists = "workflow.definition-exists";

    public async ValueTask<CreateDefinitionResponse> Handle(CreateDefinitionCommand command, CancellationToken cancellationToken)
    {
        var id = command.Id!;
        if ((await store.ListAsync(cancellationToken)).Any(d => d.Id == id))
        {
            throw new ProblemException(
                StatusCodes.Status409Conflict,
                Exists,
                $"流程编号 {id} 已存在 / A workflow definition with id '{id}' already exists.",
                new Dictionary<string, object?> { ["field"] = "id" });
        }

        var name = string.IsNullOrWhiteSpace(command.NameEn) ? command.Name!.Trim() : $"{command.Name!.Trim()} {command.NameEn.Trim()}";
        var definition = DraftDocument.Parse(id, StarterDocument(id, name));
        await store.SaveDraftAsync(new DraftInfo(definition, command.Actor.UserId, clock.GetUtcNow().UtcDateTime, null), cancellationToken);
        return new CreateDefinitionResponse(id, name, ProblemResponse.From(validator.Validate(definition).Problems));
    }

    /// <summary>开始 → 办结: the smallest definition that validates.</summary>
    public static JsonElement StarterDocument(string id, string name) => JsonSerializer.SerializeToElement(new
    {
        id,
        name,
        variables = new { },
        nodes = new object[]
        {
            new { id = "start", type = "Start", title = "事件上报", layout = new { x = 0, y = 0 } },
            new { id = "end", type = "End", title = "办结", props = new { closureCode = "resolved" }, layout = new { x = 0, y = 160 } },
        },
        connections = new[] { new { from = "start", outcome = "done", to = "end" } },
    });
}

public static class CreateDefinitionEndpoint
{
    public static void MapCreateDefinition(this RouteGroupBuilder group) =>
        group.MapPost("", async (CreateDefinitionBody body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateDefinitionCommand(body.Id?.Trim(), body.Name, body.NameEn, user.ToActor()), ct);
            return TypedResults.Created($"/api/workflow-definitions/{created.Id}/draft", created);
        })
            .RequireAuthorization(WorkflowDefinitionEndpoints.PolicyAdminOnly)
            .WithSummary("Create a definition (id, name 中文, nameEn): a draft that starts and ends; 409 when the id is taken.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
