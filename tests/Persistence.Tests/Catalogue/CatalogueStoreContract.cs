using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Tests.Support;

namespace GridCase.Persistence.Tests.Catalogue;

public abstract class CatalogueStoreContract(DatabaseProvider provider) : ProviderFixture(provider)
{
    internal static CatalogueItem Item(string code, int version, bool counts = true, string category = "C1") => new(
        code,
        "事项" + code,
        category,
        UnitCode.Parse("140502HB"),
        OrgLevel.Township,
        new Dictionary<Difficulty, int> { [Difficulty.Simple] = 4, [Difficulty.Ordinary] = 8, [Difficulty.Complex] = 24, [Difficulty.Major] = 72 },
        counts,
        version);

    [Test]
    public async Task A_catalogue_reads_back_in_order_with_its_version()
    {
        var catalogue = new MatterCatalogue(UnitCode.Parse("140502"));
        catalogue.AdmitBatch([new CatalogueCategory("C1", "生态环境")], [Item("A1", 1), Item("A2", 1, counts: false)]);
        catalogue.AdmitBatch([], [Item("A3", 2)]);
        await using (var db = Database.NewContext())
        {
            await new CatalogueStore(db).SaveAsync(catalogue);
        }

        await using var read = Database.NewContext();
        var loaded = await new CatalogueStore(read).LoadAsync(UnitCode.Parse("140502"));

        Assert.That(loaded, Is.Not.Null);
        Assert.That(loaded!.Version, Is.EqualTo(2));
        Assert.That(loaded.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2", "A3" }));
        Assert.That(loaded.Find("A2")!.CountsTowardClosureRate, Is.False);
        Assert.That(loaded.Find("A3")!.AddedInVersion, Is.EqualTo(2));
        Assert.That(loaded.Find("A1")!.TimeLimitFor(Difficulty.Major), Is.EqualTo(72));
    }

    [Test]
    public async Task Saving_an_older_version_over_a_newer_one_is_refused()
    {
        var newer = new MatterCatalogue(UnitCode.Parse("140521"));
        newer.AdmitBatch([new CatalogueCategory("C1", "综治")], [Item("B1", 1)]);
        newer.AdmitBatch([], [Item("B2", 2)]);
        var older = new MatterCatalogue(UnitCode.Parse("140521"));
        older.AdmitBatch([new CatalogueCategory("C1", "综治")], [Item("B1", 1)]);
        await using var db = Database.NewContext();
        await new CatalogueStore(db).SaveAsync(newer);

        Assert.ThrowsAsync<CatalogueVersionConflictException>(() => new CatalogueStore(db).SaveAsync(older));
    }

    [Test]
    public async Task A_withdrawal_is_stored_as_a_new_version_and_reads_back_flagged()
    {
        var county = UnitCode.Parse("140522");
        var catalogue = new MatterCatalogue(county);
        catalogue.AdmitBatch([new CatalogueCategory("C1", "综治")], [Item("W1", 1), Item("W2", 1)]);
        await using (var db = Database.NewContext())
        {
            await new CatalogueStore(db).SaveAsync(catalogue);
        }

        catalogue.Withdraw("W1");
        await using (var db = Database.NewContext())
        {
            await new CatalogueStore(db).SaveAsync(catalogue);
        }

        await using var read = Database.NewContext();
        var loaded = await new CatalogueStore(read).LoadAsync(county);
        Assert.That(loaded!.Version, Is.EqualTo(2));
        Assert.That(loaded.Find("W1")!.WithdrawnInVersion, Is.EqualTo(2));
        Assert.That(loaded.Find("W2")!.IsWithdrawn, Is.False);
        Assert.That(loaded.Items.Select(i => i.Code), Is.EqualTo(new[] { "W1", "W2" }));
    }

    [Test]
    public async Task Of_two_withdrawals_saved_at_the_same_version_the_second_is_refused()
    {
        var county = UnitCode.Parse("140523");
        var first = new MatterCatalogue(county);
        first.AdmitBatch([new CatalogueCategory("C1", "综治")], [Item("X1", 1), Item("X2", 1)]);
        await using (var db = Database.NewContext())
        {
            await new CatalogueStore(db).SaveAsync(first);
        }

        await using var mine = Database.NewContext();
        await using var theirs = Database.NewContext();
        var myCatalogue = (await new CatalogueStore(mine).LoadAsync(county))!;
        var theirCatalogue = (await new CatalogueStore(theirs).LoadAsync(county))!;
        myCatalogue.Withdraw("X1");
        theirCatalogue.Withdraw("X2");

        await new CatalogueStore(mine).SaveAsync(myCatalogue);

        Assert.That(async () => await new CatalogueStore(theirs).SaveAsync(theirCatalogue), Throws.InstanceOf<CatalogueVersionConflictException>());
        await using var read = Database.NewContext();
        var stored = (await new CatalogueStore(read).LoadAsync(county))!;
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(stored.Items.Where(i => i.IsWithdrawn).Select(i => i.Code), Is.EqualTo(new[] { "X1" }));
    }

    [Test]
    public async Task An_unknown_county_has_no_catalogue()
    {
        await using var db = Database.NewContext();

        Assert.That(await new CatalogueStore(db).LoadAsync(UnitCode.Parse("140581")), Is.Null);
    }
}

[TestFixture]
public sealed class SqliteCatalogueStoreTests() : CatalogueStoreContract(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresCatalogueStoreTests() : CatalogueStoreContract(DatabaseProvider.Postgres);
