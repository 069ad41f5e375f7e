using System.Text.Json;
using System.Xml;
using GridCase.Domain.Calendar;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities.Timing;

/// <summary>An amount of time: calendar time (an ISO-8601 duration) or working hours on the working calendar.</summary>
public abstract record TimeAmount
{
    /// <summary>Ten thousand working hours is more than five years: anything longer is a typing mistake.</summary>
    public const double MaxWorkingHours = 10_000;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    /// <summary>The instant <paramref name="fraction"/> of this amount after <paramref name="start"/>, at offset zero.</summary>
    public abstract DateTimeOffset After(DateTimeOffset start, WorkingCalendar calendar, double fraction = 1.0);

    /// <summary>Reads an ISO-8601 duration (<c>PT5S</c>, <c>P1DT2H</c>); years and months are refused as ambiguous.</summary>
    public static CalendarTime? ReadDuration(PropsReader props, JsonElement value, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        var datePart = text?.Split('T')[0] ?? "";
        TimeSpan duration = default;
        if (text is null || !text.StartsWith('P') || datePart.Contains('Y') || datePart.Contains('M') || !TryParse(text, out duration))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须为以天、小时、分钟或秒计的 ISO-8601 时长，如 PT5S、PT4H 或 P1DT12H / {path} must be an ISO-8601 duration in days, hours, minutes or seconds, e.g. PT5S, PT4H or P1DT12H.");
            return null;
        }

        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须大于零且不超过 {MaxDuration.TotalDays:0} 天 / {path} must be longer than zero and at most {MaxDuration.TotalDays:0} days.");
            return null;
        }

        return new CalendarTime(duration);
    }

    public static WorkingTime? ReadWorkingHours(PropsReader props, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() is not (> 0 and <= MaxWorkingHours))
        {
            props.Problem(ProblemCodes.InvalidProperty, $"{path} 须为工作时数，大于零且不超过 {MaxWorkingHours:0} / {path} must be a number of hours above zero and at most {MaxWorkingHours:0}.");
            return null;
        }

        return new WorkingTime(value.GetDouble());
    }

    private static bool TryParse(string text, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            duration = default;
            return false;
        }
        catch (OverflowException)
        {
            duration = default;
            return false;
        }
    }
}

/// <summary>Calendar time: nights, weekends and holidays count.</summary>
public sealed record CalendarTime(TimeSpan Duration) : TimeAmount
{
    public override DateTimeOffset After(DateTimeOffset start, WorkingCalendar calendar, double fraction = 1.0) =>
        (start + Duration * fraction).ToOffset(TimeSpan.Zero);

    public override string ToString() => XmlConvert.ToString(Duration);
}

/// <summary>Working hours on the working calendar (office hours of working days).</summary>
public sealed record WorkingTime(double Hours) : TimeAmount
{
    public override DateTimeOffset After(DateTimeOffset start, WorkingCalendar calendar, double fraction = 1.0) =>
        calendar.AddWorkingHours(start, Hours * fraction);

    public override string ToString() => $"{Hours} working hours";
}
