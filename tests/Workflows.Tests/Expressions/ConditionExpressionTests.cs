using System.Text.Json;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Tests.Expressions;

public sealed class ConditionExpressionTests
{
    private static readonly IReadOnlySet<string> Names = new HashSet<string> { "difficulty", "scope", "channel", "score", "urgent", "note" };

    private static readonly IReadOnlyDictionary<string, ValueKind> Types = new Dictionary<string, ValueKind>
    {
        ["difficulty"] = ValueKind.Int,
        ["scope"] = ValueKind.String,
        ["channel"] = ValueKind.String,
        ["score"] = ValueKind.Number,
        ["urgent"] = ValueKind.Bool,
        ["note"] = ValueKind.String,
    };

    private static ConditionExpression Parse(string text)
    {
        var expression = ConditionExpression.Parse(text, Types, out var error);
        Assert.That(error, Is.Null);
        return expression;
    }

    private static object? Value(string text, params (string Name, object? Value)[] values) =>
        Parse(text).EvaluateValue(values.ToDictionary(v => v.Name, v => v.Value));

    [TestCase("1 + 2 * 3", 7L)]
    [TestCase("(1 + 2) * 3", 9L)]
    [TestCase("10 - 4 - 3", 3L)]
    [TestCase("7 / 2", 3.5)]
    [TestCase("8 / 2", 4.0)]
    [TestCase("7 % 3", 1L)]
    [TestCase("-2 * 3", -6L)]
    [TestCase("- (2 + 3)", -5L)]
    [TestCase("2.5 * 2", 5.0)]
    [TestCase("1 + 2.5", 3.5)]
    [TestCase("!true || true", true)]
    [TestCase("true || false && false", true)]
    [TestCase("(true || false) && false", false)]
    [TestCase("not false and true", true)]
    [TestCase("false or not false", true)]
    [TestCase("1 + 1 == 2", true)]
    [TestCase("1 < 2 == 2 > 1", true)]
    [TestCase("3 >= 3 && 3 <= 3 && 2 < 3 && 3 > 2", true)]
    [TestCase("3 == 3.0", true)]
    [TestCase("1 != 2", true)]
    [TestCase("'a' + 'b'", "ab")]
    [TestCase("\"县级\" == '县级'", true)]
    [TestCase("'it\\'s' == \"it's\"", true)]
    [TestCase("'B' == 'b'", false)]
    public void Operators_follow_the_usual_precedence(string text, object expected)
    {
        Assert.That(Value(text), Is.EqualTo(expected));
    }

    [TestCase(3L, "County", true)]
    [TestCase(4L, "County", true)]
    [TestCase(2L, "County", false)]
    [TestCase(3L, "Township", false)]
    [TestCase(3, "County", true)]
    [TestCase(3.0, "County", true)]
    public void Conditions_read_case_values(object difficulty, string scope, bool expected)
    {
        var expression = Parse("difficulty >= 3 && scope == 'County'");

        Assert.That(expression.Evaluate(new Dictionary<string, object?> { ["difficulty"] = difficulty, ["scope"] = scope }), Is.EqualTo(expected));
    }

    [TestCase("difficulty >= 3", false)]
    [TestCase("difficulty < 3", false)]
    [TestCase("difficulty == 3", false)]
    [TestCase("difficulty != 3", false)]
    [TestCase("scope == 'County'", false)]
    [TestCase("scope != 'County'", false)]
    [TestCase("!(difficulty >= 3)", true)]
    [TestCase("isSet(difficulty)", false)]
    [TestCase("!isSet(scope)", true)]
    [TestCase("in(scope, 'County', 'Township')", false)]
    [TestCase("startsWith(scope, 'C')", false)]
    [TestCase("urgent", false)]
    [TestCase("!urgent", true)]
    [TestCase("urgent || difficulty > 1", false)]
    public void Anything_compared_with_null_is_false(string text, bool expected)
    {
        var values = new Dictionary<string, object?> { ["difficulty"] = null };

        Assert.That(Parse(text).Evaluate(values), Is.EqualTo(expected));
    }

    [TestCase("difficulty + 1")]
    [TestCase("-difficulty")]
    [TestCase("score * 2")]
    [TestCase("scope + 'x'")]
    [TestCase("5 / 0")]
    [TestCase("5 % 0")]
    [TestCase("5.0 / 0")]
    [TestCase("9223372036854775807 + 1")]
    [TestCase("9223372036854775807 * 2")]
    public void Arithmetic_without_a_value_gives_null(string text)
    {
        Assert.That(Value(text), Is.Null);
    }

    [Test]
    public void Mismatched_values_at_run_time_give_false_or_null_and_never_throw()
    {
        var expression = ConditionExpression.Parse("difficulty > 3 || difficulty == 'x' || difficulty + 1 == 2", Names, out var error);
        Assert.That(error, Is.Null);

        foreach (var value in new object?[] { "text", true, new object(), DateTime.MinValue, double.NaN, null, 1L, JsonSerializer.SerializeToElement(new[] { 1 }) })
        {
            var values = new Dictionary<string, object?> { ["difficulty"] = value };
            Assert.That(() => expression.Evaluate(values), Throws.Nothing);
        }

        Assert.That(expression.Evaluate(new Dictionary<string, object?> { ["difficulty"] = "text" }), Is.False);
        Assert.That(expression.Evaluate(new Dictionary<string, object?> { ["difficulty"] = 1L }), Is.True);
    }

    [Test]
    public void Json_values_are_read_as_plain_values()
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, object?>>("""{"difficulty":3,"scope":"County","score":2.5,"urgent":true}""")!;

        Assert.That(Parse("difficulty == 3 && scope == 'County' && score > 2 && urgent").Evaluate(values), Is.True);
    }

    [TestCase("in(scope, 'County', 'CrossDepartment')", "CrossDepartment", true)]
    [TestCase("in(scope, 'County', 'CrossDepartment')", "Grid", false)]
    [TestCase("startsWith(scope, 'Cross')", "CrossDepartment", true)]
    [TestCase("isSet(scope)", "Grid", true)]
    public void Whitelisted_functions_work(string text, string scope, bool expected)
    {
        Assert.That(Parse(text).Evaluate(new Dictionary<string, object?> { ["scope"] = scope }), Is.EqualTo(expected));
    }

    [Test]
    public void Evaluate_is_true_only_for_the_bool_true()
    {
        Assert.That(Parse("difficulty").Evaluate(new Dictionary<string, object?> { ["difficulty"] = 1L }), Is.False);
        Assert.That(Parse("scope").Evaluate(new Dictionary<string, object?> { ["scope"] = "true" }), Is.False);
    }

    [TestCase("difficulty >= 3 && level == 'County'", "'level'")]
    [TestCase("foo + bar > 1", "'bar', 'foo'")]
    [TestCase("Difficulty >= 3", "'Difficulty'")]
    public void Unknown_names_are_errors(string text, string named)
    {
        var expression = ConditionExpression.Parse(text, Names, out var error);

        Assert.That(error, Does.Contain(named).And.Contain("known names are"));
        Assert.That(expression.IsValid, Is.False);
        Assert.That(expression.Evaluate(new Dictionary<string, object?>()), Is.False);
        Assert.That(expression.EvaluateValue(new Dictionary<string, object?>()), Is.Null);
    }

    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    [TestCase("difficulty >=", "ends too early")]
    [TestCase("difficulty = 3", "use '=='")]
    [TestCase("difficulty >= 3 & scope == 'x'", "use '&&'")]
    [TestCase("(1 + 2", "')' expected")]
    [TestCase("1 + 2)", "unexpected ')' at position 6")]
    [TestCase("'abc", "not closed")]
    [TestCase("1 2", "unexpected '2' at position 3")]
    [TestCase("3abc", "after the number")]
    [TestCase("99999999999999999999", "too large")]
    [TestCase("difficulty == null", "isSet")]
    [TestCase("Math.Max(1, 2)", "unexpected '.'")]
    [TestCase("system('rm')", "unknown function 'system'")]
    [TestCase("isSet()", "one argument")]
    [TestCase("in(scope)", "at least one candidate")]
    [TestCase("startsWith(scope)", "two arguments")]
    [TestCase("difficulty >= 3 and", "ends too early")]
    [TestCase("$x", "unexpected '$'")]
    public void Syntax_errors_are_reported_with_a_reason(string text, string reason)
    {
        ConditionExpression.Parse(text, Names, out var error);

        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void Very_long_or_deeply_nested_text_is_refused_without_overflowing_the_stack()
    {
        ConditionExpression.Parse(new string('(', 5000) + "1" + new string(')', 5000), Names, out var longError);
        ConditionExpression.Parse(new string('(', 500) + "1" + new string(')', 500), Names, out var deepError);
        ConditionExpression.Parse(new string('!', 500) + "true", Names, out var unaryError);

        Assert.That(longError, Does.Contain("longer than"));
        Assert.That(deepError, Does.Contain("nested"));
        Assert.That(unaryError, Does.Contain("nested"));
    }

    [TestCase("scope > 3", "compares numbers")]
    [TestCase("scope == 3", "cannot compare a string with an int")]
    [TestCase("difficulty && true", "joins conditions")]
    [TestCase("!scope", "needs a bool")]
    [TestCase("-scope", "needs a number")]
    [TestCase("difficulty + 'a'", "'+' joins two strings")]
    [TestCase("scope * 2", "needs numbers")]
    [TestCase("urgent == 1", "cannot compare a bool with an int")]
    [TestCase("in(scope, 1, 2)", "cannot compare")]
    [TestCase("startsWith(difficulty, 'a')", "two strings")]
    public void Type_errors_are_reported_when_the_types_of_names_are_known(string text, string reason)
    {
        ConditionExpression.Parse(text, Types, out var error);

        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("difficulty >= 3", ValueKind.Bool)]
    [TestCase("difficulty + 1", ValueKind.Int)]
    [TestCase("difficulty / 2", ValueKind.Number)]
    [TestCase("difficulty * score", ValueKind.Number)]
    [TestCase("scope + '-x'", ValueKind.String)]
    [TestCase("urgent", ValueKind.Bool)]
    [TestCase("3.5", ValueKind.Number)]
    public void The_result_type_is_known_from_the_types_of_names(string text, ValueKind expected)
    {
        Assert.That(Parse(text).ResultType, Is.EqualTo(expected));
    }

    [Test]
    public void Without_types_only_names_are_checked()
    {
        var expression = ConditionExpression.Parse("scope > 3", Names, out var error);

        Assert.That(error, Is.Null);
        Assert.That(expression.ResultType, Is.EqualTo(ValueKind.Bool));
        Assert.That(expression.Evaluate(new Dictionary<string, object?> { ["scope"] = "County" }), Is.False);
    }

    [Test]
    public void The_parsed_expression_keeps_its_text_and_the_names_it_reads()
    {
        var expression = Parse("  difficulty >= 3 && in(scope, 'County', 'Township')  ");

        Assert.That(expression.Text, Is.EqualTo("difficulty >= 3 && in(scope, 'County', 'Township')"));
        Assert.That(expression.Names, Is.EquivalentTo(new[] { "difficulty", "scope" }));
        Assert.That(expression.ToString(), Is.EqualTo(expression.Text));
    }

    [Test]
    public void A_parsed_expression_evaluates_many_times_with_different_values()
    {
        var expression = Parse("difficulty * 2 + 1");

        var results = Enumerable.Range(1, 4).Select(d => expression.EvaluateValue(new Dictionary<string, object?> { ["difficulty"] = (long)d }));

        Assert.That(results, Is.EqualTo(new object[] { 3L, 5L, 7L, 9L }));
    }
}
