using System.Text.Json;
using CsCheck;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;
using GridCase.Workflows.Tests.Runtime;

namespace GridCase.Workflows.Tests.Shipped;

/// <summary>
/// Property: whatever order people complete tasks in, whatever outcomes they choose, however late they are
/// whoever reassigns, supervises, urges, relocates or reclassifies in between, through whichever channel the event came
/// (and, where a version separates duties, however often the same person is refused),
/// re-executing the journal reproduces it exactly, the chain holds, and no
/// work ever lands at grid level after the case went to a township or a department.
/// </summary>
public sealed class RandomWalkReplayTests
{
    private static string ShippedRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GridCase.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "workflow-definitions");
    }

    public static IEnumerable<string> ShippedFiles() =>
        Directory.GetFiles(ShippedRoot(), "v*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(ShippedRoot(), f)).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(ShippedFiles))]
    public void Random_walks_through_a_shipped_definition_always_replay(string file)
    {
        var json = File.ReadAllText(Path.Combine(ShippedRoot(), file));
        var (definition, _) = DefinitionJson.Parse(json);

        Gen.Int.Sample(seed => Walk(definition!, json, seed).GetAwaiter().GetResult(), iter: 150, threads: 1);
    }

    private static async Task Walk(WorkflowDefinition definition, string json, int seed)
    {
        var random = new Random(seed);
        var engine = new EngineHarness();
        await engine.PublishAsync(json);
        // Any channel; a patrol report half of the time handled on the spot (v2's 即办; v1 ignores the variables).
        string[] channels = ["GridPatrol", "Hotline12345", "Video", "Public", "Department", "Superior"];
        var channel = channels[random.Next(channels.Length)];
        var onSite = channel == "GridPatrol" && random.Next(2) == 0;
        var variables = onSite ? new Dictionary<string, object?> { ["handledOnSite"] = true, ["resolution"] = "已当场处置" } : null;
        var id = await engine.StartAsync(definition.Id, variables: variables, subject: EngineHarness.Subject with { Channel = channel });

        for (var step = 0; step < 40 && (await engine.StateAsync(id)).Status == WorkflowStatus.Running; step++)
        {
            var open = await engine.OpenTasksAsync(id);
            var roll = random.Next(10);
            if (roll < 6 && open.Count > 0)
            {
                var task = open[random.Next(open.Count)];
                var outcome = task.Outcomes[random.Next(task.Outcomes.Count)];
                var data = task.Kind == TaskKind.Incident ? [] : FormData(definition.FindNode(task.NodeId)!, outcome, random);
                await engine.Runtime.SendAsync(id, new CompleteTaskStimulus(task.TaskId, outcome, data, ActorIn(task.Queue), engine.Now));
            }
            else if (roll < 8)
            {
                engine.Advance(TimeSpan.FromHours(random.Next(1, 30)));
                await engine.FireDueTimersAsync();
            }
            else if (roll < 9 && open.Count > 0)
            {
                var task = open[random.Next(open.Count)];
                await engine.Runtime.SendAsync(id, new ClaimTaskStimulus(task.TaskId, ActorIn(task.Queue), engine.Now));
            }
            else if (random.Next(2) == 0)
            {
                var units = new[] { EngineHarness.Grid, EngineHarness.Village, EngineHarness.Township, EngineHarness.County, EngineHarness.Environment };
                await engine.Runtime.SendAsync(id, new ReassignStimulus(units[random.Next(units.Length)], "随机改派", EngineHarness.CountyDispatcher, engine.Now));
            }
            else
            {
                // A centre intervenes: 督办, 催办, 改派网格 or 重新分类 (refusals leave no trace and the walk goes on).
                Stimulus intervention = random.Next(4) switch
                {
                    0 => new SuperviseStimulus(EngineHarness.County, "随机督办", EngineHarness.CountyDispatcher, engine.Now),
                    1 => new UrgeStimulus("随机催办", EngineHarness.TownshipDispatcher, engine.Now),
                    2 => new RelocateStimulus(UnitCode.Parse(random.Next(2) == 0 ? "140521100001002" : "140521100002001"), "随机改派网格", EngineHarness.TownshipDispatcher, engine.Now),
                    _ => new ReclassifyStimulus(EngineHarness.Subject with { Channel = channel, CatalogueItemCode = "QS-01-00" + random.Next(2, 5) }, "随机重新分类", EngineHarness.TownshipDispatcher, engine.Now),
                };
                await engine.Runtime.SendAsync(id, intervention);
            }

            engine.Advance(TimeSpan.FromMinutes(random.Next(1, 90)));
        }

        var verify = await engine.VerifyAsync(id);
        if (!verify.ChainValid || !verify.ReplayMatches)
        {
            throw new AssertionException($"seed {seed}: {verify.Detail}");
        }

        AssertNeverPushedDown(await engine.JournalAsync(id), seed);
    }

    private static void AssertNeverPushedDown(IReadOnlyList<JournalEntry> journal, int seed)
    {
        var floorRaised = false;
        foreach (var entry in journal)
        {
            var data = CanonicalJson.ReadObject(entry.DataJson);
            if (entry.Kind is JournalKinds.Routed or JournalKinds.Escalated)
            {
                if (floorRaised && (string?)data["toLevel"] == nameof(OrgLevel.Grid))
                {
                    throw new AssertionException($"seed {seed}: seq {entry.Seq} routed to a grid after the floor was raised.");
                }

                floorRaised |= (string?)data["floor"] is nameof(OrgLevel.Township) or nameof(OrgLevel.County) or nameof(OrgLevel.City);
            }

            // A check or a visit (a task opened with a purpose) may go to the grid member; disposal may not.
            if (floorRaised && entry.Kind == JournalKinds.TaskOpened && ((string)data["queue"]!).Length == 15 && !data.ContainsKey("purpose"))
            {
                throw new AssertionException($"seed {seed}: seq {entry.Seq} opened a task at grid level after the floor was raised.");
            }
        }
    }

    private static Actor ActorIn(string queue)
    {
        var unit = UnitCode.Parse(queue);
        var role = unit.AreaLevel switch
        {
            OrgLevel.Grid => Role.GridMember,
            OrgLevel.Township or OrgLevel.County or OrgLevel.City => Role.Dispatcher,
            _ => Role.Handler,
        };
        return Actor.ForUser("u" + queue, role, unit);
    }

    /// <summary>Valid form data for an outcome, from the node's declared fields (optional fields half of the time).</summary>
    private static Dictionary<string, object?> FormData(NodeDefinition node, string outcome, Random random)
    {
        var data = new Dictionary<string, object?>();
        if (!node.Props.TryGetProperty("fields", out var fields))
        {
            return data;
        }

        foreach (var field in fields.EnumerateArray())
        {
            var required = field.TryGetProperty("required", out var r) && r.GetBoolean()
                || field.TryGetProperty("requiredFor", out var rf) && rf.EnumerateArray().Any(o => o.GetString() == outcome);
            var forOtherOutcomes = field.TryGetProperty("requiredFor", out var only) && !only.EnumerateArray().Any(o => o.GetString() == outcome);
            if (!required && (forOtherOutcomes || random.Next(2) == 0))
            {
                continue;
            }

            data[field.GetProperty("name").GetString()!] = Value(field, random);
        }

        return data;
    }

    private static object? Value(JsonElement field, Random random)
    {
        if (field.TryGetProperty("enum", out var choices))
        {
            var options = choices.EnumerateArray().ToList();
            var chosen = options[random.Next(options.Count)];
            return chosen.ValueKind == JsonValueKind.Number ? chosen.GetInt64() : chosen.GetString();
        }

        UnitCode[] units = [EngineHarness.Village, EngineHarness.Township, EngineHarness.County, EngineHarness.Police, EngineHarness.Environment];
        return field.GetProperty("type").GetString() switch
        {
            "unit" => units[random.Next(units.Length)].Value,
            "units" => new[] { EngineHarness.Police, EngineHarness.Environment }.Where(_ => random.Next(2) == 0).Select(u => (object?)u.Value).ToList(),
            "int" => (long)random.Next(
                field.TryGetProperty("min", out var min) ? min.GetInt32() : 1,
                (field.TryGetProperty("max", out var max) ? max.GetInt32() : 100) + 1),
            "number" => Math.Round(random.NextDouble() * 10, 2),
            "bool" => random.Next(2) == 0,
            _ => "说明" + random.Next(1000),
        };
    }
}
