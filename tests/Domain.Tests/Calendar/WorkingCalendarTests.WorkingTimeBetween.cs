namespace GridCase.Domain.Tests.Calendar;

public partial class WorkingCalendarTests
{
    [TestCase("2026-03-10T08:30+08:00", "2026-03-10T17:30+08:00", 7)]
    [TestCase("2026-03-10T11:00+08:00", "2026-03-10T15:00+08:00", 2)]
    [TestCase("2026-03-10T12:10+08:00", "2026-03-10T13:50+08:00", 0)]
    [TestCase("2026-03-06T16:00+08:00", "2026-03-09T09:00+08:00", 2)]
    [TestCase("2026-02-13T16:00+08:00", "2026-02-14T11:00+08:00", 4)]
    [TestCase("2026-02-14T00:00+08:00", "2026-02-25T00:00+08:00", 14)]
    [TestCase("2026-09-30T00:00+08:00", "2026-10-11T00:00+08:00", 28)]
    [TestCase("2026-10-01T00:00+08:00", "2026-10-08T00:00+08:00", 0)]
    [TestCase("2026-03-10T00:30Z", "2026-03-10T01:30Z", 1)]
    public void Working_time_between_two_instants_counts_only_office_hours_on_working_days(string from, string to, double hours)
    {
        Assert.That(_calendar.WorkingTimeBetween(At(from), At(to)), Is.EqualTo(TimeSpan.FromHours(hours)));
    }

    [TestCase("2026-03-10T10:00+08:00", "2026-03-10T10:00+08:00")]
    [TestCase("2026-03-10T11:00+08:00", "2026-03-10T10:00+08:00")]
    public void Working_time_between_is_zero_when_the_end_is_not_after_the_start(string from, string to)
    {
        Assert.That(_calendar.WorkingTimeBetween(At(from), At(to)), Is.EqualTo(TimeSpan.Zero));
    }

    // Every 37 minutes from just before the Spring Festival and just before National Day, including nights,
    // lunch breaks, weekends, make-up days and holidays.
    private static IEnumerable<DateTimeOffset> StartTimes() =>
        new[] { "2026-02-11T00:00+08:00", "2026-09-17T00:00+08:00", "2025-12-29T00:00+08:00" }
            .SelectMany(first => Enumerable.Range(0, 24 * 60 * 20 / 37).Select(i => At(first).AddMinutes(37 * i)));

    private static readonly double[] Amounts = [0, 0.25, 1, 3.5, 4, 7, 7.5, 15, 40];

    [Test]
    public void Working_time_between_a_start_and_the_sum_is_the_amount_added()
    {
        var failures =
            from start in StartTimes()
            from hours in Amounts
            let due = _calendar.AddWorkingHours(start, hours)
            where _calendar.WorkingTimeBetween(start, due) != TimeSpan.FromHours(hours) || due < start
            select $"{start:O} + {hours} h = {due:O}";

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Adding_in_two_steps_equals_adding_at_once()
    {
        var failures =
            from start in StartTimes().Where((_, i) => i % 5 == 0)
            from first in Amounts
            from second in Amounts.Where(h => h > 0)
            let once = _calendar.AddWorkingHours(start, first + second)
            let twice = _calendar.AddWorkingHours(_calendar.AddWorkingHours(start, first), second)
            where once != twice
            select $"{start:O} + {first} h + {second} h: {twice:O}, at once {once:O}";

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Adding_agrees_with_counting_minute_by_minute()
    {
        var failures =
            from start in StartTimes().Where((_, i) => i % 19 == 0)
            from hours in Amounts.Where(h => h > 0)
            let due = _calendar.AddWorkingHours(start, hours)
            let expected = MinuteByMinute.Add(_calendar, start, TimeSpan.FromHours(hours))
            where due != expected
            select $"{start:O} + {hours} h = {due:O}, expected {expected:O}";

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Working_time_between_agrees_with_counting_minute_by_minute()
    {
        var random = new Random(20260214);
        var failures =
            from start in StartTimes().Where((_, i) => i % 17 == 0)
            let end = start.AddMinutes(random.Next(0, 60 * 24 * 10))
            let actual = _calendar.WorkingTimeBetween(start, end)
            let expected = MinuteByMinute.Between(_calendar, start, end)
            where actual != expected
            select $"{start:O} → {end:O}: {actual}, expected {expected}";

        Assert.That(failures, Is.Empty);
    }
}
