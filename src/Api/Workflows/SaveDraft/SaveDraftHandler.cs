using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.SaveDraft;

public sealed class SaveDraftHandler(IDefinitionStore store, DefinitionValidator validator, TimeProvider clock)
    : ICommandHandler<SaveDraftCommand, SaveDraftResponse>
{
    public async ValueTask<SaveDraftResponse> Handle(SaveDraftCommand command, CancellationToken cancellationToken)
    {
        var definition = DraftDocument.Parse(command.DefinitionId, command.Document);
        var existing = await store.GetDraftAsync(command.DefinitionId, cancellationToken);
        var basedOn = existing?.BasedOnVersion ?? await store.LatestPublishedVersionAsync(command.DefinitionId, cancellationToken);
        var savedAt = clock.GetUtcNow().UtcDateTime;
        await store.SaveDraftAsync(new DraftInfo(definition, command.Actor.UserId, savedAt, basedOn), cancellationToken);
        return new SaveDraftResponse(command.DefinitionId, savedAt, ProblemResponse.From(validator.Validate(definition).Problems));
    }
}
