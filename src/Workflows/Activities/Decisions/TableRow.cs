using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>A row of a decision table: one cell per input (in input order), the outcome, and the variables it sets.</summary>
public sealed record TableRow(string Id, IReadOnlyList<TableCell> Cells, string Outcome, IReadOnlyList<KeyValuePair<string, object?>> Outputs)
{
    public bool Matches(IReadOnlyList<object?> inputs)
    {
        for (var i = 0; i < Cells.Count; i++)
        {
            if (!Cells[i].Matches(inputs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the row decides, for telling whether two rows that overlap disagree.</summary>
    public string Result =>
        Outputs.Count == 0
            ? Outcome
            : $"{Outcome} ({string.Join(", ", Outputs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} = {ExpressionValues.Describe(o.Value)}"))})";
}
