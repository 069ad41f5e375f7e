using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GridCase.Persistence.Tests.Catalogue.CatalogueStoreContract;

namespace GridCase.Persistence.Tests.Catalogue;

/// <summary>
/// Catalogue stores sharing one <see cref="CatalogueVersions"/> (as the stores of one host do): a version's content
/// is read once and kept, a newly saved version is read fresh, and a catalogue handed out by a load is the caller's
/// own (admitting a batch to it changes nothing that is kept).
/// </summary>
[TestFixture]
public sealed class CatalogueVersionsTests() : ProviderFixture(DatabaseProvider.Sqlite)
{
    private readonly CatalogueVersions _versions = new();

    [Test]
    public async Task Two_loads_at_the_same_version_give_equal_content_in_separate_catalogues()
    {
        var county = UnitCode.Parse("140522");
        await SaveAsync(FirstVersion(county));

        var first = await LoadAsync(county);
        var second = await LoadAsync(county);

        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(Describe(second!), Is.EqualTo(Describe(first!)));
        Assert.That(second!.Version, Is.EqualTo(1));
        Assert.That(second.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2" }));
    }

    [Test]
    public async Task A_kept_version_is_not_read_again()
    {
        var county = UnitCode.Parse("140523");
        await SaveAsync(FirstVersion(county));
        await LoadAsync(county);
        await using (var db = Database.NewContext())
        {
            // Not a way to change a catalogue (saving adds a version): it only shows where the second load reads from.
            db.CatalogueItems.Add(CatalogueItemRow.From(county, Item("SNEAK", 1), 9));
            await db.SaveChangesAsync();
        }

        var kept = await LoadAsync(county);
        await using var read = Database.NewContext();
        var fresh = await new CatalogueStore(read).LoadAsync(county);

        Assert.That(kept!.Find("SNEAK"), Is.Null);
        Assert.That(fresh!.Find("SNEAK"), Is.Not.Null);
    }

    [Test]
    public async Task After_a_new_batch_is_saved_a_store_sharing_the_versions_loads_the_new_version_with_its_items()
    {
        var county = UnitCode.Parse("140524");
        await SaveAsync(FirstVersion(county));
        var loaded = await LoadAsync(county);

        loaded!.AdmitBatch([new CatalogueCategory("C2", "市容")], [Item("B1", 2, category: "C2"), Item("B2", 2)]);
        await SaveAsync(loaded);
        var reloaded = await LoadAsync(county);

        Assert.That(reloaded!.Version, Is.EqualTo(2));
        Assert.That(reloaded.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2", "B1", "B2" }));
        Assert.That(reloaded.Categories.Select(c => c.Code), Is.EqualTo(new[] { "C1", "C2" }));
        Assert.That(reloaded.Find("B1")!.AddedInVersion, Is.EqualTo(2));
    }

    [Test]
    public async Task Admitting_a_batch_to_a_loaded_catalogue_does_not_change_the_next_load()
    {
        var county = UnitCode.Parse("140525");
        await SaveAsync(FirstVersion(county));
        var loaded = (await LoadAsync(county))!;
        var before = Describe(loaded);

        loaded.AdmitBatch([new CatalogueCategory("C2", "市容")], [Item("X1", 2, category: "C2")]);
        var next = await LoadAsync(county);

        Assert.That(loaded.Version, Is.EqualTo(2), "the loaded catalogue did change");
        Assert.That(next!.Version, Is.EqualTo(1));
        Assert.That(next.Find("X1"), Is.Null);
        Assert.That(Describe(next), Is.EqualTo(before));

        next.AdmitBatch([], [Item("Y1", 2)]);

        Assert.That(Describe((await LoadAsync(county))!), Is.EqualTo(before));
    }

    [Test]
    public async Task A_second_batch_saved_at_a_version_already_stored_is_refused_and_the_version_keeps_its_content()
    {
        var county = UnitCode.Parse("140526");
        await SaveAsync(FirstVersion(county));
        var mine = (await LoadAsync(county))!;
        var theirs = (await LoadAsync(county))!;
        mine.AdmitBatch([], [Item("B1", 2)]);
        theirs.AdmitBatch([], [Item("C9", 2)]);

        await SaveAsync(mine);

        Assert.That(async () => await SaveAsync(theirs), Throws.InstanceOf<CatalogueVersionConflictException>().With.Message.Contains("already has a version 2"));
        await using var read = Database.NewContext();
        var stored = await new CatalogueStore(read).LoadAsync(county);
        Assert.That(stored!.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2", "B1" }));
        Assert.That((await LoadAsync(county))!.Items.Select(i => i.Code), Is.EqualTo(new[] { "A1", "A2", "B1" }));
    }

    [Test]
    public async Task Items_of_a_later_version_than_the_one_read_are_not_part_of_it()
    {
        var county = UnitCode.Parse("140527");
        await SaveAsync(FirstVersion(county));
        await using (var db = Database.NewContext())
        {
            // A save of version 2 caught between reading the version number (still 1) and reading the items.
            db.CatalogueItems.Add(CatalogueItemRow.From(county, Item("LATE", 2), 9));
            await db.SaveChangesAsync();
        }

        var loaded = await LoadAsync(county);

        Assert.That(loaded!.Version, Is.EqualTo(1));
        Assert.That(loaded.Find("LATE"), Is.Null);
    }

    [Test]
    public async Task A_withdrawal_of_a_later_version_than_the_one_read_is_not_part_of_it()
    {
        var county = UnitCode.Parse("140528");
        await SaveAsync(FirstVersion(county));
        await using (var db = Database.NewContext())
        {
            // A withdrawal saved as version 2, caught between reading the version number (still 1) and reading the items.
            var row = await db.CatalogueItems.SingleAsync(i => i.County == county && i.Code == "A1");
            row.WithdrawnInVersion = 2;
            await db.SaveChangesAsync();
        }

        await using var read = Database.NewContext();
        var loaded = await new CatalogueStore(read).LoadAsync(county);

        Assert.That(loaded!.Version, Is.EqualTo(1));
        Assert.That(loaded.Find("A1")!.IsWithdrawn, Is.False);
    }

    [Test]
    public async Task After_a_withdrawal_the_kept_earlier_version_still_has_the_item_and_the_new_one_flags_it()
    {
        var county = UnitCode.Parse("140529");
        await SaveAsync(FirstVersion(county));
        var loaded = (await LoadAsync(county))!;
        var before = Describe(loaded);

        loaded.Withdraw("A2");
        await SaveAsync(loaded);
        var reloaded = (await LoadAsync(county))!;

        Assert.That(reloaded.Version, Is.EqualTo(2));
        Assert.That(reloaded.Find("A2")!.WithdrawnInVersion, Is.EqualTo(2));
        Assert.That(Describe(MatterCatalogue.Restore(county, 1, _versions.Find(county, 1)!.Categories, _versions.Find(county, 1)!.Items)), Is.EqualTo(before));
        Assert.That(_versions.Find(county, 1)!.Items.Single(i => i.Code == "A2").IsWithdrawn, Is.False);
    }

    private static MatterCatalogue FirstVersion(UnitCode county)
    {
        var catalogue = new MatterCatalogue(county);
        catalogue.AdmitBatch([new CatalogueCategory("C1", "生态环境")], [Item("A1", 1), Item("A2", 1, counts: false)]);
        return catalogue;
    }

    private async Task SaveAsync(MatterCatalogue catalogue)
    {
        await using var db = Database.NewContext();
        await new CatalogueStore(db, _versions).SaveAsync(catalogue);
    }

    /// <summary>Each load through its own context, as each request has one; the kept versions are shared.</summary>
    private async Task<MatterCatalogue?> LoadAsync(UnitCode county)
    {
        await using var db = Database.NewContext();
        return await new CatalogueStore(db, _versions).LoadAsync(county);
    }

    /// <summary>The content as text (items hold a dictionary of time limits, which records compare by reference).</summary>
    private static string Describe(MatterCatalogue catalogue) =>
        $"v{catalogue.Version} " + string.Join(" ", catalogue.Categories.Select(c => $"{c.Code}:{c.Name}")) + " | "
        + string.Join(" ", catalogue.Items.Select(i =>
            $"{i.Code}:{i.CategoryCode}:{i.AddedInVersion}:{i.CountsTowardClosureRate}:{string.Join(",", i.TimeLimitHours.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}"));
}
