namespace GridCase.Workflows.Definitions;

/// <summary>
/// Something wrong with a definition, with a stable machine code (e.g. <c>push-down-path</c>) and the ids of
/// the nodes involved, so that a designer can show it on the nodes.
/// </summary>
public sealed record DefinitionProblem(string Code, string Message, IReadOnlyList<string> NodeIds)
{
    public static DefinitionProblem ForNode(string code, string nodeId, string message) => new(code, message, [nodeId]);

    public static DefinitionProblem General(string code, string message) => new(code, message, []);
}

/// <summary>Machine codes of definition problems.</summary>
public static class ProblemCodes
{
    public const string Format = "format";
    public const string UnknownType = "unknown-type";
    public const string DuplicateNode = "duplicate-node";
    public const string MissingProperty = "missing-property";
    public const string InvalidProperty = "invalid-property";
    public const string UnreachableNode = "unreachable-node";
    public const string DanglingConnection = "dangling-connection";
    public const string UndeclaredOutcome = "undeclared-outcome";
    public const string UnconnectedOutcome = "unconnected-outcome";
    public const string NoStart = "no-start";
    public const string ManyStarts = "many-starts";
    public const string NoEnd = "no-end";
    public const string BadCondition = "bad-condition";
    public const string UnknownVariable = "unknown-variable";
    public const string TableGap = "table-gap";
    public const string TableOverlap = "table-overlap";
    public const string PushDownPath = "push-down-path";
}
