using static GridCase.Workflows.Expressions.ExpressionValues;

namespace GridCase.Workflows.Expressions;

/// <summary>A node of a parsed expression: evaluates without throwing, and knows its static type.</summary>
internal abstract class ExpressionNode
{
    public abstract object? Evaluate(IReadOnlyDictionary<string, object?> values);

    /// <summary>The static type; the first type error found goes into <paramref name="errors"/>.</summary>
    public abstract ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors);

    protected static bool IsNumeric(ValueKind kind) => kind is ValueKind.Int or ValueKind.Number or ValueKind.Unknown;
}

internal sealed class LiteralNode(object value) : ExpressionNode
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> values) => value;

    public override ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors) => value switch
    {
        bool => ValueKind.Bool,
        long => ValueKind.Int,
        double => ValueKind.Number,
        _ => ValueKind.String,
    };
}

internal sealed class NameNode(string name) : ExpressionNode
{
    public string Name { get; } = name;

    public override object? Evaluate(IReadOnlyDictionary<string, object?> values) =>
        values.TryGetValue(Name, out var value) ? Normalize(value) : null;

    public override ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors) => typeOf(Name);
}

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed class UnaryNode(UnaryOperator op, ExpressionNode operand) : ExpressionNode
{
    // A missing bool counts as false, so "!flag" is true when flag is not set.
    public override object? Evaluate(IReadOnlyDictionary<string, object?> values) => op switch
    {
        UnaryOperator.Not => operand.Evaluate(values) is not true,
        _ => operand.Evaluate(values) switch
        {
            long l when l != long.MinValue => -l,
            double d => -d,
            _ => null,
        },
    };

    public override ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors)
    {
        var kind = operand.Check(typeOf, errors);
        if (op == UnaryOperator.Not)
        {
            if (kind is not (ValueKind.Bool or ValueKind.Unknown))
            {
                errors.Add($"'!' needs a bool, not {Describe(kind)}.");
            }

            return ValueKind.Bool;
        }

        if (!IsNumeric(kind))
        {
            errors.Add($"'-' needs a number, not {Describe(kind)}.");
            return ValueKind.Number;
        }

        return kind;
    }
}

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}

internal sealed class BinaryNode(BinaryOperator op, string symbol, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override object? Evaluate(IReadOnlyDictionary<string, object?> values)
    {
        switch (op)
        {
            case BinaryOperator.Or:
                return left.Evaluate(values) is true || right.Evaluate(values) is true;
            case BinaryOperator.And:
                return left.Evaluate(values) is true && right.Evaluate(values) is true;
        }

        var a = left.Evaluate(values);
        var b = right.Evaluate(values);
        return op switch
        {
            // Anything compared with null (or with a value of another kind) is false, whichever the operator.
            BinaryOperator.Equal => Equal(a, b) == true,
            BinaryOperator.NotEqual => Equal(a, b) == false,
            BinaryOperator.Less => CompareNumbers(a, b) is < 0,
            BinaryOperator.LessOrEqual => CompareNumbers(a, b) is <= 0,
            BinaryOperator.Greater => CompareNumbers(a, b) is > 0,
            BinaryOperator.GreaterOrEqual => CompareNumbers(a, b) is >= 0,
            _ => Arithmetic(a, b),
        };
    }

    private object? Arithmetic(object? a, object? b)
    {
        if (op == BinaryOperator.Add && a is string sa && b is string sb)
        {
            return sa + sb;
        }

        if (!IsNumber(a) || !IsNumber(b))
        {
            return null;
        }

        if (a is long la && b is long lb && op != BinaryOperator.Divide)
        {
            // Overflow gives no value rather than an exception.
            return op switch
            {
                BinaryOperator.Add => Checked(la, lb, (x, y) => checked(x + y)),
                BinaryOperator.Subtract => Checked(la, lb, (x, y) => checked(x - y)),
                BinaryOperator.Multiply => Checked(la, lb, (x, y) => checked(x * y)),
                _ => lb == 0 || (la == long.MinValue && lb == -1) ? null : la % lb,
            };
        }

        var x = ToDouble(a);
        var y = ToDouble(b);
        double? result = op switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => y == 0 ? null : x / y,
            _ => y == 0 ? null : x % y,
        };
        return result is { } r && double.IsFinite(r) ? r : null;
    }

    private static object? Checked(long a, long b, Func<long, long, long> operation)
    {
        try
        {
            return operation(a, b);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public override ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors)
    {
        var l = left.Check(typeOf, errors);
        var r = right.Check(typeOf, errors);
        switch (op)
        {
            case BinaryOperator.Or or BinaryOperator.And:
                if (l is not (ValueKind.Bool or ValueKind.Unknown) || r is not (ValueKind.Bool or ValueKind.Unknown))
                {
                    errors.Add($"'{symbol}' joins conditions (bools), not {Describe(l)} and {Describe(r)}.");
                }

                return ValueKind.Bool;
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (!Comparable(l, r))
                {
                    errors.Add($"'{symbol}' cannot compare {Describe(l)} with {Describe(r)}.");
                }

                return ValueKind.Bool;
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (!IsNumeric(l) || !IsNumeric(r))
                {
                    errors.Add($"'{symbol}' compares numbers, not {Describe(l)} and {Describe(r)}.");
                }

                return ValueKind.Bool;
            case BinaryOperator.Add when l == ValueKind.String || r == ValueKind.String:
                if (l is not (ValueKind.String or ValueKind.Unknown) || r is not (ValueKind.String or ValueKind.Unknown))
                {
                    errors.Add($"'+' joins two strings or adds two numbers, not {Describe(l)} and {Describe(r)}.");
                }

                return ValueKind.String;
            default:
                if (!IsNumeric(l) || !IsNumeric(r))
                {
                    errors.Add($"'{symbol}' needs numbers, not {Describe(l)} and {Describe(r)}.");
                    return ValueKind.Number;
                }

                if (l == ValueKind.Unknown || r == ValueKind.Unknown)
                {
                    return op == BinaryOperator.Divide ? ValueKind.Number : ValueKind.Unknown;
                }

                return op != BinaryOperator.Divide && l == ValueKind.Int && r == ValueKind.Int ? ValueKind.Int : ValueKind.Number;
        }
    }

    internal static bool Comparable(ValueKind l, ValueKind r) =>
        l == ValueKind.Unknown || r == ValueKind.Unknown || l == r
        || (l is ValueKind.Int or ValueKind.Number && r is ValueKind.Int or ValueKind.Number);
}

/// <summary>The whitelisted functions: <c>isSet(x)</c>, <c>in(x, a, b, …)</c>, <c>startsWith(s, prefix)</c>.</summary>
internal sealed class CallNode(string function, IReadOnlyList<ExpressionNode> arguments) : ExpressionNode
{
    public static readonly IReadOnlyList<string> Functions = ["isSet", "in", "startsWith"];

    public static string? ArityError(string function, int count) => function switch
    {
        "isSet" when count != 1 => "isSet(x) takes one argument.",
        "in" when count < 2 => "in(x, a, b, …) takes a value and at least one candidate.",
        "startsWith" when count != 2 => "startsWith(text, prefix) takes two arguments.",
        _ => null,
    };

    public override object? Evaluate(IReadOnlyDictionary<string, object?> values)
    {
        switch (function)
        {
            case "isSet":
                return arguments[0].Evaluate(values) is not null;
            case "in":
                var value = arguments[0].Evaluate(values);
                for (var i = 1; i < arguments.Count; i++)
                {
                    if (Equal(value, arguments[i].Evaluate(values)) == true)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return arguments[0].Evaluate(values) is string text && arguments[1].Evaluate(values) is string prefix
                    && text.StartsWith(prefix, StringComparison.Ordinal);
        }
    }

    public override ValueKind Check(Func<string, ValueKind> typeOf, List<string> errors)
    {
        var kinds = arguments.Select(a => a.Check(typeOf, errors)).ToList();
        if (function == "in")
        {
            foreach (var candidate in kinds.Skip(1))
            {
                if (!BinaryNode.Comparable(kinds[0], candidate))
                {
                    errors.Add($"in(…) cannot compare {Describe(kinds[0])} with {Describe(candidate)}.");
                    break;
                }
            }
        }
        else if (function == "startsWith" && kinds.Any(k => k is not (ValueKind.String or ValueKind.Unknown)))
        {
            errors.Add("startsWith(text, prefix) needs two strings.");
        }

        return ValueKind.Bool;
    }
}
