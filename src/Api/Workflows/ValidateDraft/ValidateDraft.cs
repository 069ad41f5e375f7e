using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using Mediator;

namespace GridCase.Api.Workflows.ValidateDraft;

/// <summary>Checks a document (when given) or the saved draft, without saving anything.</summary>
public sealed record ValidateDraftCommand(string DefinitionId, JsonElement? Document) : ICommand<ValidateDraftResponse>;

public sealed record ValidateDraftResponse(bool Valid, IReadOnlyList<ProblemResponse> Problems);

public sealed class ValidateDraftHandler(IDefinitionStore store, DefinitionValidator validator) : ICommandHandler<ValidateDraftCommand, ValidateDraftResponse>
{
    public async ValueTask<ValidateDraftResponse> Handle(ValidateDraftCommand command, CancellationToken cancellationToken)
    {
        var definition = command.Document is { ValueKind: JsonValueKind.Object } document
            ? DraftDocument.Parse(command.DefinitionId, document)
            : (await store.GetDraftAsync(command.DefinitionId, cancellationToken))?.Definition
              ?? throw new NotFoundException($"流程 {command.DefinitionId} 的草稿", $"The draft of '{command.DefinitionId}'");
        var problems = validator.Validate(definition).Problems;
        return new ValidateDraftResponse(problems.Count == 0, ProblemResponse.From(problems));
    }
}
