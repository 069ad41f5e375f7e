using GridCase.Api.Infrastructure;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.ListVersions;

public sealed record ListVersionsQuery(string DefinitionId) : IQuery<IReadOnlyList<VersionResponse>>;

public sealed record VersionResponse(int Version, string Status, string Name, string ChangeNote, string PublishedBy, DateTime PublishedAt);

public sealed class ListVersionsHandler(IDefinitionStore store) : IQueryHandler<ListVersionsQuery, IReadOnlyList<VersionResponse>>
{
    public async ValueTask<IReadOnlyList<VersionResponse>> Handle(ListVersionsQuery query, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(query.DefinitionId, cancellationToken);
        if (versions.Count == 0 && await store.GetDraftAsync(query.DefinitionId, cancellationToken) is null)
        {
            throw new NotFoundException($"流程 {query.DefinitionId}", $"Workflow definition '{query.DefinitionId}'");
        }

        return versions.Select(v => new VersionResponse(v.Version, v.Status.ToString(), v.Name, v.ChangeNote, v.PublishedBy, v.PublishedAt)).ToList();
    }
}
