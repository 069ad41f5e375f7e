namespace GridCase.Workflows.Expressions;

/// <summary>
/// A small expression over case data and variables, e.g. <c>difficulty &gt;= 3 &amp;&amp; scope == 'County'</c>.
/// Parsed once (a compiled node keeps the parsed form and evaluates it many times), checked against the names a
/// definition knows, and evaluated over null, string, bool, long and double values without ever throwing.
/// </summary>
/// <remarks>
/// <para>Operators, loosest first: <c>||</c> (or <c>or</c>), <c>&amp;&amp;</c> (<c>and</c>), <c>== !=</c>,
/// <c>&lt; &lt;= &gt; &gt;=</c>, <c>+ -</c>, <c>* / %</c>, unary <c>!</c> (<c>not</c>) and <c>-</c>.
/// Literals: integers, decimals, <c>'text'</c> or <c>"text"</c>, <c>true</c>, <c>false</c>. Functions:
/// <c>isSet(x)</c>, <c>in(x, a, b, …)</c>, <c>startsWith(text, prefix)</c>; nothing else can be called.</para>
/// <para>Any comparison with null — or between values of different kinds — is false, whichever the operator
/// (so both <c>difficulty == 3</c> and <c>difficulty != 3</c> are false while difficulty is not set); use
/// <c>isSet(difficulty)</c> to ask. Arithmetic with null, division by zero and overflow give null.
/// <c>/</c> always gives a double; <c>+</c> also joins two strings. A missing bool counts as false.</para>
/// </remarks>
public sealed class ConditionExpression
{
    private readonly ExpressionNode? _root;

    private ConditionExpression(string text, ExpressionNode? root, IReadOnlySet<string> names, ValueKind resultType)
    {
        Text = text;
        _root = root;
        Names = names;
        ResultType = resultType;
    }

    /// <summary>The expression as written, trimmed.</summary>
    public string Text { get; }

    /// <summary>The names the expression reads.</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>The static type of the result (<see cref="ValueKind.Unknown"/> when parsed without name types).</summary>
    public ValueKind ResultType { get; }

    /// <summary>False for the placeholder returned with a parse error; it evaluates to null.</summary>
    public bool IsValid => _root is not null;

    /// <summary>
    /// Parses <paramref name="text"/>; a syntax error or a name not in <paramref name="knownNames"/> is reported in
    /// <paramref name="error"/>, and the result is then an invalid expression that is never true.
    /// </summary>
    public static ConditionExpression Parse(string text, IReadOnlySet<string> knownNames, out string? error) =>
        Parse(text, knownNames.ToDictionary(n => n, _ => ValueKind.Unknown, StringComparer.Ordinal), out error);

    /// <summary>
    /// As <see cref="Parse(string, IReadOnlySet{string}, out string?)"/>, with the type of each known name, so that
    /// type errors (<c>scope &gt; 3</c>, <c>difficulty &amp;&amp; true</c>) are reported too and
    /// <see cref="ResultType"/> is known.
    /// </summary>
    public static ConditionExpression Parse(string text, IReadOnlyDictionary<string, ValueKind> knownNames, out string? error)
    {
        var trimmed = text?.Trim() ?? "";
        var (root, names, syntaxError) = ExpressionParser.Parse(trimmed);
        if (root is null)
        {
            error = syntaxError;
            return Invalid(trimmed);
        }

        var unknown = names.Where(n => !knownNames.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            error = unknown.Count == 1
                ? $"unknown name '{unknown[0]}'; known names are {string.Join(", ", knownNames.Keys.Order(StringComparer.Ordinal))}."
                : $"unknown names {string.Join(", ", unknown.Select(n => $"'{n}'"))}; known names are {string.Join(", ", knownNames.Keys.Order(StringComparer.Ordinal))}.";
            return Invalid(trimmed);
        }

        var typeErrors = new List<string>();
        var resultType = root.Check(name => knownNames[name], typeErrors);
        if (typeErrors.Count > 0)
        {
            error = typeErrors[0];
            return Invalid(trimmed);
        }

        error = null;
        return new ConditionExpression(trimmed, root, names, resultType);
    }

    /// <summary>True only when the expression evaluates to the bool <c>true</c>.</summary>
    public bool Evaluate(IReadOnlyDictionary<string, object?> values) => EvaluateValue(values) is true;

    /// <summary>The value: null, string, bool, long or double. Names missing from <paramref name="values"/> are null.</summary>
    public object? EvaluateValue(IReadOnlyDictionary<string, object?> values) => _root?.Evaluate(values);

    public override string ToString() => Text;

    private static ConditionExpression Invalid(string text) => new(text, null, new HashSet<string>(), ValueKind.Unknown);
}
