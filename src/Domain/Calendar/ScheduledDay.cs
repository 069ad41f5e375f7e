namespace GridCase.Domain.Calendar;

/// <summary>A date named in a holiday schedule, e.g. <c>2026-02-17 春节</c> or <c>2026-02-14 春节调休上班</c>.</summary>
public readonly record struct ScheduledDay(DateOnly Date, string Name);
