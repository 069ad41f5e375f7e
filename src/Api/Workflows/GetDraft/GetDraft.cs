using System.Text.Json.Nodes;
using GridCase.Api.Infrastructure;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.GetDraft;

public sealed record GetDraftQuery(string DefinitionId) : IQuery<DraftResponse>;

public sealed record DraftResponse(JsonObject Definition, string SavedBy, DateTime SavedAt, int? BasedOnVersion, IReadOnlyList<ProblemResponse> Problems);

public sealed class GetDraftHandler(IDefinitionStore store, DefinitionValidator validator) : IQueryHandler<GetDraftQuery, DraftResponse>
{
    public async ValueTask<DraftResponse> Handle(GetDraftQuery query, CancellationToken cancellationToken)
    {
        var draft = await store.GetDraftAsync(query.DefinitionId, cancellationToken)
            ?? throw new NotFoundException($"流程 {query.DefinitionId} 的草稿", $"The draft of '{query.DefinitionId}'");
        return new DraftResponse(
            DefinitionDocument.From(draft.Definition),
            draft.SavedBy,
            draft.SavedAt,
            draft.BasedOnVersion,
            ProblemResponse.From(validator.Validate(draft.Definition).Problems));
    }
}
