namespace GridCase.Workflows.Expressions;

/// <summary>The static type of a name or an expression; <see cref="Unknown"/> when it cannot be told.</summary>
public enum ValueKind
{
    Unknown,
    Bool,
    Int,
    Number,
    String,
}
