using System.Collections.Immutable;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Ports.InMemory;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Tests.Runtime;

/// <summary>
/// The engine wired to in-memory ports around a small slice of 沁水县, with a hand-moved clock: tests
/// advance <see cref="Now"/> and deliver due timers themselves, never sleeping.
/// </summary>
public sealed class EngineHarness
{
    public static readonly UnitCode City = UnitCode.Parse("140500");
    public static readonly UnitCode County = UnitCode.Parse("140521");
    public static readonly UnitCode Township = UnitCode.Parse("140521100");
    public static readonly UnitCode Village = UnitCode.Parse("140521100001");
    public static readonly UnitCode Grid = UnitCode.Parse("140521100001001");
    public static readonly UnitCode Police = UnitCode.Parse("140521GA");
    public static readonly UnitCode Environment = UnitCode.Parse("140521HB");

    public static readonly Actor GridMember = Actor.ForUser("g140521100001001", Role.GridMember, Grid);
    public static readonly Actor TownshipDispatcher = Actor.ForUser("d140521100", Role.Dispatcher, Township);
    public static readonly Actor CountyDispatcher = Actor.ForUser("d140521", Role.Dispatcher, County);
    public static readonly Actor EnvironmentHandler = Actor.ForUser("h140521HB", Role.Handler, Environment);
    public static readonly Actor VillageHandler = Actor.ForUser("h140521100001", Role.Handler, Village);

    public static OrgDirectory Org { get; } = BuildOrg();

    public InMemoryDefinitionStore Definitions { get; } = new();
    public InMemoryWorkflowStore Store { get; } = new();
    public RecordingTimerScheduler Scheduler { get; } = new();
    public DefinitionValidator Validator { get; } = new(DefaultActivities.Create());
    public FlowchartInterpreter Interpreter { get; }
    public WorkflowRuntime Runtime { get; }
    public CompiledWorkflowCache Cache { get; }

    /// <summary>Monday 2 March 2026, 09:00 in China.</summary>
    public DateTimeOffset Now { get; private set; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public EngineHarness(NoPushDownPolicy? policy = null)
    {
        Interpreter = new FlowchartInterpreter(Org, WorkingCalendar.CreateDefault(), policy ?? NoPushDownPolicy.Default);
        Cache = new CompiledWorkflowCache(Validator);
        Runtime = new WorkflowRuntime(Definitions, Store, Scheduler, Interpreter, Cache);
    }

    public static SubjectFacts Subject { get; } = new(
        Grid,
        "QS-01-001",
        "QS-01",
        Environment,
        "Hotline12345",
        ImmutableDictionary<Difficulty, int>.Empty
            .Add(Difficulty.Simple, 4).Add(Difficulty.Ordinary, 8).Add(Difficulty.Complex, 24).Add(Difficulty.Major, 72));

    public void Advance(TimeSpan by) => Now += by;

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Runtime", "Fixtures", name + ".json"));

    /// <summary>Validates and publishes a fixture; fails the test with the problems if it does not validate.</summary>
    public async Task<int> PublishAsync(string json, string note = "test")
    {
        var (definition, problems) = DefinitionJson.Parse(json);
        Assert.That(problems, Is.Empty, "the fixture does not parse");
        var validation = Validator.Validate(definition!);
        Assert.That(validation.Problems.Select(p => p.Message), Is.Empty, "the fixture does not validate");
        return await Definitions.PublishAsync(definition!, note, "admin", Now.UtcDateTime);
    }

    public async Task<Guid> StartAsync(
        string definitionId, int? version = null, Actor? actor = null, IReadOnlyDictionary<string, object?>? variables = null, SubjectFacts? subject = null)
    {
        var id = Guid.NewGuid();
        var outcome = await Runtime.StartAsync(definitionId, version, new StartStimulus(id, subject ?? Subject, Grid, variables ?? new Dictionary<string, object?>(), actor ?? GridMember, Now));
        Assert.That(outcome.Refusal, Is.Null, outcome.Refusal?.Message);
        return id;
    }

    public async Task<IReadOnlyList<TaskRecord>> OpenTasksAsync(Guid instanceId) =>
        (await Store.TasksOfInstanceAsync(instanceId)).Where(t => t.Status == WorkTaskStatus.Open).ToList();

    public async Task<TaskRecord> OpenTaskAtAsync(Guid instanceId, string nodeId)
    {
        var tasks = (await OpenTasksAsync(instanceId)).Where(t => t.NodeId == nodeId).ToList();
        Assert.That(tasks, Has.Count.EqualTo(1), $"expected one open task at {nodeId}; open: {string.Join(", ", (await OpenTasksAsync(instanceId)).Select(t => t.NodeId))}");
        return tasks[0];
    }

    public async Task<RunOutcome> CompleteAsync(Guid instanceId, string nodeId, string outcome, Actor actor, IReadOnlyDictionary<string, object?>? data = null)
    {
        var task = await OpenTaskAtAsync(instanceId, nodeId);
        return await Runtime.SendAsync(instanceId, new CompleteTaskStimulus(task.TaskId, outcome, data ?? new Dictionary<string, object?>(), actor, Now));
    }

    /// <summary>Delivers every timer due by <see cref="Now"/>, as a scheduler would.</summary>
    public async Task<int> FireDueTimersAsync()
    {
        var due = await Store.PendingTimersAsync(Now.UtcDateTime);
        foreach (var timer in due)
        {
            await Runtime.SendAsync(timer.InstanceId, new TimerFiredStimulus(timer.TimerId, Now));
        }

        return due.Count;
    }

    public async Task<WorkflowState> StateAsync(Guid instanceId) => (await Store.LoadAsync(instanceId))!.State;

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid instanceId) => Store.ReadAsync(instanceId);

    public async Task<VerifyResult> VerifyAsync(Guid instanceId)
    {
        var state = await StateAsync(instanceId);
        var journal = await JournalAsync(instanceId);
        var versions = new Dictionary<int, CompiledWorkflow>();
        foreach (var version in JournalReplay.VersionsOf(journal).Append(state.Version).Distinct())
        {
            if (await Cache.GetAsync(Definitions, state.DefinitionId, version) is { } workflow)
            {
                versions[version] = workflow;
            }
        }

        return JournalReplay.Verify(journal, versions.GetValueOrDefault, Interpreter);
    }

    /// <summary>Every entry has an actor, every step folds, and re-execution reproduces the journal.</summary>
    public async Task AssertReplaysAsync(Guid instanceId)
    {
        var journal = await JournalAsync(instanceId);
        Assert.That(journal.Select(e => e.Actor.UserId), Is.All.Not.Empty);
        for (var seq = 1; seq <= journal.Count; seq++)
        {
            Assert.DoesNotThrow(() => JournalReplay.StateAt(journal, seq));
        }

        var verify = await VerifyAsync(instanceId);
        Assert.That(verify, Is.EqualTo(new VerifyResult(true, true, null, null)), verify.Detail);
    }

    private static OrgDirectory BuildOrg()
    {
        var city = OrgUnit.Area(City, "晋城市", null);
        var county = OrgUnit.Area(County, "沁水县", city);
        var township = OrgUnit.Area(Township, "龙港镇", county);
        var otherTownship = OrgUnit.Area(UnitCode.Parse("140521101"), "中村镇", county);
        var village = OrgUnit.Area(Village, "杏园社区", township);
        var otherVillage = OrgUnit.Area(UnitCode.Parse("140521100002"), "梅杏社区", township);
        var grid = OrgUnit.Area(Grid, "杏园社区第1网格", village);
        var otherGrid = OrgUnit.Area(UnitCode.Parse("140521100001002"), "杏园社区第2网格", village);
        var otherVillageGrid = OrgUnit.Area(UnitCode.Parse("140521100002001"), "梅杏社区第1网格", otherVillage);
        return new OrgDirectory(
        [
            city, county, township, otherTownship, village, otherVillage, grid, otherGrid, otherVillageGrid,
            OrgUnit.Department(Police, "沁水县公安局", county),
            OrgUnit.Department(Environment, "晋城市生态环境局沁水分局", county),
            OrgUnit.Department(UnitCode.Parse("140500ZZ"), "市委政法委", city),
        ]);
    }
}
