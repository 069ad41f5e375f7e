using GridCase.Domain.Calendar;

namespace GridCase.Domain.Tests.Calendar;

// Office hours 08:30–12:00 and 14:00–17:30 (7 h a day); all times below are China Standard Time.
public partial class WorkingCalendarTests
{
    // Spring Festival 2026: Sat 02-14 works, 02-15 … 02-23 off, Sat 02-28 works.
    [TestCase("2026-02-13T16:00+08:00", 4, "2026-02-14T11:00+08:00")]
    [TestCase("2026-02-14T16:00+08:00", 2, "2026-02-24T09:00+08:00")]
    [TestCase("2026-02-13T08:30+08:00", 21, "2026-02-24T17:30+08:00")]
    [TestCase("2026-02-17T10:00+08:00", 1, "2026-02-24T09:30+08:00")]
    [TestCase("2026-02-27T17:00+08:00", 1, "2026-02-28T09:00+08:00")]
    // National Day 2026: Sun 09-20 works, 09-25 … 09-27 and 10-01 … 10-07 off, Sat 10-10 works.
    [TestCase("2026-09-18T17:00+08:00", 1, "2026-09-20T09:00+08:00")]
    [TestCase("2026-09-24T17:00+08:00", 1, "2026-09-28T09:00+08:00")]
    [TestCase("2026-09-30T16:00+08:00", 3, "2026-10-08T10:00+08:00")]
    [TestCase("2026-10-03T09:00+08:00", 7, "2026-10-08T17:30+08:00")]
    [TestCase("2026-10-09T17:00+08:00", 1, "2026-10-10T09:00+08:00")]
    [TestCase("2026-09-30T08:30+08:00", 28, "2026-10-10T17:30+08:00")]
    // New Year across the years (2025 → 2026), Labour Day.
    [TestCase("2025-12-31T17:00+08:00", 1, "2026-01-04T09:00+08:00")]
    [TestCase("2026-04-30T17:00+08:00", 1, "2026-05-06T09:00+08:00")]
    [TestCase("2026-05-08T17:00+08:00", 1, "2026-05-09T09:00+08:00")]
    // Ordinary weeks.
    [TestCase("2026-03-06T16:00+08:00", 2, "2026-03-09T09:00+08:00")]
    [TestCase("2026-03-07T10:00+08:00", 1, "2026-03-09T09:30+08:00")]
    [TestCase("2026-03-10T11:00+08:00", 2, "2026-03-10T15:00+08:00")]
    [TestCase("2026-03-10T12:30+08:00", 1, "2026-03-10T15:00+08:00")]
    [TestCase("2026-03-10T20:00+08:00", 1, "2026-03-11T09:30+08:00")]
    [TestCase("2026-03-10T07:00+08:00", 1, "2026-03-10T09:30+08:00")]
    [TestCase("2026-03-10T08:30+08:00", 3.5, "2026-03-10T12:00+08:00")]
    [TestCase("2026-03-10T08:30+08:00", 7, "2026-03-10T17:30+08:00")]
    [TestCase("2026-03-10T08:30+08:00", 14, "2026-03-11T17:30+08:00")]
    [TestCase("2026-03-10T12:00+08:00", 0.25, "2026-03-10T14:15+08:00")]
    [TestCase("2026-03-10T00:30Z", 1, "2026-03-10T01:30Z")]
    // No 2027 schedule: the plain week.
    [TestCase("2027-01-01T17:00+08:00", 1, "2027-01-04T09:00+08:00")]
    public void Adding_working_hours_skips_nights_weekends_and_holidays(string start, double hours, string expected)
    {
        var due = _calendar.AddWorkingHours(At(start), TimeSpan.FromHours(hours));

        Assert.That(due, Is.EqualTo(At(expected)));
        Assert.That(_calendar.AddWorkingHours(At(start), hours), Is.EqualTo(due));
    }

    [TestCase("2026-03-10T09:15+08:00", "2026-03-10T09:15+08:00")]
    [TestCase("2026-03-10T12:00+08:00", "2026-03-10T14:00+08:00")]
    [TestCase("2026-03-10T17:30+08:00", "2026-03-11T08:30+08:00")]
    [TestCase("2026-02-13T20:00+08:00", "2026-02-14T08:30+08:00")]
    [TestCase("2026-09-30T18:00+08:00", "2026-10-08T08:30+08:00")]
    public void Adding_zero_hours_rolls_the_start_forward_to_the_next_working_moment(string start, string expected)
    {
        Assert.That(_calendar.AddWorkingHours(At(start), TimeSpan.Zero), Is.EqualTo(At(expected)));
        Assert.That(_calendar.NextWorkingMoment(At(start)), Is.EqualTo(At(expected)));
    }

    [Test]
    public void Results_are_at_offset_zero()
    {
        var due = _calendar.AddWorkingHours(At("2026-02-13T16:00+08:00"), 4);

        Assert.That(due.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(due, Is.EqualTo(At("2026-02-14T03:00Z")));
    }

    [Test]
    public void Custom_office_hours_are_used()
    {
        var calendar = new WorkingCalendar([HolidaySchedule.Load(2026)], new OfficeHours((new TimeOnly(9, 0), new TimeOnly(17, 0))));

        Assert.That(calendar.AddWorkingHours(At("2026-03-10T16:00+08:00"), 2), Is.EqualTo(At("2026-03-11T10:00+08:00")));
        Assert.That(calendar.AddWorkingHours(At("2026-03-10T12:30+08:00"), 1), Is.EqualTo(At("2026-03-10T13:30+08:00")));
    }

    [TestCase(-1)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_negative_or_undefined_amount_is_refused(double hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingHours(At("2026-03-10T09:00+08:00"), hours));
    }

    [Test]
    public void A_negative_time_span_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            _calendar.AddWorkingHours(At("2026-03-10T09:00+08:00"), TimeSpan.FromMinutes(-1)));
    }

    [Test]
    [MaxTime(2000)]
    public void Adding_two_thousand_hours_is_quick_and_agrees_with_counting_minute_by_minute()
    {
        var start = At("2025-06-03T10:17+08:00");

        var due = _calendar.AddWorkingHours(start, 2000);

        Assert.That(due, Is.EqualTo(MinuteByMinute.Add(_calendar, start, TimeSpan.FromHours(2000))));
        Assert.That(_calendar.WorkingTimeBetween(start, due), Is.EqualTo(TimeSpan.FromHours(2000)));
    }
}
