using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Cases;
using GridCase.Persistence.Tests.Support;

namespace GridCase.Persistence.Tests.Cases;

public abstract class CaseStoreContract(DatabaseProvider provider) : ProviderFixture(provider)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Actor Reporter = Actor.ForUser("g140521100001001", Role.GridMember, UnitCode.Parse("140521100001001"));
    private static readonly Actor Dispatcher = Actor.ForUser("d140521100", Role.Dispatcher, UnitCode.Parse("140521100"));

    private static Case NewCase(CaseNumber number) => Case.Report(
        CaseId.New(),
        number,
        "QS-01-001",
        UnitCode.Parse("140521100001001"),
        ReportChannel.Hotline12345,
        "下水道堵塞",
        "龙港镇某小区门口下水道堵塞，污水外溢。",
        new GeoLocation(35.69, 112.19, "龙港镇新建街12号"),
        new ReporterContact("张三", "13800000000"),
        At.AddHours(-1),
        Reporter,
        At);

    [Test]
    public async Task A_reported_case_reads_back_with_every_field()
    {
        await using var db = Database.NewContext();
        var store = new CaseStore(db);
        var number = await store.NextNumberAsync("QS", 2026);
        var original = NewCase(number);
        original.Triage(Difficulty.Ordinary, CaseScope.Township, Dispatcher, At.AddMinutes(10));
        store.Add(original);
        await store.SaveAsync();

        await using var other = Database.NewContext();
        var loaded = await new CaseStore(other).FindAsync(original.Id);

        Assert.That(loaded, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(loaded!.Number, Is.EqualTo(number));
            Assert.That(loaded.Status, Is.EqualTo(CaseStatus.Filed));
            Assert.That(loaded.Difficulty, Is.EqualTo(Difficulty.Ordinary));
            Assert.That(loaded.Scope, Is.EqualTo(CaseScope.Township));
            Assert.That(loaded.GridCode, Is.EqualTo(UnitCode.Parse("140521100001001")));
            Assert.That(loaded.Location, Is.EqualTo(original.Location));
            Assert.That(loaded.Reporter, Is.EqualTo(original.Reporter));
            Assert.That(loaded.ReportedAt, Is.EqualTo(At.UtcDateTime));
            Assert.That(loaded.ReportedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(loaded.OccurredAt, Is.EqualTo(At.AddHours(-1).UtcDateTime));
            Assert.That(loaded.Floor, Is.EqualTo(OrgLevel.Grid));
        });
    }

    [Test]
    public async Task A_stale_copy_cannot_overwrite_a_newer_change()
    {
        Case original;
        await using (var db = Database.NewContext())
        {
            var store = new CaseStore(db);
            original = NewCase(await store.NextNumberAsync("QS", 2026));
            store.Add(original);
            await store.SaveAsync();
        }

        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var firstCopy = (await new CaseStore(first).FindAsync(original.Id))!;
        var secondCopy = (await new CaseStore(second).FindAsync(original.Id))!;

        firstCopy.Triage(Difficulty.Simple, CaseScope.Grid, Dispatcher, At.AddMinutes(5));
        await new CaseStore(first).SaveAsync();
        secondCopy.Triage(Difficulty.Major, CaseScope.County, Dispatcher, At.AddMinutes(6));

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => new CaseStore(second).SaveAsync());
        await using var check = Database.NewContext();
        Assert.That((await new CaseStore(check).FindAsync(original.Id))!.Difficulty, Is.EqualTo(Difficulty.Simple));
    }

    [Test]
    public async Task A_change_to_personal_data_alone_still_bumps_the_concurrency_stamp()
    {
        Case original;
        await using (var db = Database.NewContext())
        {
            var store = new CaseStore(db);
            original = NewCase(await store.NextNumberAsync("QS", 2026));
            store.Add(original);
            await store.SaveAsync();
        }

        await using var first = Database.NewContext();
        await using var second = Database.NewContext();
        var firstCopy = (await new CaseStore(first).FindAsync(original.Id))!;
        var secondCopy = (await new CaseStore(second).FindAsync(original.Id))!;
        firstCopy.Triage(Difficulty.Simple, CaseScope.Grid, Dispatcher, At.AddMinutes(5));
        secondCopy.Triage(Difficulty.Simple, CaseScope.Grid, Dispatcher, At.AddMinutes(5));

        await new CaseStore(first).SaveAsync();

        Assert.ThrowsAsync<ConcurrencyConflictException>(() => new CaseStore(second).SaveAsync());
    }

    [Test]
    public async Task Case_numbers_are_consecutive_per_prefix_and_year()
    {
        await using var db = Database.NewContext();
        var store = new CaseStore(db);

        var a = await store.NextNumberAsync("CQ", 2027);
        var b = await store.NextNumberAsync("CQ", 2027);
        var other = await store.NextNumberAsync("CQ", 2028);

        Assert.That(a.Value, Is.EqualTo("CQ-2027-000001"));
        Assert.That(b.Value, Is.EqualTo("CQ-2027-000002"));
        Assert.That(other.Value, Is.EqualTo("CQ-2028-000001"));
    }

    [Test]
    public async Task Concurrent_allocations_never_hand_out_a_number_twice()
    {
        var tasks = Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var db = Database.NewContext();
            return (await new CaseStore(db).NextNumberAsync("ZZ", 2026)).Sequence;
        });

        var numbers = await Task.WhenAll(tasks);

        Assert.That(numbers, Is.Unique);
        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(1, 40)));
    }
}

[TestFixture]
public sealed class SqliteCaseStoreTests() : CaseStoreContract(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresCaseStoreTests() : CaseStoreContract(DatabaseProvider.Postgres);
