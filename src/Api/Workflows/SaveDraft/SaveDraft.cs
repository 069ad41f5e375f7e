using System.Text.Json;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Workflows.SaveDraft;

/// <summary>Saves the draft of a definition (creating the definition if new). Problems do not stop the save.</summary>
public sealed record SaveDraftCommand(string DefinitionId, JsonElement Document, Actor Actor) : ICommand<SaveDraftResponse>;

public sealed record SaveDraftResponse(string DefinitionId, DateTime SavedAt, IReadOnlyList<ProblemResponse> Problems);
