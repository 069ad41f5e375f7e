namespace GridCase.Workflows.Definitions;

/// <summary>
/// Something wrong with a definition, with a stable machine code (e.g. <c>push-down-path</c>) and the ids of
/// the nodes involved, so that a designer can show it on the nodes.
/// </summary>
/// <remarks>
/// <see cref="Message"/> is a "中文 / English" pair: one written in English only gets the Chinese of its code in front,
/// naming the nodes (e.g. "属性值无效（节点 triage）/ triage: deadline.warnAt must be …"), so that a Chinese designer never
/// shows an English-only problem.
/// </remarks>
public sealed record DefinitionProblem(string Code, string Message, IReadOnlyList<string> NodeIds)
{
    public string Message { get; init; } = ProblemCodes.Bilingual(Code, Message, NodeIds);

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

    /// <summary>What each kind of problem is, in Chinese.</summary>
    public static string Chinese(string code) => code switch
    {
        Format => "定义格式有误",
        UnknownType => "未知的节点类型",
        DuplicateNode => "节点标识重复",
        MissingProperty => "缺少必填属性",
        InvalidProperty => "属性值无效",
        UnreachableNode => "从开始节点无法到达",
        DanglingConnection => "连线指向不存在的节点",
        UndeclaredOutcome => "连线使用了未声明的结果",
        UnconnectedOutcome => "结果没有连线",
        NoStart => "缺少开始节点",
        ManyStarts => "开始节点多于一个",
        NoEnd => "缺少可到达的结束节点",
        BadCondition => "条件表达式有误",
        UnknownVariable => "引用了未声明的变量",
        TableGap => "决策表有未覆盖的情况",
        TableOverlap => "决策表规则重叠",
        PushDownPath => "违反不下派规则",
        _ => "流程定义有问题",
    };

    /// <summary>The separator between the halves of a "中文 / English" pair.</summary>
    public const string PairSeparator = " / ";

    /// <summary>
    /// Where the " / " between the halves of a "中文 / English" pair is, or -1 when <paramref name="text"/> is no pair:
    /// the first " / " with Chinese before it and none after it; failing that (an English half that names a Chinese
    /// unit), the first " / " with Chinese before it. So a " / " inside a value of the Chinese half (e.g. a condition
    /// <c>score / 2 &gt; 3</c>) is not taken for the separator.
    /// </summary>
    public static int PairSeparatorAt(string text)
    {
        var first = -1;
        for (var at = text.IndexOf(PairSeparator, StringComparison.Ordinal); at > 0; at = text.IndexOf(PairSeparator, at + 1, StringComparison.Ordinal))
        {
            if (!IsChinese(text.AsSpan(0, at)))
            {
                continue;
            }

            if (!IsChinese(text.AsSpan(at + PairSeparator.Length)))
            {
                return at;
            }

            first = first < 0 ? at : first;
        }

        return first;
    }

    private static bool IsChinese(ReadOnlySpan<char> text) => text.ContainsAnyInRange('\u4e00', '\u9fff');

    /// <summary>A message as a "中文 / English" pair: as it is when it has Chinese, otherwise the code's Chinese in front.</summary>
    public static string Bilingual(string code, string message, IReadOnlyList<string> nodeIds)
    {
        if (IsChinese(message))
        {
            return message;
        }

        var nodes = nodeIds.Count == 0 ? "" : $"（节点 {string.Join("、", nodeIds)}）";
        return $"{Chinese(code)}{nodes} / {message}";
    }
}
