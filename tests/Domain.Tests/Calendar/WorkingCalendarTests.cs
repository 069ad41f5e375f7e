using System.Globalization;
using GridCase.Domain.Calendar;

namespace GridCase.Domain.Tests.Calendar;

/// <summary>Working days; the arithmetic is in the other parts of this class.</summary>
public partial class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = new([HolidaySchedule.Load(2025), HolidaySchedule.Load(2026)], OfficeHours.Default);

    [TestCase("2026-02-13", true, Description = "Friday before the Spring Festival")]
    [TestCase("2026-02-14", true, Description = "make-up Saturday")]
    [TestCase("2026-02-15", false, Description = "Spring Festival, first day")]
    [TestCase("2026-02-18", false, Description = "Spring Festival, a Wednesday")]
    [TestCase("2026-02-23", false, Description = "Spring Festival, last day, a Monday")]
    [TestCase("2026-02-24", true, Description = "back to work")]
    [TestCase("2026-02-28", true, Description = "make-up Saturday")]
    [TestCase("2026-01-04", true, Description = "make-up Sunday after New Year")]
    [TestCase("2026-09-19", false, Description = "ordinary Saturday")]
    [TestCase("2026-09-20", true, Description = "make-up Sunday before National Day")]
    [TestCase("2026-09-25", false, Description = "Mid-Autumn, a Friday")]
    [TestCase("2026-10-03", false, Description = "National Day")]
    [TestCase("2026-10-07", false, Description = "National Day, last day, a Wednesday")]
    [TestCase("2026-10-08", true, Description = "back to work")]
    [TestCase("2026-10-10", true, Description = "make-up Saturday")]
    [TestCase("2026-10-11", false, Description = "ordinary Sunday")]
    [TestCase("2026-03-07", false, Description = "ordinary Saturday")]
    [TestCase("2026-03-09", true, Description = "ordinary Monday")]
    [TestCase("2025-10-08", false, Description = "National Day and Mid-Autumn 2025, eighth day")]
    [TestCase("2025-10-11", true, Description = "make-up Saturday 2025")]
    [TestCase("2027-01-01", true, Description = "no 2027 schedule: a plain Friday")]
    [TestCase("2027-01-02", false, Description = "no 2027 schedule: a plain Saturday")]
    public void A_day_is_a_working_day_by_the_week_unless_the_schedule_says_otherwise(string date, bool working)
    {
        Assert.That(_calendar.IsWorkingDay(Date(date)), Is.EqualTo(working));
    }

    [Test]
    public void Every_day_off_in_the_2026_file_is_not_a_working_day_and_every_make_up_day_is()
    {
        var schedule = HolidaySchedule.Load(2026);

        Assert.That(schedule.Holidays.Where(d => _calendar.IsWorkingDay(d.Date)), Is.Empty);
        Assert.That(schedule.MakeUpWorkdays.Where(d => !_calendar.IsWorkingDay(d.Date)), Is.Empty);
    }

    [Test]
    public void The_calendar_knows_which_years_it_has_a_schedule_for()
    {
        Assert.That(_calendar.ScheduledYears, Is.EqualTo(new[] { 2025, 2026 }));
        Assert.That(_calendar.HasScheduleFor(2026), Is.True);
        Assert.That(_calendar.HasScheduleFor(2027), Is.False);
        Assert.That(_calendar.ScheduleFor(2026)!.Year, Is.EqualTo(2026));
        Assert.That(_calendar.ScheduleFor(2027), Is.Null);
    }

    [Test]
    public void The_default_calendar_has_every_shipped_schedule_and_the_default_office_hours()
    {
        var calendar = WorkingCalendar.CreateDefault();

        Assert.That(calendar.ScheduledYears, Is.EqualTo(HolidaySchedule.AvailableYears));
        Assert.That(calendar.OfficeHours, Is.SameAs(OfficeHours.Default));
    }

    [Test]
    public void Two_schedules_for_one_year_are_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            _ = new WorkingCalendar([HolidaySchedule.Load(2026), HolidaySchedule.Load(2026)], OfficeHours.Default));

        Assert.That(error.Code, Is.EqualTo("calendar.schedule"));
    }

    [Test]
    public void Without_any_schedule_every_weekday_is_a_working_day()
    {
        var calendar = new WorkingCalendar([], OfficeHours.Default);

        Assert.That(calendar.IsWorkingDay(Date("2026-10-01")), Is.True);
        Assert.That(calendar.IsWorkingDay(Date("2026-10-10")), Is.False);
    }

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
