using System.Collections.Immutable;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Tests.Support;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports.InMemory;
using GridCase.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Tests.Journal;

/// <summary>
/// The four ways to tamper with a stored journal — edit, delete, insert, reorder — done with the database's
/// own tools, are each detected when the journal is read back and verified.
/// </summary>
public abstract class JournalTamperContract(DatabaseProvider provider) : ProviderFixture(provider)
{
    //  start ─▶ route_county ─▶ handle(responsible) ─▶ end
    private const string Definition = """
        {
          "id": "tamper", "version": 1, "name": "篡改检测", "changeNote": "fixture", "variables": {},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "route_county", "type": "Route", "props": { "target": { "level": "County" } } },
            { "id": "handle", "type": "HumanTask", "props": { "queue": { "responsible": true }, "form": "handle", "outcomes": ["done"],
                                                             "fields": [ { "name": "resolution", "type": "string", "required": true } ] } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "from": "start", "outcome": "done", "to": "route_county" },
            { "from": "route_county", "outcome": "done", "to": "handle" },
            { "from": "handle", "outcome": "done", "to": "end" }
          ]
        }
        """;

    private static readonly UnitCode Grid = UnitCode.Parse("140521100001001");
    private static readonly UnitCode County = UnitCode.Parse("140521");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly FlowchartInterpreter _interpreter = new(Org(), WorkingCalendar.CreateDefault(), NoPushDownPolicy.Default);
    private CompiledWorkflow _workflow = null!;

    [OneTimeSetUp]
    public void Compile() =>
        _workflow = new DefinitionValidator(DefaultActivities.Create()).Validate(DefinitionJson.Parse(Definition).Definition!).Compiled!;

    private static OrgDirectory Org()
    {
        var city = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        var county = OrgUnit.Area(County, "沁水县", city);
        var township = OrgUnit.Area(UnitCode.Parse("140521100"), "龙港镇", county);
        var village = OrgUnit.Area(UnitCode.Parse("140521100001"), "杏园社区", township);
        return new OrgDirectory([city, county, township, village, OrgUnit.Area(Grid, "第1网格", village), OrgUnit.Department(UnitCode.Parse("140521HB"), "生态环境", county)]);
    }

    private async Task<Guid> ClosedCaseAsync()
    {
        await using var db = Database.NewContext();
        var store = new EfWorkflowStore(db, TimeProvider.System);
        var definitions = new InMemoryDefinitionStore();
        await definitions.PublishAsync(_workflow.Definition, "fixture", "admin", At.UtcDateTime);
        var runtime = new WorkflowRuntime(definitions, store, new RecordingTimerScheduler(), _interpreter, new CompiledWorkflowCache(new DefinitionValidator(DefaultActivities.Create())));
        var id = Guid.NewGuid();
        var subject = new SubjectFacts(Grid, "QS-01-001", "QS-01", UnitCode.Parse("140521HB"), "Video",
            ImmutableDictionary<Difficulty, int>.Empty.Add(Difficulty.Simple, 4).Add(Difficulty.Ordinary, 8).Add(Difficulty.Complex, 24).Add(Difficulty.Major, 72));
        await runtime.StartAsync("tamper", null, new StartStimulus(id, subject, Grid, new Dictionary<string, object?>(), Actor.ForUser("g1", Role.GridMember, Grid), At));
        var task = (await store.TasksOfInstanceAsync(id)).Single();
        var done = await runtime.SendAsync(id, new CompleteTaskStimulus(
            task.TaskId, "done", new Dictionary<string, object?> { ["resolution"] = "已处理" }, Actor.ForUser("d140521", Role.Dispatcher, County), At.AddHours(2)));
        Assert.That(done.Accepted, Is.True);
        return id;
    }

    private async Task<VerifyResult> VerifyAsync(Guid id)
    {
        await using var db = Database.NewContext();
        return JournalReplay.Verify(await new EfWorkflowStore(db, TimeProvider.System).ReadAsync(id), _workflow, _interpreter);
    }

    private async Task TamperAsync(Guid id, Func<GridCaseDb, List<JournalEntryRow>, Task> tamper)
    {
        await using var db = Database.NewContext();
        var rows = await db.Set<JournalEntryRow>().Where(e => e.InstanceId == id).OrderBy(e => e.Seq).ToListAsync();
        await tamper(db, rows);
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task An_untouched_journal_verifies_after_a_round_trip_through_the_database()
    {
        var id = await ClosedCaseAsync();

        Assert.That(await VerifyAsync(id), Is.EqualTo(new VerifyResult(true, true, null, null)));
    }

    [Test]
    public async Task An_edited_entry_is_detected()
    {
        var id = await ClosedCaseAsync();
        long editedSeq = 0;

        await TamperAsync(id, (db, rows) =>
        {
            var routed = rows.First(r => r.Kind == JournalKinds.Routed);
            editedSeq = routed.Seq;
            db.Entry(routed).Property(r => r.Data).CurrentValue = routed.Data.Replace("140521", "140500", StringComparison.Ordinal);
            return Task.CompletedTask;
        });
        var verify = await VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(editedSeq));
    }

    [Test]
    public async Task A_deleted_entry_is_detected()
    {
        var id = await ClosedCaseAsync();

        await TamperAsync(id, (db, rows) =>
        {
            db.Remove(rows[5]);
            return Task.CompletedTask;
        });
        var verify = await VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(6));
    }

    [Test]
    public async Task An_inserted_entry_is_detected()
    {
        var id = await ClosedCaseAsync();

        await TamperAsync(id, (db, rows) =>
        {
            // Shift the tail up by one and slip a forged note in at seq 6.
            var tail = rows.Skip(5).ToList();
            db.RemoveRange(tail);
            db.AddRange(tail.Select(r => Copy(r, r.Seq + 1)));
            db.Add(Copy(rows[4], 6, kind: JournalKinds.Notified));
            return Task.CompletedTask;
        });
        var verify = await VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(6));
    }

    [Test]
    public async Task Reordered_entries_are_detected()
    {
        var id = await ClosedCaseAsync();

        await TamperAsync(id, (db, rows) =>
        {
            db.RemoveRange(rows[6], rows[7]);
            db.AddRange(Copy(rows[7], 7), Copy(rows[6], 8));
            return Task.CompletedTask;
        });
        var verify = await VerifyAsync(id);

        Assert.That(verify.ChainValid, Is.False);
        Assert.That(verify.FirstBadSeq, Is.EqualTo(7));
    }

    private static JournalEntryRow Copy(JournalEntryRow row, long seq, string? kind = null) => new()
    {
        InstanceId = row.InstanceId,
        Seq = seq,
        At = row.At,
        ActorUserId = row.ActorUserId,
        ActorRole = row.ActorRole,
        ActorUnit = row.ActorUnit,
        Kind = kind ?? row.Kind,
        NodeId = row.NodeId,
        DefinitionId = row.DefinitionId,
        DefinitionVersion = row.DefinitionVersion,
        Rule = row.Rule,
        Data = row.Data,
        PrevHash = row.PrevHash,
        Hash = row.Hash,
    };
}

[TestFixture]
public sealed class SqliteJournalTamperTests() : JournalTamperContract(DatabaseProvider.Sqlite);

[TestFixture]
public sealed class PostgresJournalTamperTests() : JournalTamperContract(DatabaseProvider.Postgres);
