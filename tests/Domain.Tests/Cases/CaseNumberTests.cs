using GridCase.Domain.Cases;

namespace GridCase.Domain.Tests.Cases;

public sealed class CaseNumberTests
{
    [Test]
    public void A_number_is_formatted_from_prefix_year_and_sequence()
    {
        var number = CaseNumber.Create("QS", 2026, 123);

        Assert.That((number.Value, number.Prefix, number.Year, number.Sequence), Is.EqualTo(("QS-2026-000123", "QS", 2026, 123)));
    }

    [TestCase("QS-2026-000123")]
    [TestCase("CQ-2027-999999")]
    [TestCase("JCSZ-2026-000001")]
    public void Well_formed_numbers_parse(string value) =>
        Assert.That(CaseNumber.Parse(value).ToString(), Is.EqualTo(value));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("qs-2026-000123")]
    [TestCase("Q-2026-000123")]
    [TestCase("QS-26-000123")]
    [TestCase("QS-2026-123")]
    [TestCase("QS-2026-0000123")]
    [TestCase("QS-2026-000000")]
    [TestCase("QS-1999-000001")]
    [TestCase("QS_2026_000123")]
    [TestCase("QS-2026-000123-1")]
    [TestCase("QS-２０２６-000123")]
    public void Malformed_numbers_are_refused(string? value)
    {
        Assert.That(CaseNumber.TryParse(value, out _), Is.False);
        var ex = Assert.Throws<DomainRuleException>(() => CaseNumber.Parse(value));
        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.Number));
    }

    [TestCase("QS", 2026, 0)]
    [TestCase("QS", 2026, 1_000_000)]
    [TestCase("qs", 2026, 1)]
    public void Out_of_range_parts_are_refused(string prefix, int year, int sequence) =>
        Assert.That(() => CaseNumber.Create(prefix, year, sequence), Throws.TypeOf<DomainRuleException>());
}
