using System.Text.RegularExpressions;

namespace GridCase.Web.Tests.Support;

/// <summary>
/// The English words a Chinese page must never show: the outcome, journal kind and field names of the shipped workflows,
/// and English sentences the server or console used to let through. The one list the Chinese-page tests read.
/// </summary>
public static class EnglishUiWords
{
    public static readonly IReadOnlyList<string> Words =
    [
        // outcomes of the shipped workflows (v1, v2)
        "confirmed", "rework", "evaluated", "skipped", "filed", "returned", "resolved", "invalid", "approved", "refused",
        "assisted", "escalate", "extension", "parked", "passed", "failed", "reopen", "tracked", "takeover",
        // journal kinds
        "Reported", "TaskCompleted", "TaskClaimed", "TaskOpened", "TaskReleased", "NodeEntered", "NodeExited", "VariableSet",
        "Routed", "Escalated", "EscalationBlocked", "DeadlineWarning", "DeadlineOverdue", "SupervisionFlagged", "Urged", "Migrated",
        "TimerScheduled", "TimerFired",
        // form fields
        "difficulty", "scope", "resolution", "satisfaction", "opinion", "explanation", "redispatchReason", "assistingDepartments",
        // English sentences
        "Nothing changed", "is required", "cannot be reached", "leads nowhere", "must be", "was not found",
    ];

    /// <summary>
    /// The listed words in <paramref name="text"/>, each with a little of the text around it. An id in parentheses after a
    /// name, as the designer shows a node ("挂账（暂缓处置） (parked)"), is a code beside the Chinese, not a word of the page.
    /// </summary>
    public static IReadOnlyList<string> FoundIn(string text)
    {
        var words = IdInParentheses.Replace(text, "");
        return Pattern.Matches(words)
            .Select(m => $"'{m.Value}' in «{words.Substring(Math.Max(0, m.Index - 30), Math.Min(words.Length, m.Index + m.Length + 30) - Math.Max(0, m.Index - 30)).ReplaceLineEndings(" ")}»")
            .ToList();
    }

    private static readonly Regex IdInParentheses = new(@"\([A-Za-z][A-Za-z0-9_-]*\)", RegexOptions.CultureInvariant);

    // Declared after Words, which it is built from.
    private static readonly Regex Pattern = new(
        $@"(?<![A-Za-z_-])({string.Join('|', Words.Select(Regex.Escape))})(?![A-Za-z_-])", RegexOptions.CultureInvariant);
}
