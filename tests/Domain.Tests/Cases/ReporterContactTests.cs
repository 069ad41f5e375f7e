using GridCase.Domain.Cases;

namespace GridCase.Domain.Tests.Cases;

public sealed class ReporterContactTests
{
    [TestCase("张三", null)]
    [TestCase(null, "13800001234")]
    [TestCase(" 张三 ", "+86 138-0000-1234")]
    public void A_name_or_a_phone_is_enough(string? name, string? phone) =>
        Assert.That(() => new ReporterContact(name, phone), Throws.Nothing);

    [TestCase(null, null)]
    [TestCase(" ", "")]
    [TestCase(null, "138x0001234")]
    [TestCase(null, "123456789012345678901")]
    public void A_contact_without_usable_data_is_refused(string? name, string? phone)
    {
        var ex = Assert.Throws<DomainRuleException>(() => _ = new ReporterContact(name, phone));
        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.Reporter));
    }

    [Test]
    public void Blank_parts_are_stored_as_missing() =>
        Assert.That(new ReporterContact(" 张三 ", "  ").Phone, Is.Null);
}
