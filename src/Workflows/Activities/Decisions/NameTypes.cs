using GridCase.Workflows.Definitions;
using GridCase.Workflows.Expressions;

namespace GridCase.Workflows.Activities.Decisions;

/// <summary>The static type of every name an expression may read: the subject's facts, then the declared variables.</summary>
public static class NameTypes
{
    private static readonly Dictionary<string, ValueKind> Facts = new(StringComparer.Ordinal)
    {
        ["difficulty"] = ValueKind.Int,
        ["scope"] = ValueKind.String,
        ["category"] = ValueKind.String,
        ["channel"] = ValueKind.String,
        ["item"] = ValueKind.String,
        ["owningDepartment"] = ValueKind.String,
        ["responsibleUnit"] = ValueKind.String,
        ["dispatchingUnit"] = ValueKind.String,
    };

    public static IReadOnlyDictionary<string, ValueKind> For(CompileContext context)
    {
        var types = context.KnownNames.ToDictionary(n => n, n => Facts.GetValueOrDefault(n), StringComparer.Ordinal);
        foreach (var (name, type) in context.Variables)
        {
            types[name] = KindOf(type);
        }

        return types;
    }

    public static ValueKind KindOf(VariableType type) => type switch
    {
        VariableType.Int => ValueKind.Int,
        VariableType.Number => ValueKind.Number,
        VariableType.String => ValueKind.String,
        VariableType.Units => ValueKind.Unknown,
        _ => ValueKind.Bool,
    };

    /// <summary>Whether a value of <paramref name="kind"/> may be stored in a variable of <paramref name="type"/>.</summary>
    public static bool Fits(ValueKind kind, VariableType type) => kind == ValueKind.Unknown || (type, kind) switch
    {
        (VariableType.Int, ValueKind.Int) => true,
        (VariableType.Number, ValueKind.Int or ValueKind.Number) => true,
        (VariableType.String, ValueKind.String) => true,
        (VariableType.Bool, ValueKind.Bool) => true,
        _ => false,
    };

    /// <summary>
    /// <paramref name="value"/> (already normalised) as a value of <paramref name="type"/>: a whole double for an
    /// int, a long for a number; null when it does not fit.
    /// </summary>
    public static object? Coerce(object? value, VariableType type) => (type, value) switch
    {
        (_, null) => null,
        (VariableType.Int, long) => value,
        (VariableType.Int, double d) when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9e15 => (long)d,
        (VariableType.Number, long l) => (double)l,
        (VariableType.Number, double) => value,
        (VariableType.String, string) => value,
        (VariableType.Bool, bool) => value,
        _ => null,
    };
}
