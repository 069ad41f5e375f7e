using System.Globalization;
using GridCase.Domain.Calendar;

namespace GridCase.Domain.Tests.Calendar;

public class OfficeHoursTests
{
    [Test]
    public void Default_office_hours_are_0830_to_1200_and_1400_to_1730()
    {
        var hours = OfficeHours.Default;

        Assert.That(hours.Periods, Is.EqualTo(new[]
        {
            (new TimeOnly(8, 30), new TimeOnly(12, 0)),
            (new TimeOnly(14, 0), new TimeOnly(17, 30)),
        }));
        Assert.That(hours.DailyWorkingTime, Is.EqualTo(TimeSpan.FromHours(7)));
    }

    [Test]
    public void Touching_periods_are_accepted_and_summed()
    {
        var hours = new OfficeHours((new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(12, 0), new TimeOnly(13, 0)));

        Assert.That(hours.DailyWorkingTime, Is.EqualTo(TimeSpan.FromHours(5)));
    }

    [TestCase("09:00", "09:00")]
    [TestCase("17:00", "09:00")]
    public void A_period_must_start_before_it_ends(string start, string end)
    {
        var error = Assert.Throws<DomainRuleException>(() => _ = new OfficeHours((Time(start), Time(end))));

        Assert.That(error.Code, Is.EqualTo("calendar.office-hours"));
    }

    [TestCase("08:30", "12:00", "11:00", "17:30")]
    [TestCase("14:00", "17:30", "08:30", "12:00")]
    [TestCase("08:30", "12:00", "08:30", "12:00")]
    public void Periods_must_be_in_order_and_must_not_overlap(string start1, string end1, string start2, string end2)
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            _ = new OfficeHours((Time(start1), Time(end1)), (Time(start2), Time(end2))));

        Assert.That(error.Code, Is.EqualTo("calendar.office-hours"));
    }

    [Test]
    public void Office_hours_without_a_period_are_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() => _ = new OfficeHours());

        Assert.That(error.Code, Is.EqualTo("calendar.office-hours"));
    }

    private static TimeOnly Time(string value) => TimeOnly.Parse(value, CultureInfo.InvariantCulture);
}
