using GridCase.Domain.Organisation;

namespace GridCase.Api.Events;

/// <summary>
/// The letters a county's case numbers start with (QS-2026-000123 for 沁水县), from
/// <c>GridCase:CaseNumberPrefixes:&lt;county code&gt;</c>; the demo counties have theirs built in.
/// </summary>
public sealed class CaseNumberPrefixes(IConfiguration configuration)
{
    private static readonly Dictionary<string, string> Demo = new(StringComparer.Ordinal)
    {
        ["140502"] = "CQ",
        ["140521"] = "QS",
    };

    public const string Fallback = "GC";

    public string For(UnitCode county) =>
        configuration[$"GridCase:CaseNumberPrefixes:{county.Value}"] is { Length: >= 2 } configured
            ? configured.ToUpperInvariant()
            : Demo.GetValueOrDefault(county.Value, Fallback);
}
