using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports.InMemory;
using GridCase.Workflows.Runtime;

namespace GridCase.Microbenchmarks;

/// <summary>
/// The engine without storage: one interpreter step (completing triage, which runs the routing table and a
/// route and opens the handling task with its deadline timers), and one whole case through the default
/// workflow on the in-memory ports.
/// </summary>
[MemoryDiagnoser]
public class InterpreterBenchmarks
{
    private static readonly UnitCode Grid = UnitCode.Parse("140521100001001");
    private static readonly UnitCode Township = UnitCode.Parse("140521100");
    private static readonly Actor Reporter = Actor.ForUser("g140521100001001", Role.GridMember, Grid);
    private static readonly Actor Dispatcher = Actor.ForUser("d140521100", Role.Dispatcher, Township);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private FlowchartInterpreter _interpreter = null!;
    private CompiledWorkflow _workflow = null!;
    private WorkflowState _afterReport = null!;
    private string _triageTaskId = null!;
    private SubjectFacts _subject = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        var city = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        var county = OrgUnit.Area(UnitCode.Parse("140521"), "沁水县", city);
        var township = OrgUnit.Area(Township, "龙港镇", county);
        var village = OrgUnit.Area(UnitCode.Parse("140521100001"), "杏园社区", township);
        var grid = OrgUnit.Area(Grid, "杏园社区第1网格", village);
        var department = OrgUnit.Department(UnitCode.Parse("140521HB"), "生态环境分局", county);
        _interpreter = new FlowchartInterpreter(new OrgDirectory([city, county, township, village, grid, department]), WorkingCalendar.CreateDefault(), NoPushDownPolicy.Default);
        _json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflow-definitions", "event-handling", "v1.json"));
        var (definition, _) = DefinitionJson.Parse(_json);
        _workflow = new DefinitionValidator(DefaultActivities.Create()).Validate(definition!).Compiled!;
        _subject = new SubjectFacts(Grid, "QS-01-001", "QS-01", department.Code, "Hotline12345",
            ImmutableDictionary<Difficulty, int>.Empty.Add(Difficulty.Simple, 4).Add(Difficulty.Ordinary, 8).Add(Difficulty.Complex, 24).Add(Difficulty.Major, 72));
        var started = _interpreter.Run(_workflow, null, Start(Guid.NewGuid()));
        _afterReport = started.State!;
        _triageTaskId = _afterReport.Tasks.Single().TaskId;
    }

    private StartStimulus Start(Guid id) => new(id, _subject, Grid, new Dictionary<string, object?>(), Reporter, At);

    [Benchmark(Description = "one step: complete triage (table, route, open task + 2 timers)")]
    public InterpreterResult CompleteTriage() =>
        _interpreter.Run(_workflow, _afterReport, new CompleteTaskStimulus(
            _triageTaskId, "filed", new Dictionary<string, object?> { ["difficulty"] = 2L, ["scope"] = "Township" }, Dispatcher, At.AddMinutes(30)));

    [Benchmark(Description = "whole case on in-memory ports: report → triage → handle → verify → evaluate → close")]
    public async Task<WorkflowStatus> WholeCase()
    {
        var definitions = new InMemoryDefinitionStore();
        var store = new InMemoryWorkflowStore();
        await definitions.PublishAsync(_workflow.Definition, "bench", "bench", At.UtcDateTime);
        var runtime = new WorkflowRuntime(definitions, store, new RecordingTimerScheduler(), _interpreter, new CompiledWorkflowCache(new DefinitionValidator(DefaultActivities.Create())));
        var id = Guid.NewGuid();
        await runtime.StartAsync("event-handling", null, Start(id));
        await CompleteAsync(runtime, store, id, "filed", new() { ["difficulty"] = 2L, ["scope"] = "Township" });
        await CompleteAsync(runtime, store, id, "resolved", new() { ["resolution"] = "已处理" });
        await CompleteAsync(runtime, store, id, "confirmed", []);
        await CompleteAsync(runtime, store, id, "evaluated", new() { ["satisfaction"] = 5L });
        return (await store.LoadAsync(id))!.State.Status;
    }

    private static async Task CompleteAsync(WorkflowRuntime runtime, InMemoryWorkflowStore store, Guid id, string outcome, Dictionary<string, object?> data)
    {
        var task = (await store.LoadAsync(id))!.State.Tasks.First(t => t.Outcomes.Contains(outcome));
        var result = await runtime.SendAsync(id, new CompleteTaskStimulus(task.TaskId, outcome, data, Dispatcher, At.AddHours(1)));
        if (!result.Accepted)
        {
            throw new InvalidOperationException(result.Refusal!.Message);
        }
    }
}
