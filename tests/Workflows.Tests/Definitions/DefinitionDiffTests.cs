using System.Text.Json;
using System.Text.Json.Nodes;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Tests.Definitions;

public sealed class DefinitionDiffTests
{
    private const string V1 = """
        {
          "id": "event-handling", "version": 1, "name": "事件分级流转", "changeNote": "first",
          "variables": { "difficulty": "int", "scope": "string" },
          "nodes": [
            { "id": "report", "type": "Start", "title": "上报", "layout": { "x": 0, "y": 0 } },
            { "id": "triage", "type": "HumanTask", "title": "研判分类", "layout": { "x": 200, "y": 0 },
              "props": { "queue": { "level": "Township" }, "outcomes": ["filed", "invalid"], "deadline": { "workingHours": 2, "warnAt": 0.8 } } },
            { "id": "close", "type": "End", "title": "结案", "layout": { "x": 400, "y": 0 }, "props": { "closureCode": "resolved" } }
          ],
          "connections": [
            { "from": "report", "outcome": "done", "to": "triage" },
            { "from": "triage", "outcome": "filed", "to": "close" },
            { "from": "triage", "outcome": "invalid", "to": "close" }
          ]
        }
        """;

    private static WorkflowDefinition V1Definition() => Sketch.Parse(V1);

    /// <summary>V1 with its JSON edited (version 2 unless the edit says otherwise).</summary>
    private static WorkflowDefinition V2(Action<JsonObject> edit)
    {
        var document = JsonNode.Parse(V1)!.AsObject();
        document["version"] = 2;
        edit(document);
        return Sketch.Parse(document.ToJsonString());
    }

    private static JsonObject NodeOf(JsonObject document, string id) =>
        document["nodes"]!.AsArray().Single(n => (string?)n!["id"] == id)!.AsObject();

    private static NodeDiff NodeDiffOf(DefinitionComparison comparison, string id) => comparison.Nodes.Single(n => n.Id == id);

    [Test]
    public void Identical_versions_have_every_node_and_connection_unchanged()
    {
        var comparison = DefinitionDiff.Compare(V1Definition(), V2(_ => { }));

        Assert.That(comparison.Nodes.Select(n => n.Change), Is.All.EqualTo(DiffChange.Unchanged));
        Assert.That(comparison.Connections.Select(c => c.Change), Is.All.EqualTo(DiffChange.Unchanged));
        Assert.That(comparison.Connections, Has.Count.EqualTo(3));
        Assert.That(comparison.ChangesBehaviour, Is.False);
        Assert.That((comparison.FromVersion, comparison.ToVersion), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Props_are_compared_as_json_values_not_as_text()
    {
        var to = V2(d => NodeOf(d, "triage")["props"] = JsonNode.Parse(
            """{ "deadline": { "warnAt": 0.80, "workingHours": 2.0 }, "outcomes": ["filed", "invalid"], "queue": { "level": "Township" } }"""));

        var comparison = DefinitionDiff.Compare(V1Definition(), to);

        Assert.That(NodeDiffOf(comparison, "triage").Change, Is.EqualTo(DiffChange.Unchanged));
    }

    [Test]
    public void A_props_change_names_the_deepest_property_with_both_values()
    {
        var to = V2(d => NodeOf(d, "triage")["props"]!["deadline"]!["workingHours"] = 4);

        var triage = NodeDiffOf(DefinitionDiff.Compare(V1Definition(), to), "triage");

        Assert.That(triage.Change, Is.EqualTo(DiffChange.Changed));
        Assert.That(triage.Fields.Select(f => (f.Field, f.From?.ToJsonString(), f.To?.ToJsonString())),
            Is.EqualTo(new[] { ("props.deadline.workingHours", "2", "4") }));
    }

    [Test]
    public void An_array_in_props_is_compared_as_a_whole()
    {
        var to = V2(d => NodeOf(d, "triage")["props"]!["outcomes"] = new JsonArray("filed", "invalid", "duplicate"));

        var field = NodeDiffOf(DefinitionDiff.Compare(V1Definition(), to), "triage").Fields.Single();

        Assert.That(field.Field, Is.EqualTo("props.outcomes"));
        Assert.That(field.To!.ToJsonString(), Is.EqualTo("""["filed","invalid","duplicate"]"""));
    }

    [Test]
    public void A_props_property_added_or_removed_has_null_on_the_missing_side()
    {
        var to = V2(d =>
        {
            var props = NodeOf(d, "triage")["props"]!.AsObject();
            props.Remove("deadline");
            props["form"] = "triage";
        });

        var fields = NodeDiffOf(DefinitionDiff.Compare(V1Definition(), to), "triage").Fields;

        Assert.That(fields.Select(f => (f.Field, f.From is null, f.To is null)),
            Is.EqualTo(new[] { ("props.form", true, false), ("props.deadline", false, true) }));
    }

    [Test]
    public void A_node_that_only_moved_is_moved_not_changed()
    {
        var to = V2(d => NodeOf(d, "triage")["layout"] = new JsonObject { ["x"] = 240, ["y"] = 80 });

        var comparison = DefinitionDiff.Compare(V1Definition(), to);
        var triage = NodeDiffOf(comparison, "triage");

        Assert.That(triage.Change, Is.EqualTo(DiffChange.Moved));
        Assert.That(triage.Fields.Single().Field, Is.EqualTo("layout"));
        Assert.That(triage.Fields.Single().To!.ToJsonString(), Is.EqualTo("""{"x":240,"y":80}"""));
        Assert.That(comparison.ChangesBehaviour, Is.False);
    }

    [Test]
    public void A_node_that_moved_and_changed_is_changed_and_lists_both()
    {
        var to = V2(d =>
        {
            NodeOf(d, "triage")["layout"] = new JsonObject { ["x"] = 240, ["y"] = 80 };
            NodeOf(d, "triage")["title"] = "研判分类（案卷建立）";
            NodeOf(d, "triage")["type"] = "Decision";
        });

        var triage = NodeDiffOf(DefinitionDiff.Compare(V1Definition(), to), "triage");

        Assert.That(triage.Change, Is.EqualTo(DiffChange.Changed));
        Assert.That(triage.Fields.Select(f => f.Field), Is.EqualTo(new[] { "type", "title", "layout" }));
    }

    [Test]
    public void Nodes_added_and_removed_are_listed_with_their_connections()
    {
        var to = V2(d =>
        {
            d["nodes"]!.AsArray().Add(JsonNode.Parse("""{ "id": "close_invalid", "type": "End", "title": "作废", "props": { "closureCode": "invalid" } }"""));
            d["nodes"]!.AsArray().Remove(NodeOf(d, "close"));
            d["nodes"]!.AsArray().Add(JsonNode.Parse("""{ "id": "close_resolved", "type": "End", "title": "办结" }"""));
            d["connections"] = JsonNode.Parse("""
                [ { "from": "report", "outcome": "done", "to": "triage" },
                  { "from": "triage", "outcome": "filed", "to": "close_resolved" },
                  { "from": "triage", "outcome": "invalid", "to": "close_invalid" } ]
                """);
        });

        var comparison = DefinitionDiff.Compare(V1Definition(), to);

        Assert.That(comparison.Nodes.Select(n => (n.Id, n.Change)), Is.EqualTo(new[]
        {
            ("report", DiffChange.Unchanged), ("triage", DiffChange.Unchanged), ("close_invalid", DiffChange.Added),
            ("close_resolved", DiffChange.Added), ("close", DiffChange.Removed),
        }));
        Assert.That(comparison.Connections.Select(c => ($"{c.From}.{c.Outcome}->{c.To}", c.Change)), Is.EqualTo(new[]
        {
            ("report.done->triage", DiffChange.Unchanged), ("triage.filed->close_resolved", DiffChange.Added),
            ("triage.invalid->close_invalid", DiffChange.Added), ("triage.filed->close", DiffChange.Removed),
            ("triage.invalid->close", DiffChange.Removed),
        }));
        Assert.That(comparison.ChangesBehaviour);
    }

    [Test]
    public void Variables_and_the_name_are_compared_too()
    {
        var to = V2(d =>
        {
            d["name"] = "事件分级流转（试行）";
            d["variables"] = JsonNode.Parse("""{ "difficulty": "number", "satisfaction": "int" }""");
        });

        var comparison = DefinitionDiff.Compare(V1Definition(), to);

        Assert.That(comparison.Fields.Single().Field, Is.EqualTo("name"));
        Assert.That(comparison.Variables, Is.EqualTo(new[]
        {
            new VariableDiff("difficulty", DiffChange.Changed, "int", "number"),
            new VariableDiff("satisfaction", DiffChange.Added, null, "int"),
            new VariableDiff("scope", DiffChange.Removed, "string", null),
        }));
    }

    [Test]
    public void The_comparison_serializes_to_the_api_shape()
    {
        var to = V2(d => NodeOf(d, "triage")["layout"] = new JsonObject { ["x"] = 240, ["y"] = 80 });

        var json = JsonNode.Parse(JsonSerializer.Serialize(DefinitionDiff.Compare(V1Definition(), to), JsonSerializerOptions.Web))!;

        var triage = json["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "triage")!;
        Assert.That((string?)triage["change"], Is.EqualTo("moved"));
        Assert.That((string?)triage["fields"]![0]!["field"], Is.EqualTo("layout"));
        Assert.That((double?)triage["fields"]![0]!["to"]!["x"], Is.EqualTo(240));
        Assert.That((string?)json["connections"]![0]!["change"], Is.EqualTo("unchanged"));
        Assert.That((string?)json["connections"]![0]!["outcome"], Is.EqualTo("done"));
    }
}
