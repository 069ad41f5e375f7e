using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>
/// One cell of a decision table: <c>"*"</c> (or no cell) matches anything; a plain value matches that value; an
/// array matches any of its cells; <c>"1..2"</c> is an inclusive range; <c>"&gt;=3"</c>, <c>"&gt;3"</c>,
/// <c>"&lt;=2"</c>, <c>"&lt;2"</c> compare numbers. Nothing but <c>"*"</c> matches a value that is not set.
/// </summary>
public abstract partial record TableCell
{
    public static TableCell Any { get; } = new AnyCell();

    public abstract bool Matches(object? value);

    /// <summary>Numbers where the cell's answer may change, for choosing sample values.</summary>
    public virtual IEnumerable<double> Bounds => [];

    /// <summary>Values the cell names, for choosing sample values.</summary>
    public virtual IEnumerable<object> Named => [];

    /// <summary>Reads a cell for an input of <paramref name="kind"/>; a problem (and null) when it cannot match that input.</summary>
    public static TableCell? Read(PropsReader props, JsonElement cell, string input, ValueKind kind, IReadOnlyList<object>? domain, string path)
    {
        if (cell.ValueKind == JsonValueKind.Array)
        {
            var options = new List<TableCell>();
            foreach (var element in cell.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Array || element is { ValueKind: JsonValueKind.String } && element.GetString()!.Trim() == "*")
                {
                    props.Problem(ProblemCodes.InvalidProperty, $"{path}：列表只能包含普通值、区间或比较，不能包含 '*' 或另一个列表 / {path}: a list holds plain values, ranges or comparisons, not '*' or another list.");
                    return null;
                }

                if (Read(props, element, input, kind, domain, path) is not { } option)
                {
                    return null;
                }

                options.Add(option);
            }

            if (options.Count == 0)
            {
                props.Problem(ProblemCodes.InvalidProperty, $"{path}：空列表匹配不到任何情况 / {path}: an empty list matches nothing.");
                return null;
            }

            return new OneOfCell(options);
        }

        if (cell.ValueKind == JsonValueKind.String && cell.GetString()!.Trim() == "*")
        {
            return Any;
        }

        var numeric = kind is ValueKind.Int or ValueKind.Number;
        TableCell? read = (cell.ValueKind, kind) switch
        {
            (JsonValueKind.Number, ValueKind.Int or ValueKind.Number or ValueKind.Unknown) => new EqualsCell(ExpressionValues.FromJson(cell)!),
            (JsonValueKind.String, ValueKind.Int or ValueKind.Number) => ReadNumeric(cell.GetString()!.Trim()),
            (JsonValueKind.String, ValueKind.String or ValueKind.Unknown) => new EqualsCell(cell.GetString()!.Trim()),
            (JsonValueKind.True or JsonValueKind.False, ValueKind.Bool or ValueKind.Unknown) => new EqualsCell(cell.GetBoolean()),
            _ => null,
        };
        if (read is null)
        {
            var expected = numeric
                ? "a number, a range like \"1..2\", a comparison like \">=3\", a list or \"*\""
                : kind == ValueKind.Bool ? "true, false or \"*\"" : "a text value, a list or \"*\"";
            var expectedChinese = numeric
                ? "数值、区间（如 \"1..2\"）、比较（如 \">=3\"）、列表或 \"*\""
                : kind == ValueKind.Bool ? "true、false 或 \"*\"" : "文字、列表或 \"*\"";
            props.Problem(ProblemCodes.InvalidProperty, $"{path}：{cell.GetRawText()} 无法匹配输入 '{input}'，应为{expectedChinese} / {path}: {cell.GetRawText()} cannot match input '{input}'; expected {expected}.");
            return null;
        }

        if (kind == ValueKind.Int && read.Bounds.Any(b => Math.Floor(b) != b))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path}：输入 '{input}' 是整数，{cell.GetRawText()} 不是 / {path}: input '{input}' is a whole number; {cell.GetRawText()} is not.");
            return null;
        }

        if (read is RangeCell { Low: var low, High: var high } && low > high)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path}：区间 {cell.GetRawText()} 为空 / {path}: the range {cell.GetRawText()} is empty.");
            return null;
        }

        if (domain is not null && read is EqualsCell equals && !domain.Any(d => ExpressionValues.Equal(d, equals.Value) == true))
        {
            var values = domain.Select(d => Convert.ToString(d, CultureInfo.InvariantCulture)).ToList();
            props.Problem(
                ProblemCodes.InvalidProperty,
                $"{path}：{cell.GetRawText()} 不是 '{input}' 的取值（{string.Join("、", values)}） / {path}: {cell.GetRawText()} is not a value of '{input}' ({string.Join(", ", values)}).");
            return null;
        }

        return read;
    }

    private static TableCell? ReadNumeric(string text)
    {
        if (TryNumber(text, out var number))
        {
            return new EqualsCell(Math.Floor(number) == number && Math.Abs(number) < 9e15 ? (long)number : number);
        }

        var range = RangePattern().Match(text);
        if (range.Success && TryNumber(range.Groups[1].Value, out var low) && TryNumber(range.Groups[2].Value, out var high))
        {
            return new RangeCell(low, high);
        }

        var comparison = ComparisonPattern().Match(text);
        if (comparison.Success && TryNumber(comparison.Groups[2].Value, out var bound))
        {
            return new CompareCell(comparison.Groups[1].Value, bound);
        }

        return null;
    }

    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
        && double.IsFinite(number);

    [GeneratedRegex(@"^\s*(-?[0-9.]+)\s*\.\.\s*(-?[0-9.]+)\s*$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^\s*(>=|<=|>|<)\s*(-?[0-9.]+)\s*$")]
    private static partial Regex ComparisonPattern();

    private sealed record AnyCell : TableCell
    {
        public override bool Matches(object? value) => true;

        public override string ToString() => "*";
    }

    public sealed record EqualsCell(object Value) : TableCell
    {
        public override bool Matches(object? value) => ExpressionValues.Equal(ExpressionValues.Normalize(value), Value) == true;

        public override IEnumerable<double> Bounds => ExpressionValues.IsNumber(Value) ? [ExpressionValues.ToDouble(Value)] : [];

        public override IEnumerable<object> Named => [Value];
    }

    public sealed record OneOfCell(IReadOnlyList<TableCell> Options) : TableCell
    {
        public override bool Matches(object? value) => Options.Any(o => o.Matches(value));

        public override IEnumerable<double> Bounds => Options.SelectMany(o => o.Bounds);

        public override IEnumerable<object> Named => Options.SelectMany(o => o.Named);
    }

    public sealed record RangeCell(double Low, double High) : TableCell
    {
        public override bool Matches(object? value) =>
            ExpressionValues.Normalize(value) is long or double && ExpressionValues.ToDouble(ExpressionValues.Normalize(value)) is var v && v >= Low && v <= High;

        public override IEnumerable<double> Bounds => [Low, High];
    }

    public sealed record CompareCell(string Operator, double Bound) : TableCell
    {
        public override bool Matches(object? value)
        {
            var normalized = ExpressionValues.Normalize(value);
            if (normalized is not (long or double))
            {
                return false;
            }

            var v = ExpressionValues.ToDouble(normalized);
            return Operator switch
            {
                ">=" => v >= Bound,
                ">" => v > Bound,
                "<=" => v <= Bound,
                _ => v < Bound,
            };
        }

        public override IEnumerable<double> Bounds => [Bound];
    }
}
