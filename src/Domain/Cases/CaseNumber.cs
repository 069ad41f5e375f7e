using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GridCase.Domain.Cases;

/// <summary>
/// The human-readable case number <c>{PREFIX}-{yyyy}-{000000}</c>, e.g. <c>QS-2026-000123</c>: 2–8 upper-case
/// letters, a four-digit year, a six-digit sequence starting at 1. Persistence allocates the sequence.
/// </summary>
public readonly record struct CaseNumber
{
    public const int MaxSequence = 999_999;

    public string Value { get; }

    private CaseNumber(string value) => Value = value;

    public string Prefix => Value[..Value.IndexOf('-', StringComparison.Ordinal)];

    public int Year => int.Parse(Value.AsSpan(Value.Length - 11, 4), CultureInfo.InvariantCulture);

    public int Sequence => int.Parse(Value.AsSpan(Value.Length - 6), CultureInfo.InvariantCulture);

    public static CaseNumber Create(string prefix, int year, int sequence)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");
        return TryParse(value, out var number)
            ? number
            : throw new DomainRuleException(
                CaseErrorCodes.Number,
                $"A case number needs a 2–8 letter prefix, a year 2000–2999 and a sequence 1–{MaxSequence} (got '{value}').");
    }

    public static CaseNumber Parse(string? value) =>
        TryParse(value, out var number)
            ? number
            : throw new DomainRuleException(CaseErrorCodes.Number, $"{value} 不是案件编号（如 QS-2026-000123）/ '{value}' is not a case number like QS-2026-000123.");

    public static bool TryParse([NotNullWhen(true)] string? value, out CaseNumber number)
    {
        number = default;
        if (value is null)
        {
            return false;
        }

        var parts = value.Split('-');
        if (parts.Length != 3
            || parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetterUpper)
            || parts[1].Length != 4 || !parts[1].All(char.IsAsciiDigit) || parts[1][0] != '2'
            || parts[2].Length != 6 || !parts[2].All(char.IsAsciiDigit) || parts[2] == "000000")
        {
            return false;
        }

        number = new CaseNumber(value);
        return true;
    }

    public override string ToString() => Value;
}
