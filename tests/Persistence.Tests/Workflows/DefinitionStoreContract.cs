using GridCase.Persistence.Workflows;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Ports.InMemory;
using static GridCase.Persistence.Tests.Workflows.WorkflowSamples;

namespace GridCase.Persistence.Tests.Workflows;

/// <summary>
/// What every adapter of <see cref="IDefinitionStore"/> must do. The stores of one fixture share their
/// storage; tests keep apart by fresh definition ids.
/// </summary>
public abstract class DefinitionStoreContract
{
    /// <summary>A store over the fixture's storage; each call is a separate unit of work (for EF, its own context).</summary>
    protected abstract IDefinitionStore CreateStore();

    private static string NewId() => "def-" + Guid.NewGuid().ToString("N")[..12];

    private static string Text(WorkflowDefinition? definition) =>
        definition is null ? "(none)" : DefinitionJson.Write(definition);

    [Test]
    public async Task An_unknown_definition_has_no_versions_and_no_draft()
    {
        var store = CreateStore();
        var id = NewId();

        Assert.That(await store.ListVersionsAsync(id), Is.Empty);
        Assert.That(await store.GetVersionAsync(id, 1), Is.Null);
        Assert.That(await store.LatestPublishedVersionAsync(id), Is.Null);
        Assert.That(await store.GetDraftAsync(id), Is.Null);
        Assert.That((await store.ListAsync()).Select(d => d.Id), Does.Not.Contain(id));
    }

    [Test]
    public async Task Versions_are_numbered_1_2_3_with_their_note_author_and_time()
    {
        var id = NewId();
        var definition = Definition(id);

        var numbers = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            numbers.Add(await CreateStore().PublishAsync(definition with { Name = "第" + i + "版" }, "note " + i, "admin" + i, At.AddDays(i)));
        }

        var store = CreateStore();
        Assert.That(numbers, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(await store.ListVersionsAsync(id), Is.EqualTo(new[]
        {
            new VersionInfo(id, 1, VersionStatus.Published, "第1版", "note 1", "admin1", At.AddDays(1)),
            new VersionInfo(id, 2, VersionStatus.Published, "第2版", "note 2", "admin2", At.AddDays(2)),
            new VersionInfo(id, 3, VersionStatus.Published, "第3版", "note 3", "admin3", At.AddDays(3)),
        }));
        Assert.That((await store.ListVersionsAsync(id)).Select(v => v.PublishedAt.Kind), Is.All.EqualTo(DateTimeKind.Utc));
        Assert.That(await store.LatestPublishedVersionAsync(id), Is.EqualTo(3));
    }

    [Test]
    public async Task A_published_version_reads_back_as_published_with_its_number_and_note()
    {
        var id = NewId();
        var definition = Definition(id);
        await CreateStore().PublishAsync(definition, "first", "admin", At);
        await CreateStore().PublishAsync(definition with { Name = "second" }, "第二版", "admin", At);

        var version = await CreateStore().GetVersionAsync(id, 2);

        Assert.That(Text(version), Is.EqualTo(Text(definition with { Name = "second", Version = 2, ChangeNote = "第二版" })));
        Assert.That(await CreateStore().GetVersionAsync(id, 3), Is.Null);
    }

    [Test]
    public async Task Saving_a_draft_stores_it_and_replacing_it_touches_no_version()
    {
        var id = NewId();
        var definition = Definition(id);
        await CreateStore().PublishAsync(definition, "first", "admin", At);
        var versionsBefore = await CreateStore().ListVersionsAsync(id);
        var published = Text(await CreateStore().GetVersionAsync(id, 1));

        await CreateStore().SaveDraftAsync(new DraftInfo(definition with { Name = "草稿一", Version = 5 }, "editor1", At.AddHours(1), 1));
        var first = await CreateStore().GetDraftAsync(id);
        await CreateStore().SaveDraftAsync(new DraftInfo(definition with { Name = "草稿二", Nodes = definition.Nodes.Take(2).ToList() }, "editor2", At.AddHours(2), null));
        var second = await CreateStore().GetDraftAsync(id);

        var store = CreateStore();
        Assert.That(Text(first!.Definition), Is.EqualTo(Text(definition with { Name = "草稿一", Version = 0 })));
        Assert.That((first.SavedBy, first.SavedAt, first.BasedOnVersion), Is.EqualTo(("editor1", At.AddHours(1), (int?)1)));
        Assert.That(Text(second!.Definition), Is.EqualTo(Text(definition with { Name = "草稿二", Version = 0, Nodes = definition.Nodes.Take(2).ToList() })));
        Assert.That((second.SavedBy, second.SavedAt, second.BasedOnVersion), Is.EqualTo(("editor2", At.AddHours(2), (int?)null)));
        Assert.That(await store.ListVersionsAsync(id), Is.EqualTo(versionsBefore));
        Assert.That(Text(await store.GetVersionAsync(id, 1)), Is.EqualTo(published));
        Assert.That(await store.LatestPublishedVersionAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Publishing_removes_the_draft()
    {
        var id = NewId();
        var definition = Definition(id);
        await CreateStore().SaveDraftAsync(new DraftInfo(definition, "editor", At, null));

        await CreateStore().PublishAsync(definition, "first", "admin", At);

        Assert.That(await CreateStore().GetDraftAsync(id), Is.Null);
        Assert.That((await CreateStore().ListAsync()).Single(d => d.Id == id).HasDraft, Is.False);
    }

    [Test]
    public async Task Concurrent_publishes_get_distinct_consecutive_numbers()
    {
        const int publishers = 10;
        var id = NewId();
        var definition = Definition(id);
        var stores = Enumerable.Range(0, publishers).Select(_ => CreateStore()).ToList();

        var numbers = await Task.WhenAll(stores.Select((store, i) =>
            Task.Run(() => store.PublishAsync(definition, "note " + i, "admin" + i, At))));

        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(1, publishers)));
        var versions = await CreateStore().ListVersionsAsync(id);
        Assert.That(versions.Select(v => v.Version), Is.EqualTo(Enumerable.Range(1, publishers)));
        Assert.That(versions.Select(v => v.ChangeNote), Is.Unique);
    }

    [Test]
    public async Task A_retired_version_is_no_longer_the_latest_but_can_still_be_read()
    {
        var id = NewId();
        var definition = Definition(id);
        await CreateStore().PublishAsync(definition, "first", "admin", At);
        await CreateStore().PublishAsync(definition, "second", "admin", At);

        await CreateStore().RetireAsync(id, 2);

        var store = CreateStore();
        Assert.That(await store.LatestPublishedVersionAsync(id), Is.EqualTo(1));
        Assert.That((await store.GetVersionAsync(id, 2))?.Version, Is.EqualTo(2));
        Assert.That((await store.ListVersionsAsync(id)).Select(v => v.Status), Is.EqualTo(new[] { VersionStatus.Published, VersionStatus.Retired }));

        await store.RetireAsync(id, 1);
        Assert.That(await CreateStore().LatestPublishedVersionAsync(id), Is.Null);
        Assert.That(await CreateStore().PublishAsync(definition, "third", "admin", At), Is.EqualTo(3));
    }

    [Test]
    public void Retiring_a_version_that_was_never_published_fails() =>
        Assert.ThrowsAsync<KeyNotFoundException>(() => CreateStore().RetireAsync(NewId(), 1));

    [Test]
    public async Task The_list_names_each_definition_by_its_latest_version_or_its_draft_in_ordinal_order()
    {
        var prefix = NewId();
        string published = prefix + "-a", draftOnly = prefix + "-B", both = prefix + "-c";
        await CreateStore().PublishAsync(Definition(published, "旧名"), "1", "admin", At);
        await CreateStore().PublishAsync(Definition(published, "新名"), "2", "admin", At);
        await CreateStore().SaveDraftAsync(new DraftInfo(Definition(draftOnly, "只有草稿"), "editor", At, null));
        await CreateStore().PublishAsync(Definition(both, "已发布"), "1", "admin", At);
        await CreateStore().SaveDraftAsync(new DraftInfo(Definition(both, "草稿名"), "editor", At, 1));

        var list = (await CreateStore().ListAsync()).Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.That(list, Is.EqualTo(new[]
        {
            new DefinitionSummary(draftOnly, "只有草稿", null, true),
            new DefinitionSummary(published, "新名", 2, false),
            new DefinitionSummary(both, "已发布", 1, true),
        }));
    }
}

[TestFixture]
public sealed class InMemoryDefinitionStoreTests : DefinitionStoreContract
{
    private readonly InMemoryDefinitionStore _store = new();

    protected override IDefinitionStore CreateStore() => _store;
}

public abstract class EfDefinitionStoreTests(DatabaseProvider provider) : DefinitionStoreContract
{
    private readonly EfTestStorage _storage = new(provider);

    [OneTimeSetUp]
    public Task CreateDatabase() => _storage.CreateAsync();

    [TearDown]
    public Task ReleaseContexts() => _storage.ReleaseContextsAsync();

    [OneTimeTearDown]
    public ValueTask DropDatabase() => _storage.DisposeAsync();

    protected override IDefinitionStore CreateStore() => new EfDefinitionStore(_storage.NewContext());
}

[TestFixture]
public sealed class SqliteDefinitionStoreTests() : EfDefinitionStoreTests(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresDefinitionStoreTests() : EfDefinitionStoreTests(DatabaseProvider.Postgres);
