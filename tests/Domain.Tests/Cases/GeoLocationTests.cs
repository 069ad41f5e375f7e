using GridCase.Domain.Cases;

namespace GridCase.Domain.Tests.Cases;

public sealed class GeoLocationTests
{
    [TestCase(-90, -180)]
    [TestCase(90, 180)]
    [TestCase(35.69, 112.19)]
    public void Coordinates_on_and_inside_the_bounds_are_accepted(double latitude, double longitude) =>
        Assert.That(new GeoLocation(latitude, longitude, "").Latitude, Is.EqualTo(latitude));

    [TestCase(-90.0001, 0)]
    [TestCase(90.0001, 0)]
    [TestCase(0, -180.0001)]
    [TestCase(0, 180.0001)]
    [TestCase(double.NaN, 0)]
    [TestCase(0, double.PositiveInfinity)]
    public void Coordinates_outside_the_bounds_are_refused(double latitude, double longitude)
    {
        var ex = Assert.Throws<DomainRuleException>(() => _ = new GeoLocation(latitude, longitude, "x"));
        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.Location));
    }

    [Test]
    public void An_address_is_trimmed_and_at_most_200_characters()
    {
        Assert.That(new GeoLocation(0, 0, "  " + new string('址', 200) + " ").Address, Has.Length.EqualTo(200));
        Assert.That(() => new GeoLocation(0, 0, new string('址', 201)), Throws.TypeOf<DomainRuleException>());
    }

    [Test]
    public void Locations_compare_by_value()
    {
        var first = new GeoLocation(35.69, 112.19, "东关村");
        var second = new GeoLocation(35.69, 112.19, " 东关村 ");

        Assert.That(first, Is.EqualTo(second));
    }
}
