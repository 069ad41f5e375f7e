using GridCase.Domain;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.Publish;

/// <summary>Validates the draft and publishes it as the next immutable version, or refuses with the problems.</summary>
public sealed class PublishHandler(IDefinitionStore store, DefinitionValidator validator, TimeProvider clock)
    : ICommandHandler<PublishCommand, PublishResponse>
{
    public async ValueTask<PublishResponse> Handle(PublishCommand command, CancellationToken cancellationToken)
    {
        var draft = await store.GetDraftAsync(command.DefinitionId, cancellationToken)
            ?? throw new InvalidTransitionException("workflow.no-draft", $"流程 {command.DefinitionId} 没有可发布的草稿，请先保存草稿 / '{command.DefinitionId}' has no draft to publish; save one first.");
        var problems = validator.Validate(draft.Definition).Problems;
        if (problems.Count > 0)
        {
            throw new DefinitionInvalidException(problems);
        }

        var note = command.ChangeNote!.Trim();
        var at = clock.GetUtcNow().UtcDateTime;
        var version = await store.PublishAsync(draft.Definition, note, command.Actor.UserId, at, cancellationToken);
        return new PublishResponse(command.DefinitionId, version, note, command.Actor.UserId, at);
    }
}
