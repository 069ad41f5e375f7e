using GridCase.Api.Infrastructure;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.Retire;

/// <summary>
/// Retires a published version: cases already on it finish on it, no new case starts on it. Retiring the
/// only published version leaves the definition unable to start cases, which is refused; so is retiring the version the
/// server is configured to start new cases on.
/// </summary>
public sealed record RetireCommand(string DefinitionId, int Version) : ICommand<RetireResponse>;

public sealed record RetireResponse(string DefinitionId, int Version, string Status, int? LatestPublishedVersion);

public sealed class RetireHandler(IDefinitionStore store, GridCaseSettings settings) : ICommandHandler<RetireCommand, RetireResponse>
{
    public async ValueTask<RetireResponse> Handle(RetireCommand command, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(command.DefinitionId, cancellationToken);
        var version = versions.FirstOrDefault(v => v.Version == command.Version)
            ?? throw new NotFoundException($"流程 {command.DefinitionId} 的 v{command.Version}", $"Version {command.Version} of '{command.DefinitionId}'");
        if (version.Status == VersionStatus.Retired)
        {
            throw new GridCase.Domain.InvalidTransitionException("workflow.already-retired", $"v{command.Version} 已停用 / v{command.Version} is already retired.");
        }

        if (!versions.Any(v => v.Version != command.Version && v.Status == VersionStatus.Published))
        {
            throw new GridCase.Domain.InvalidTransitionException("workflow.last-published", $"v{command.Version} 是唯一的已发布版本，请先发布新版本再停用 / v{command.Version} is the only published version; publish a new one before retiring it.");
        }

        if (settings.StartVersionFor(command.DefinitionId) == command.Version)
        {
            throw new GridCase.Domain.InvalidTransitionException(
                "workflow.start-version",
                $"新事件按服务器配置从 v{command.Version} 开始，不能停用 / v{command.Version} is where new cases start ({GridCaseSettings.StartVersionSection}:{command.DefinitionId}); change that setting before retiring it.");
        }

        await store.RetireAsync(command.DefinitionId, command.Version, cancellationToken);
        return new RetireResponse(command.DefinitionId, command.Version, nameof(VersionStatus.Retired), await store.LatestPublishedVersionAsync(command.DefinitionId, cancellationToken));
    }
}
