using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

internal static class UnitCodes
{
    /// <summary>
    /// The level a unit works at, from its code alone: an area by its length, a department at the level of the
    /// area whose code it starts with (OrgUnit.Department enforces that prefix).
    /// </summary>
    public static OrgLevel LevelOf(UnitCode code) =>
        code.AreaLevel ?? UnitCode.Parse(AreaDigits(code)).AreaLevel!.Value;

    /// <summary>Whether the grid lies inside the area of <paramref name="unit"/> (a department: inside its owner's area).</summary>
    public static bool Covers(UnitCode unit, UnitCode grid)
    {
        var digits = AreaDigits(unit);

        // City codes are the 4-digit prefecture prefix padded with "00" (140500 covers 140521...).
        return LevelOf(unit) == OrgLevel.City
            ? grid.Value.StartsWith(digits[..4], StringComparison.Ordinal)
            : grid.Value.StartsWith(digits, StringComparison.Ordinal);
    }

    private static string AreaDigits(UnitCode code)
    {
        var value = code.Value ?? throw new DomainRuleException("org.unit-code", "A unit code is missing.");
        var length = 0;
        while (length < value.Length && char.IsAsciiDigit(value[length]))
        {
            length++;
        }

        return value[..length];
    }
}
