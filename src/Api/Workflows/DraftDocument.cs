using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using GridCase.Workflows.Definitions;

namespace GridCase.Api.Workflows;

/// <summary>Turns a request body into a draft definition; a document that is not even of the format is a 400.</summary>
public static class DraftDocument
{
    /// <summary>A definition id: lower-case letters, digits and hyphens, starting with a letter, at most 64.</summary>
    public const string IdPattern = "^[a-z][a-z0-9-]{0,63}$";

    public const string IdRule = "编号须以小写字母开头，只含小写字母、数字和连字符（至多 64 个） / id must be lower-case letters, digits and hyphens, starting with a letter (at most 64).";

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
