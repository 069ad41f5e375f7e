using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.Rollback;

/// <summary>Makes a new draft from an old version (published versions are never changed).</summary>
public sealed record RollbackCommand(string DefinitionId, int Version, Actor Actor) : ICommand<RollbackResponse>;

public sealed record RollbackResponse(string DefinitionId, int BasedOnVersion, DateTime SavedAt);

public sealed class RollbackHandler(IDefinitionStore store, TimeProvider clock) : ICommandHandler<RollbackCommand, RollbackResponse>
{
    public async ValueTask<RollbackResponse> Handle(RollbackCommand command, CancellationToken cancellationToken)
    {
        var old = await store.GetVersionAsync(command.DefinitionId, command.Version, cancellationToken)
            ?? throw new NotFoundException($"流程 {command.DefinitionId} 的 v{command.Version}", $"Version {command.Version} of '{command.DefinitionId}'");
        var at = clock.GetUtcNow().UtcDateTime;
        var draft = old with { Version = 0, ChangeNote = $"rollback to v{command.Version}" };
        await store.SaveDraftAsync(new DraftInfo(draft, command.Actor.UserId, at, command.Version), cancellationToken);
        return new RollbackResponse(command.DefinitionId, command.Version, at);
    }
}
