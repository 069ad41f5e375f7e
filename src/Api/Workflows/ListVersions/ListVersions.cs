using GridCase.Api.Infrastructure;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.ListVersions;

public sealed record ListVersionsQuery(string DefinitionId) : IQuery<IReadOnlyList<VersionResponse>>;

/// <summary>A published version; <c>RunningCases</c>: how many cases are still open on it (they stay on it when a newer one is published).</summary>
public sealed record VersionResponse(int Version, string Status, string Name, string ChangeNote, string PublishedBy, DateTime PublishedAt, int RunningCases);

public sealed class ListVersionsHandler(IDefinitionStore store, IInstanceFinder instances) : IQueryHandler<ListVersionsQuery, IReadOnlyList<VersionResponse>>
{
    public async ValueTask<IReadOnlyList<VersionResponse>> Handle(ListVersionsQuery query, CancellationToken cancellationToken)
    {
        var versions = await store.ListVersionsAsync(query.DefinitionId, cancellationToken);
        if (versions.Count == 0 && await store.GetDraftAsync(query.DefinitionId, cancellationToken) is null)
        {
            throw new NotFoundException($"流程 {query.DefinitionId}", $"Workflow definition '{query.DefinitionId}'");
        }

        // One indexed count per version (a definition has a handful of versions), in sequence: one DbContext.
        var responses = new List<VersionResponse>(versions.Count);
        foreach (var v in versions)
        {
            var running = await instances.CountRunningAsync(query.DefinitionId, v.Version, cancellationToken);
            responses.Add(new VersionResponse(v.Version, v.Status.ToString(), v.Name, v.ChangeNote, v.PublishedBy, v.PublishedAt, running));
        }

        return responses;
    }
}
