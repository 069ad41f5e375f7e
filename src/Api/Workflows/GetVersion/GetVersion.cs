using System.Text.Json.Nodes;
using GridCase.Api.Infrastructure;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.GetVersion;

public sealed record GetVersionQuery(string DefinitionId, int Version) : IQuery<JsonObject>;

public sealed class GetVersionHandler(IDefinitionStore store) : IQueryHandler<GetVersionQuery, JsonObject>
{
    public async ValueTask<JsonObject> Handle(GetVersionQuery query, CancellationToken cancellationToken)
    {
        var definition = await store.GetVersionAsync(query.DefinitionId, query.Version, cancellationToken)
            ?? throw new NotFoundException($"流程 {query.DefinitionId} 的 v{query.Version}", $"Version {query.Version} of '{query.DefinitionId}'");
        return DefinitionDocument.From(definition);
    }
}
