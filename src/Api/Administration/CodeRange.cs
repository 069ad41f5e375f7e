using GridCase.Api.Infrastructure;

namespace GridCase.Api.Administration;

/// <summary>
/// The unit codes that start with a prefix, as a range of strings: <c>From ≤ code ≤ To</c>. Unit codes are digits and
/// capital letters of at most 32 characters, so every code with the prefix lies between the prefix and the prefix padded
/// with 'Z', and no other code does. Unlike <c>LIKE 'prefix%'</c>, a range is served by an ordinary index on
/// SQLite and PostgreSQL whatever the collation.
/// </summary>
public readonly record struct CodeRange(string From, string To)
{
    public const int MaxCodeLength = 32;

    public static CodeRange Everything { get; } = new("", new string('Z', MaxCodeLength));

    public static CodeRange StartingWith(string prefix) =>
        new(prefix, prefix.PadRight(MaxCodeLength, 'Z'));

    /// <summary>The codes a caller sees: its unit and those below it (<see cref="CallerScope"/>).</summary>
    public static CodeRange For(CallerScope scope) =>
        scope.ExactUnit is { } exact ? new(exact, exact)
        : scope.Prefix is { } prefix ? StartingWith(prefix)
        : Everything;
}
