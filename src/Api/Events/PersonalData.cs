using GridCase.Domain.Cases;

namespace GridCase.Api.Events;

public sealed record ReporterResponse(string? Name, string? Phone, bool Masked);

/// <summary>
/// The reporter's name and phone are shown in full only to the unit currently responsible for the case and to a unit
/// whose queue holds the case's triage or return visit (the calls back); everyone else sees them masked (张*, 138****5678).
/// </summary>
public static class PersonalData
{
    /// <summary>The forms of the tasks whose unit calls the reporter back: triage (研判核实) and the return visit (回访).</summary>
    public static readonly IReadOnlySet<string> CallBackForms = new HashSet<string>(StringComparer.Ordinal) { "triage", "evaluation" };

    public static ReporterResponse? Show(ReporterContact? reporter, bool maySee) => reporter switch
    {
        null => null,
        _ when maySee => new ReporterResponse(reporter.Name, reporter.Phone, Masked: false),
        _ => new ReporterResponse(MaskName(reporter.Name), MaskPhone(reporter.Phone), Masked: true),
    };

    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        return phone.Length <= 7
            ? new string('*', phone.Length)
            : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    public static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? name : name[..1] + new string('*', Math.Max(1, name.Length - 1));
}
