using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using GridCase.Workflows.Definitions;

namespace GridCase.Api.Workflows;

/// <summary>Turns a request body into a draft definition; a document that is not even of the format is a 400.</summary>
public static class DraftDocument
{
    public static WorkflowDefinition Parse(string definitionId, JsonElement document)
    {
        var (definition, problems) = DefinitionJson.Parse(WithId(definitionId, document));
        if (definition is null)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure("definition", p.Message)));
        }

        return definition with { Id = definitionId, Version = 0 };
    }

    private static string WithId(string definitionId, JsonElement document)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(document.GetRawText())!.AsObject();
        node["id"] = definitionId;
        return node.ToJsonString();
    }
}
