using System.Globalization;
using GridCase.Domain.Calendar;

namespace GridCase.Domain.Tests.Calendar;

public class HolidayScheduleTests
{
    // 国办发明电〔2025〕7号, day by day.
    private static readonly string[] DaysOff2026 =
    [
        "2026-01-01", "2026-01-02", "2026-01-03",
        "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
        "2026-04-04", "2026-04-05", "2026-04-06",
        "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
        "2026-06-19", "2026-06-20", "2026-06-21",
        "2026-09-25", "2026-09-26", "2026-09-27",
        "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
    ];

    private static readonly string[] MakeUpWorkdays2026 =
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

    // 国办发明电〔2024〕12号.
    private static readonly string[] DaysOff2025 =
    [
        "2025-01-01",
        "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04",
        "2025-04-04", "2025-04-05", "2025-04-06",
        "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
        "2025-05-31", "2025-06-01", "2025-06-02",
        "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
    ];

    private static readonly string[] MakeUpWorkdays2025 = ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"];

    [Test]
    public void The_shipped_years_are_2025_and_2026()
    {
        Assert.That(HolidaySchedule.AvailableYears, Is.EqualTo(new[] { 2025, 2026 }));
    }

    [Test]
    public void The_2026_file_lists_every_day_off_of_the_official_notice()
    {
        var schedule = HolidaySchedule.Load(2026);

        Assert.That(schedule.Holidays.Select(d => d.Date), Is.EqualTo(Dates(DaysOff2026)));
        Assert.That(schedule.MakeUpWorkdays.Select(d => d.Date), Is.EqualTo(Dates(MakeUpWorkdays2026)));
        Assert.That(schedule.Source, Does.Contain("国办发明电〔2025〕7号"));
    }

    [Test]
    public void The_2025_file_lists_every_day_off_of_the_official_notice()
    {
        var schedule = HolidaySchedule.Load(2025);

        Assert.That(schedule.Holidays.Select(d => d.Date), Is.EqualTo(Dates(DaysOff2025)));
        Assert.That(schedule.MakeUpWorkdays.Select(d => d.Date), Is.EqualTo(Dates(MakeUpWorkdays2025)));
        Assert.That(schedule.Source, Does.Contain("国办发明电〔2024〕12号"));
    }

    [TestCase("2026-02-17", "春节")]
    [TestCase("2026-10-03", "国庆节")]
    [TestCase("2025-10-06", "国庆节、中秋节")]
    public void Each_day_off_carries_the_name_of_its_holiday(string date, string name)
    {
        var day = Date(date);

        var schedule = HolidaySchedule.Load(day.Year);

        Assert.That(schedule.Holidays.Single(d => d.Date == day).Name, Is.EqualTo(name));
    }

    [Test]
    public void A_year_without_a_file_is_not_found()
    {
        Assert.That(HolidaySchedule.TryLoad(1999, out var schedule), Is.False);
        Assert.That(schedule, Is.Null);
        Assert.Throws<KeyNotFoundException>(() => HolidaySchedule.Load(1999));
    }

    [TestCase("2026-01-01", "2025-12-31", Description = "a holiday outside the year")]
    [TestCase("2026-10-01", "2026-10-01", Description = "a date that is both a holiday and a make-up workday")]
    [TestCase("2026-10-01", "2026-10-09", Description = "a make-up workday on a Friday")]
    public void A_schedule_with_a_contradictory_date_is_refused(string holiday, string makeUpWorkday)
    {
        var json = Document(2026, $$"""[{ "date": "{{holiday}}", "name": "假日" }]""", $$"""[{ "date": "{{makeUpWorkday}}", "name": "上班" }]""");

        var error = Assert.Throws<DomainRuleException>(() => HolidaySchedule.FromJson(json));

        Assert.That(error.Code, Is.EqualTo("calendar.schedule"));
    }

    [TestCase("""[{ "date": "2026-10-01", "name": "国庆节" }, { "date": "2026-10-01", "name": "国庆节" }]""", Description = "a date twice")]
    [TestCase("""[{ "date": "2026-10-01", "name": " " }]""", Description = "a blank name")]
    [TestCase("""[{ "date": "2026-10-01" }]""", Description = "a missing name")]
    [TestCase("""[{ "date": "2026-13-01", "name": "国庆节" }]""", Description = "an impossible date")]
    [TestCase("""[{ "date": "2026-10-01", "name": "国庆节", "off": true }]""", Description = "an unknown field")]
    [TestCase("""{""", Description = "malformed JSON")]
    public void A_malformed_holiday_list_is_refused(string holidays)
    {
        var error = Assert.Throws<DomainRuleException>(() => HolidaySchedule.FromJson(Document(2026, holidays, "[]")));

        Assert.That(error.Code, Is.EqualTo("calendar.schedule"));
    }

    [Test]
    public void A_schedule_without_a_source_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => _ = new HolidaySchedule(2026, " ", [], []));

        Assert.That(error.Code, Is.EqualTo("calendar.schedule"));
    }

    [Test]
    public void Days_are_kept_in_date_order()
    {
        var schedule = new HolidaySchedule(2026, "test", [new(Date("2026-10-02"), "国庆节"), new(Date("2026-10-01"), "国庆节")], []);

        Assert.That(schedule.Holidays.Select(d => d.Date), Is.EqualTo(Dates(["2026-10-01", "2026-10-02"])));
    }

    [Test]
    public void A_schedule_written_as_a_document_reads_back_the_same()
    {
        var shipped = HolidaySchedule.Load(2026);

        var json = shipped.ToJson();
        var read = HolidaySchedule.FromJson(json);

        Assert.That(read.Year, Is.EqualTo(2026));
        Assert.That(read.Source, Is.EqualTo(shipped.Source));
        Assert.That(read.Holidays, Is.EqualTo(shipped.Holidays));
        Assert.That(read.MakeUpWorkdays, Is.EqualTo(shipped.MakeUpWorkdays));
        Assert.That(json, Does.Contain("\"春节\"").And.Contain("\"makeUpWorkdays\""), "names stay readable, fields as in the shipped files");
    }

    private static string Document(int year, string holidays, string makeUpWorkdays) =>
        $$"""{ "year": {{year}}, "source": "test", "holidays": {{holidays}}, "makeUpWorkdays": {{makeUpWorkdays}} }""";

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly[] Dates(string[] values) => [.. values.Select(Date)];
}
