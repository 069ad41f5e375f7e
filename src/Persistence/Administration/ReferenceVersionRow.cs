namespace GridCase.Persistence.Administration;

/// <summary>
/// A counter per kind of reference data (<c>org</c>, <c>calendar</c>) raised with every change, so that every API node
/// notices a change made on another one and reloads what it keeps in memory.
/// </summary>
public sealed class ReferenceVersionRow
{
    public const string Organisation = "org";
    public const string Calendar = "calendar";

    public required string Name { get; init; }
    public required long Version { get; set; }
}
