using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using Json.Schema;

namespace GridCase.Workflows.Tests.Shipped;

/// <summary>Every published version shipped in <c>workflow-definitions/</c> is well formed, valid and numbered without gaps.</summary>
public sealed partial class ShippedDefinitionsTests
{
    private static readonly string Root = Path.Combine(RepositoryRoot(), "workflow-definitions");

    public static IEnumerable<TestCaseData> Files() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Root)
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(Root, f).Replace('\\', '/')).SetArgDisplayNames(Path.GetRelativePath(Root, f)));

    public static IEnumerable<TestCaseData> DefinitionIds() =>
        Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal)
            .Select(d => new TestCaseData(Path.GetFileName(d)).SetArgDisplayNames(Path.GetFileName(d)));

    [Test]
    public void The_default_definition_is_shipped() =>
        Assert.That(File.Exists(Path.Combine(Root, "event-handling", "v1.json")));

    [TestCaseSource(nameof(Files))]
    public void A_shipped_file_is_named_after_its_version(string file) =>
        Assert.That(Path.GetFileName(file), Does.Match(VersionFileName()), "files in a definition folder are v<N>.json only");

    [TestCaseSource(nameof(Files))]
    public void A_shipped_file_is_valid_against_the_schema(string file)
    {
        var schema = Schema();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));

        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        Assert.That(result.IsValid, Is.True, string.Join(Environment.NewLine, errors));
    }

    [TestCaseSource(nameof(Files))]
    public void A_shipped_file_passes_the_validator_with_the_default_activities(string file)
    {
        var definition = Read(file);

        var result = new DefinitionValidator(DefaultActivities.Create()).Validate(definition);

        Assert.That(result.Problems.Select(p => $"{p.Code} [{string.Join(", ", p.NodeIds)}] {p.Message}"), Is.Empty);
        Assert.That(result.Compiled, Is.Not.Null);
    }

    [TestCaseSource(nameof(Files))]
    public void A_shipped_file_names_its_folder_and_its_version(string file)
    {
        var definition = Read(file);

        Assert.That(definition.Id, Is.EqualTo(Path.GetDirectoryName(file)));
        Assert.That($"v{definition.Version}.json", Is.EqualTo(Path.GetFileName(file)));
    }

    [TestCaseSource(nameof(Files))]
    public void A_shipped_file_reads_back_as_it_was_written(string file)
    {
        var definition = Read(file);

        var reread = ParseDocument(DefinitionJson.Write(definition));

        Assert.That(DefinitionDiff.Compare(definition, reread).Nodes.Select(n => n.Change), Is.All.EqualTo(DiffChange.Unchanged));
        Assert.That(reread.Connections, Is.EqualTo(definition.Connections));
    }

    [TestCaseSource(nameof(DefinitionIds))]
    public void The_versions_of_a_definition_run_from_one_without_gaps(string id)
    {
        var versions = Directory.EnumerateFiles(Path.Combine(Root, id), "v*.json")
            .Select(f => VersionFileName().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

        Assert.That(versions, Is.EqualTo(Enumerable.Range(1, versions.Count)));
        Assert.That(versions, Is.Not.Empty);
    }

    [TestCase("version", "0")]
    [TestCase("id", "\"Event_Handling\"")]
    [TestCase("changeNote", "\"\"")]
    [TestCase("owner", "\"nobody\"")]
    public void The_schema_refuses_a_damaged_default_definition(string property, string json)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "event-handling", "v1.json")))!.AsObject();
        document[property] = JsonNode.Parse(json);

        Assert.That(Evaluate(document).IsValid, Is.False);
    }

    [Test]
    public void The_schema_refuses_a_node_without_a_title_and_a_connection_without_an_outcome()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "event-handling", "v1.json")))!.AsObject();
        document["nodes"]![1]!.AsObject().Remove("title");
        var withoutTitle = Evaluate(document).IsValid;
        document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "event-handling", "v1.json")))!.AsObject();
        document["connections"]![0]!.AsObject().Remove("outcome");

        Assert.That((withoutTitle, Evaluate(document).IsValid), Is.EqualTo((false, false)));
    }

    // The re-dispatch after a return offers township, county and department only. Offering the grid as well
    // (redispatch ─grid─► route_grid) would let every node that raised the floor reach the grid route.
    [Test]
    public void Offering_the_grid_on_re_dispatch_in_the_default_definition_is_refused_as_push_down()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "event-handling", "v1.json")))!.AsObject();
        var redispatch = document["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "redispatch")!;
        redispatch["props"]!["outcomes"]!.AsArray().Add("grid");
        document["connections"]!.AsArray().Add(new JsonObject { ["from"] = "redispatch", ["outcome"] = "grid", ["to"] = "route_grid" });

        var result = new DefinitionValidator(DefaultActivities.Create()).Validate(ParseDocument(document.ToJsonString()));

        Assert.That(result.Problems.Select(p => p.Code), Is.All.EqualTo(ProblemCodes.PushDownPath));
        Assert.That(result.Problems.Select(p => p.NodeIds[1]), Is.All.EqualTo("route_grid"));
        Assert.That(result.Problems.Select(p => p.NodeIds[0]), Is.EquivalentTo(new[]
        {
            "cross_lead", "escalate", "escalate_overdue", "reroute_county", "reroute_department", "reroute_township",
            "route_county", "route_department", "route_township", "return_to_dispatching",
        }));
        Assert.That(result.Problems.Single(p => p.NodeIds[0] == "route_county").Message,
            Does.Contain(" / route_county → handle → return_to_dispatching → redispatch → route_grid: "));
    }

    private static EvaluationResults Evaluate(JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return Schema().Evaluate(parsed.RootElement);
    }

    // A registry of its own each time: the global one refuses a second schema with the same $id.
    private static JsonSchema Schema() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static WorkflowDefinition Read(string file) => ParseDocument(File.ReadAllText(Path.Combine(Root, file)));

    private static WorkflowDefinition ParseDocument(string json)
    {
        var (definition, problems) = DefinitionJson.Parse(json);
        Assert.That(problems, Is.Empty);
        return definition!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GridCase.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GridCase.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("^v([1-9][0-9]*)\\.json$")]
    private static partial Regex VersionFileName();
}
