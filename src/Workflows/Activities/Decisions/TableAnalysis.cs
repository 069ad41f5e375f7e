using GridCase.Domain.Cases;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>
/// Finds a decision table's gaps and overlaps by trying every combination of input values. Difficulty, scope and
/// channel have their fixed domains; any other input takes each value its cells name (numbers: each bound, and
/// values on either side of it) plus one value no cell names.
/// </summary>
public static class TableAnalysis
{
    public const int MaxCombinations = 1_000_000;

    private const int ExamplesShown = 3;

    /// <summary>Stands for "a value no cell names" of a text input; no plain value or range matches it.</summary>
    private static readonly object Other = new OtherValue();

    public static IReadOnlyDictionary<string, IReadOnlyList<object>> FixedDomains { get; } = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal)
    {
        ["difficulty"] = [1L, 2L, 3L, 4L],
        ["scope"] = [.. Enum.GetNames<CaseScope>()],
        ["channel"] = [.. Enum.GetNames<ReportChannel>()],
    };

    public static IEnumerable<DefinitionProblem> Check(
        string nodeId, IReadOnlyList<string> inputs, IReadOnlyList<ValueKind> kinds, IReadOnlyList<TableRow> rows, bool hasDefault)
    {
        var domains = inputs.Select((input, i) => DomainOf(input, kinds[i], rows.Select(r => r.Cells[i]).ToList())).ToList();
        var total = domains.Aggregate(1L, (product, d) => Math.Min(product, MaxCombinations + 1L) * d.Count);
        if (total > MaxCombinations)
        {
            yield return DefinitionProblem.ForNode(
                ProblemCodes.InvalidProperty,
                nodeId,
                $"{nodeId}: the table has {total} input combinations, more than the {MaxCombinations} that can be checked for gaps and overlaps; split it.");
            yield break;
        }

        var results = rows.Select(r => r.Result).ToArray();
        var gaps = new List<string>();
        var gapCount = 0;
        var overlaps = new Dictionary<(int, int), string>();
        var combination = new object?[inputs.Count];
        var index = new int[inputs.Count];
        var matching = new List<int>();
        for (var n = 0L; n < total; n++)
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                combination[i] = domains[i][index[i]];
            }

            matching.Clear();
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Matches(combination))
                {
                    matching.Add(r);
                }
            }

            if (matching.Count == 0 && !hasDefault)
            {
                if (gapCount++ < ExamplesShown)
                {
                    gaps.Add(Describe(inputs, combination));
                }
            }

            for (var a = 0; a < matching.Count; a++)
            {
                for (var b = a + 1; b < matching.Count; b++)
                {
                    var pair = (matching[a], matching[b]);
                    if (!overlaps.ContainsKey(pair) && results[pair.Item1] != results[pair.Item2])
                    {
                        overlaps[pair] = Describe(inputs, combination);
                    }
                }
            }

            Advance(index, domains);
        }

        if (gapCount > 0)
        {
            var more = gapCount > gaps.Count ? $" (and {gapCount - gaps.Count} more)" : "";
            yield return DefinitionProblem.ForNode(
                ProblemCodes.TableGap,
                nodeId,
                $"{nodeId}: no row covers {gapCount} input combination{(gapCount == 1 ? "" : "s")}, e.g. {string.Join("; ", gaps)}{more}; add rows or a default.");
        }

        foreach (var ((a, b), example) in overlaps.OrderBy(o => o.Key))
        {
            yield return DefinitionProblem.ForNode(
                ProblemCodes.TableOverlap,
                nodeId,
                $"{nodeId}: rows '{rows[a].Id}' and '{rows[b].Id}' both match {example} but decide differently ('{rows[a].Id}' → {results[a]}, '{rows[b].Id}' → {results[b]}); the first row wins.");
        }
    }

    private static void Advance(int[] index, List<IReadOnlyList<object>> domains)
    {
        for (var i = index.Length - 1; i >= 0; i--)
        {
            if (++index[i] < domains[i].Count)
            {
                return;
            }

            index[i] = 0;
        }
    }

    private static IReadOnlyList<object> DomainOf(string input, ValueKind kind, IReadOnlyList<TableCell> cells)
    {
        if (FixedDomains.TryGetValue(input, out var domain))
        {
            return domain;
        }

        var bounds = cells.SelectMany(c => c.Bounds).Distinct().Order().ToList();
        switch (kind)
        {
            case ValueKind.Bool:
                return [true, false];
            case ValueKind.Int:
                // Between two whole-number bounds every cell answers the same, so each bound and its neighbours suffice.
                return bounds.Count == 0
                    ? [0L]
                    : [.. bounds.SelectMany(b => new[] { b - 1, b, b + 1 }).Distinct().Order().Select(b => (object)(long)b)];
            case ValueKind.Number:
                if (bounds.Count == 0)
                {
                    return [0.0];
                }

                var samples = new List<object> { bounds[0] - 1 };
                for (var i = 0; i < bounds.Count; i++)
                {
                    samples.Add(bounds[i]);
                    samples.Add(i + 1 < bounds.Count ? (bounds[i] + bounds[i + 1]) / 2 : bounds[i] + 1);
                }

                return samples;
            default:
                var named = new List<object>();
                foreach (var value in cells.SelectMany(c => c.Named))
                {
                    if (!named.Any(n => ExpressionValues.Equal(n, value) == true))
                    {
                        named.Add(value);
                    }
                }

                return [.. named, Other];
        }
    }

    private static string Describe(IReadOnlyList<string> inputs, object?[] combination) =>
        string.Join(", ", inputs.Select((input, i) => $"{input} = {(combination[i] is OtherValue ? "(any other value)" : ExpressionValues.Describe(combination[i]))}"));

    private sealed class OtherValue;
}
