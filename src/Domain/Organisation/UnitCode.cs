using System.Diagnostics.CodeAnalysis;

namespace GridCase.Domain.Organisation;

/// <summary>
/// The stable code of an organisation unit. Area codes follow the division scheme:
/// city/county 6 digits, township 9, village 12, grid 15 (6 county + 3 township + 3 village + 3 grid).
/// Department codes are the owning area's code followed by an upper-case abbreviation, e.g. <c>140502GA</c>.
/// </summary>
public readonly record struct UnitCode
{
    public string Value { get; }

    private UnitCode(string value) => Value = value;

    public static UnitCode Parse(string? value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainRuleException("org.unit-code", $"{value} 不是单位代码 / '{value}' is not a unit code.");

    public static bool TryParse([NotNullWhen(true)] string? value, out UnitCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32)
        {
            return false;
        }

        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits is not (6 or 9 or 12 or 15))
        {
            return false;
        }

        for (var i = digits; i < value.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(value[i]) && !char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        code = new UnitCode(value);
        return true;
    }

    /// <summary>True for department codes (digits followed by letters).</summary>
    public bool IsDepartment => Value is not null && Value.Any(char.IsAsciiLetterUpper);

    /// <summary>The level an area code encodes by its length; departments answer <c>null</c>.</summary>
    public OrgLevel? AreaLevel => Value is null || IsDepartment
        ? null
        : Value.Length switch
        {
            15 => OrgLevel.Grid,
            12 => OrgLevel.Village,
            9 => OrgLevel.Township,
            _ => Value.EndsWith("00", StringComparison.Ordinal) ? OrgLevel.City : OrgLevel.County,
        };

    /// <summary>
    /// The area a code belongs to: the code itself for an area, the owning area's code (the leading
    /// digits) for a department.
    /// </summary>
    public UnitCode OwnerArea => IsDepartment ? new UnitCode(new string(Value.TakeWhile(char.IsAsciiDigit).ToArray())) : this;

    public override string ToString() => Value ?? "";
}
