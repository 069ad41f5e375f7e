using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using GridCase.Domain;
using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports.InMemory;
using GridCase.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace GridCase.Bench;

/// <summary>
/// The same workflow shape in-process, without storage or HTTP: report → four human steps, each completed from
/// outside → end; on our engine (the shipped event-handling definition on the in-memory ports) and on Workflow Core
/// 3.22 (its in-memory persistence; each human step a WaitFor completed by PublishEvent). Both are driven by the
/// same number of concurrent clients, each running one case at a time and completing a step only once it is open.
/// </summary>
public static class Peer
{
    public static async Task<double> GridCaseCasesPerSecondAsync(int cases, int clients)
    {
        var grid = UnitCode.Parse("140521100001001");
        var townshipCode = UnitCode.Parse("140521100");
        var reporter = Actor.ForUser("g140521100001001", Role.GridMember, grid);
        var dispatcher = Actor.ForUser("d140521100", Role.Dispatcher, townshipCode);
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var city = OrgUnit.Area(UnitCode.Parse("140500"), "晋城市", null);
        var county = OrgUnit.Area(UnitCode.Parse("140521"), "沁水县", city);
        var township = OrgUnit.Area(townshipCode, "龙港镇", county);
        var village = OrgUnit.Area(UnitCode.Parse("140521100001"), "杏园社区", township);
        var gridUnit = OrgUnit.Area(grid, "杏园社区第1网格", village);
        var department = OrgUnit.Department(UnitCode.Parse("140521HB"), "生态环境分局", county);
        var interpreter = new FlowchartInterpreter(new OrgDirectory([city, county, township, village, gridUnit, department]), WorkingCalendar.CreateDefault(), NoPushDownPolicy.Default);
        var json = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflow-definitions", "event-handling", "v1.json"));
        var (definition, _) = DefinitionJson.Parse(json);
        var workflow = new DefinitionValidator(DefaultActivities.Create()).Validate(definition!).Compiled!;
        var subject = new SubjectFacts(grid, "QS-01-001", "QS-01", department.Code, "Hotline12345",
            ImmutableDictionary<Difficulty, int>.Empty.Add(Difficulty.Simple, 4).Add(Difficulty.Ordinary, 8).Add(Difficulty.Complex, 24).Add(Difficulty.Major, 72));

        var definitions = new InMemoryDefinitionStore();
        var store = new InMemoryWorkflowStore();
        await definitions.PublishAsync(workflow.Definition, "bench", "bench", at.UtcDateTime);
        var runtime = new WorkflowRuntime(definitions, store, new RecordingTimerScheduler(), interpreter, new CompiledWorkflowCache(new DefinitionValidator(DefaultActivities.Create())));

        async Task Complete(Guid id, string outcome, Dictionary<string, object?> data)
        {
            var task = (await store.LoadAsync(id))!.State.Tasks.First(t => t.Outcomes.Contains(outcome));
            var result = await runtime.SendAsync(id, new CompleteTaskStimulus(task.TaskId, outcome, data, dispatcher, at.AddHours(1)));
            if (!result.Accepted)
            {
                throw new InvalidOperationException(result.Refusal!.Message);
            }
        }

        async Task OneCase()
        {
            var id = Guid.NewGuid();
            await runtime.StartAsync("event-handling", null, new StartStimulus(id, subject, grid, new Dictionary<string, object?>(), reporter, at));
            await Complete(id, "filed", new() { ["difficulty"] = 2L, ["scope"] = "Township" });
            await Complete(id, "resolved", new() { ["resolution"] = "已处理" });
            await Complete(id, "confirmed", []);
            await Complete(id, "evaluated", new() { ["satisfaction"] = 5L });
            if ((await store.LoadAsync(id))!.State.Status != GridCase.Workflows.Runtime.WorkflowStatus.Completed)
            {
                throw new InvalidOperationException($"case {id} did not complete.");
            }
        }

        for (var i = 0; i < 50; i++)
        {
            await OneCase();
        }

        return await MeasureAsync(cases, clients, OneCase);
    }

    public static async Task<double> WorkflowCoreCasesPerSecondAsync(int cases, int clients)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<CaseWorkflow, CaseData>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            async Task OneCase()
            {
                var key = Guid.NewGuid().ToString("N");
                var signals = Channel.CreateUnbounded<string>();
                CaseSignals.Open[key] = signals.Writer;
                await host.StartWorkflow(CaseWorkflow.WorkflowId, 1, new CaseData { Key = key });
                while (true)
                {
                    var open = await signals.Reader.ReadAsync();
                    if (open == "closed")
                    {
                        break;
                    }

                    await host.PublishEvent(open, key, open == "triage" ? new Dictionary<string, object> { ["difficulty"] = 2, ["scope"] = "Township" } : open);
                }

                CaseSignals.Open.TryRemove(key, out _);
            }

            for (var i = 0; i < 50; i++)
            {
                await OneCase();
            }

            return await MeasureAsync(cases, clients, OneCase);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<double> MeasureAsync(int cases, int clients, Func<Task> oneCase)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < cases)
            {
                await oneCase();
            }
        })));
        return cases / clock.Elapsed.TotalSeconds;
    }

    public sealed class CaseData
    {
        public string Key { get; set; } = "";

        public object? Triage { get; set; }

        public object? Handle { get; set; }

        public object? Verify { get; set; }

        public object? Evaluate { get; set; }
    }

    private static class CaseSignals
    {
        public static readonly ConcurrentDictionary<string, ChannelWriter<string>> Open = new();
    }

    /// <summary>Opens a human step: tells the client (the "queue") that it may now be completed.</summary>
    public sealed class OpenStep : StepBody
    {
        public string Key { get; set; } = "";

        public string Step { get; set; } = "";

        public override ExecutionResult Run(IStepExecutionContext context)
        {
            CaseSignals.Open[Key].TryWrite(Step);
            return ExecutionResult.Next();
        }
    }

    public sealed class CaseWorkflow : IWorkflow<CaseData>
    {
        public const string WorkflowId = "event-handling-peer";

        public string Id => WorkflowId;

        public int Version => 1;

        public void Build(IWorkflowBuilder<CaseData> builder) => builder
            .StartWith(_ => ExecutionResult.Next())
            .Then<OpenStep>().Input(s => s.Key, d => d.Key).Input(s => s.Step, _ => "triage")
            .WaitFor("triage", d => d.Key, _ => DateTime.MinValue).Output(d => d.Triage, s => s.EventData)
            .Then<OpenStep>().Input(s => s.Key, d => d.Key).Input(s => s.Step, _ => "handle")
            .WaitFor("handle", d => d.Key, _ => DateTime.MinValue).Output(d => d.Handle, s => s.EventData)
            .Then<OpenStep>().Input(s => s.Key, d => d.Key).Input(s => s.Step, _ => "verify")
            .WaitFor("verify", d => d.Key, _ => DateTime.MinValue).Output(d => d.Verify, s => s.EventData)
            .Then<OpenStep>().Input(s => s.Key, d => d.Key).Input(s => s.Step, _ => "evaluate")
            .WaitFor("evaluate", d => d.Key, _ => DateTime.MinValue).Output(d => d.Evaluate, s => s.EventData)
            .Then<OpenStep>().Input(s => s.Key, d => d.Key).Input(s => s.Step, _ => "closed");
    }
}
