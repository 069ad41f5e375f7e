using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.ListDefinitions;

public sealed record ListDefinitionsQuery : IQuery<IReadOnlyList<DefinitionSummaryResponse>>;

public sealed record DefinitionSummaryResponse(string Id, string Name, int? LatestVersion, bool HasDraft);

public sealed class ListDefinitionsHandler(IDefinitionStore store) : IQueryHandler<ListDefinitionsQuery, IReadOnlyList<DefinitionSummaryResponse>>
{
    public async ValueTask<IReadOnlyList<DefinitionSummaryResponse>> Handle(ListDefinitionsQuery query, CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Select(d => new DefinitionSummaryResponse(d.Id, d.Name, d.LatestVersion, d.HasDraft)).ToList();
}
