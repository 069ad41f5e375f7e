using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Catalogue;

public class MatterCatalogueTests
{
    private static readonly UnitCode County = UnitCode.Parse("140521");

    private static readonly OrgDirectory Organisation = Directory();

    private static OrgDirectory Directory()
    {
        var city = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        var county = OrgUnit.Area(County, "沁水县", city);
        var other = OrgUnit.Area(UnitCode.Parse("140502"), "城区", city);
        var township = OrgUnit.Area(UnitCode.Parse("140521100"), "龙港镇", county);
        var retired = OrgUnit.Department(UnitCode.Parse("140521LY"), "林业局", county);
        retired.Retire(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return new OrgDirectory(
        [
            city, county, other, township, retired,
            OrgUnit.Department(UnitCode.Parse("140521HB"), "生态环境局", county),
            OrgUnit.Department(UnitCode.Parse("140500SW"), "市水务局", city),
            OrgUnit.Department(UnitCode.Parse("140502GA"), "城区公安分局", other),
            OrgUnit.Department(UnitCode.Parse("140521100ZS"), "龙港镇站所", township),
        ]);
    }

    private static CatalogueItem Item(string code, int version, string category = "C1", string owner = "140521HB") => new(
        code,
        "事项" + code,
        category,
        UnitCode.Parse(owner),
        OrgLevel.Township,
        new Dictionary<Difficulty, int> { [Difficulty.Simple] = 4, [Difficulty.Ordinary] = 8, [Difficulty.Complex] = 24, [Difficulty.Major] = 72 },
        countsTowardClosureRate: true,
        version);

    private static MatterCatalogue FirstVersion()
    {
        var catalogue = new MatterCatalogue(County);
        catalogue.AdmitBatch([new CatalogueCategory("C1", "生态环境")], [Item("A1", 1), Item("A2", 1)]);
        return catalogue;
    }

    [Test]
    public void Check_names_every_problem_by_its_place_in_the_batch()
    {
        var catalogue = FirstVersion();

        var problems = catalogue.Check(
            [new CatalogueCategory("C2", "市容"), new CatalogueCategory("C1", "重复")],
            [Item("B1", 2, category: "C2"), Item("A1", 2), Item("B3", 2, category: "C9"), Item("B1", 2), Item("B5", 3)]);

        Assert.That(problems.Select(p => (p.Field, p.Code)), Is.EqualTo(new[]
        {
            ("categories[1].code", "catalogue.duplicate-category"),
            ("items[1].code", "catalogue.duplicate-item"),
            ("items[2].categoryCode", "catalogue.category"),
            ("items[3].code", "catalogue.duplicate-item"),
            ("items[4]", "catalogue.version"),
        }));
        Assert.That(catalogue.Version, Is.EqualTo(1), "checking admits nothing");
    }

    [TestCase("140521HB", true)]
    [TestCase("140500SW", true)]
    [TestCase("140502GA", false)]
    [TestCase("140521100ZS", false)]
    [TestCase("140521LY", false)]
    [TestCase("140521XX", false)]
    public void An_owning_department_must_be_one_of_the_county_or_its_city_in_service(string owner, bool accepted)
    {
        var problems = FirstVersion().Check([], [Item("B1", 2, owner: owner)], Organisation);

        Assert.That(problems.Any(p => p.Field == "items[0].owningDepartment"), Is.EqualTo(!accepted), string.Join("; ", problems));
    }

    [Test]
    public void An_empty_batch_is_a_problem_of_the_items()
    {
        Assert.That(FirstVersion().Check([new CatalogueCategory("C2", "市容")], []).Single().Field, Is.EqualTo("items"));
    }

    [Test]
    public void Admitting_a_batch_with_a_problem_refuses_it_whole()
    {
        var catalogue = FirstVersion();

        var refused = Assert.Throws<DomainRuleException>(() => catalogue.AdmitBatch([], [Item("B1", 2), Item("A2", 2)]));

        Assert.That(refused!.Code, Is.EqualTo("catalogue.duplicate-item"));
        Assert.That(catalogue.Version, Is.EqualTo(1));
        Assert.That(catalogue.Find("B1"), Is.Null);
    }

    [Test]
    public void Withdrawing_an_item_makes_the_next_version_and_keeps_the_item_flagged()
    {
        var catalogue = FirstVersion();

        var version = catalogue.Withdraw("A2");

        Assert.That(version, Is.EqualTo(2));
        Assert.That(catalogue.Version, Is.EqualTo(2));
        Assert.That(catalogue.Find("A2")!.IsWithdrawn, Is.True);
        Assert.That(catalogue.Find("A2")!.WithdrawnInVersion, Is.EqualTo(2));
        Assert.That(catalogue.Find("A1")!.IsWithdrawn, Is.False);
        Assert.That(catalogue.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2" }), "the item keeps its place");
    }

    [Test]
    public void A_withdrawn_item_cannot_be_withdrawn_again_nor_admitted_again()
    {
        var catalogue = FirstVersion();
        catalogue.Withdraw("A2");

        var again = Assert.Throws<InvalidTransitionException>(() => catalogue.Withdraw("A2"));
        var readmitted = catalogue.Check([], [Item("A2", 3)]);

        Assert.That(again!.Code, Is.EqualTo("catalogue.withdrawn"));
        Assert.That(readmitted.Single().Field, Is.EqualTo("items[0].code"));
        Assert.That(catalogue.Version, Is.EqualTo(2));
    }

    [Test]
    public void Withdrawing_an_unknown_item_is_refused() =>
        Assert.That(() => FirstVersion().Withdraw("ZZ"), Throws.TypeOf<DomainRuleException>().With.Property("Code").EqualTo("catalogue.unknown-item"));

    [Test]
    public void Withdrawing_does_not_change_the_item_other_catalogues_share()
    {
        var shared = Item("A1", 1);
        var first = MatterCatalogue.Restore(County, 1, [new CatalogueCategory("C1", "生态环境")], [shared]);
        var second = MatterCatalogue.Restore(County, 1, [new CatalogueCategory("C1", "生态环境")], [shared]);

        first.Withdraw("A1");

        Assert.That(second.Find("A1")!.IsWithdrawn, Is.False);
        Assert.That(shared.IsWithdrawn, Is.False);
    }

    [Test]
    public void An_item_cannot_be_withdrawn_in_the_version_that_added_it() =>
        Assert.That(() => new CatalogueItem("A1", "事项", "C1", UnitCode.Parse("140521HB"), OrgLevel.Township,
                new Dictionary<Difficulty, int> { [Difficulty.Simple] = 1, [Difficulty.Ordinary] = 1, [Difficulty.Complex] = 1, [Difficulty.Major] = 1 },
                true, addedInVersion: 2, withdrawnInVersion: 2),
            Throws.TypeOf<DomainRuleException>());

    [TestCase("alice", "bob", false)]
    [TestCase("alice", "alice", true)]
    [TestCase("alice", "ALICE", true)]
    public void A_batch_is_decided_by_someone_other_than_its_proposer(string proposer, string reviewer, bool refused)
    {
        var attempt = () => BatchReview.EnsureReviewer(proposer, reviewer);

        if (refused)
        {
            Assert.That(attempt, Throws.TypeOf<InvalidTransitionException>().With.Property("Code").EqualTo("four-eyes"));
        }
        else
        {
            Assert.That(attempt, Throws.Nothing);
        }
    }
}
