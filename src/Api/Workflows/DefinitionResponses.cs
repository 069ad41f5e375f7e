using System.Text.Json.Nodes;
using GridCase.Api.Infrastructure;
using GridCase.Workflows.Definitions;

namespace GridCase.Api.Workflows;

public sealed record ProblemResponse(string Code, string Message, IReadOnlyList<string> NodeIds)
{
    public static IReadOnlyList<ProblemResponse> From(IEnumerable<DefinitionProblem> problems) =>
        problems.Select(p => new ProblemResponse(p.Code, p.Message, p.NodeIds)).ToList();

    /// <summary>The problems in the caller's language (see <see cref="ProblemLanguage"/>).</summary>
    public static IReadOnlyList<ProblemResponse> In(IReadOnlyList<ProblemResponse> problems, ProblemLanguage.Choice language) =>
        language == ProblemLanguage.Choice.Both ? problems : problems.Select(p => p with { Message = ProblemLanguage.Pick(p.Message, language)! }).ToList();
}

/// <summary>A definition document as the designer edits it (the format in workflow-definitions/README.md).</summary>
public static class DefinitionDocument
{
    public static JsonObject From(WorkflowDefinition definition) => DefinitionJson.ToJson(definition);
}

/// <summary>The definition does not pass validation: answered 422 with the problems.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<DefinitionProblem> problems)
    : Exception("流程定义未通过校验 / The definition has problems.")
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
