using System.Text.Json;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Tests.Definitions;

public sealed class DefinitionJsonTests
{
    private const string Document = """
        {
          // comments and trailing commas are tolerated in hand-written files
          "id": "event-handling", "version": 3, "name": "事件分级流转", "changeNote": "核查改由派遣单位负责",
          "variables": { "difficulty": "int", "ratio": "number", "scope": "string", "urgent": "bool", },
          "nodes": [
            { "id": "report", "type": "Start", "title": "信息收集", "layout": { "x": 0, "y": 120.5 } },
            { "id": "triage", "type": "HumanTask", "title": "研判分类",
              "props": { "queue": { "level": "Township" }, "outcomes": ["filed", "invalid"],
                         "fields": [{ "name": "difficulty", "type": "int", "min": 1, "max": 4 }] } },
            { "id": "close", "type": "End", "props": { "closureCode": "resolved" } },
          ],
          "connections": [
            { "from": "report", "outcome": "done", "to": "triage" },
            { "from": "triage", "outcome": "filed", "to": "close" },
            { "from": "triage", "outcome": "invalid", "to": "close" },
          ],
        }
        """;

    [Test]
    public void A_document_survives_a_round_trip_unchanged()
    {
        var original = Sketch.Parse(Document);

        var written = DefinitionJson.Write(original);
        var reread = Sketch.Parse(written);

        Assert.That(reread.Id, Is.EqualTo("event-handling"));
        Assert.That(reread.Version, Is.EqualTo(3));
        Assert.That(reread.ChangeNote, Is.EqualTo("核查改由派遣单位负责"));
        Assert.That(reread.Variables, Is.EquivalentTo(original.Variables));
        Assert.That(reread.Connections, Is.EqualTo(original.Connections));
        Assert.That(reread.Nodes.Select(n => (n.Id, n.Type, n.Title, n.Layout)), Is.EqualTo(original.Nodes.Select(n => (n.Id, n.Type, n.Title, n.Layout))));
        Assert.That(DefinitionDiff.Compare(original, reread).Nodes.Select(n => n.Change), Is.All.EqualTo(DiffChange.Unchanged));
        Assert.That(DefinitionJson.Write(reread), Is.EqualTo(written), "writing is stable");
    }

    [Test]
    public void Chinese_text_is_written_as_is_not_escaped()
    {
        var written = DefinitionJson.Write(Sketch.Parse(Document));

        Assert.That(written, Does.Contain("\"事件分级流转\"").And.Contain("研判分类"));
    }

    [Test]
    public void A_node_without_props_reads_as_an_empty_object_and_a_connection_without_an_outcome_as_done()
    {
        var definition = Sketch.Parse("""
            { "id": "x", "name": "x", "nodes": [ { "id": "report", "type": "Start" }, { "id": "close", "type": "End" } ],
              "connections": [ { "from": "report", "to": "close" } ] }
            """);

        Assert.That(definition.Nodes[0].Props.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(definition.Nodes[0].Layout, Is.Null);
        Assert.That(definition.Connections.Single().Outcome, Is.EqualTo("done"));
        Assert.That(definition.Version, Is.Zero, "no version is a draft");
    }

    [TestCase("{ not json", "not valid JSON")]
    [TestCase("[]", "a JSON object")]
    [TestCase("""{ "name": "x", "nodes": [] }""", "'id' is required")]
    [TestCase("""{ "id": "x", "name": "x", "nodes": {} }""", "'nodes' must be an array")]
    [TestCase("""{ "id": "x", "name": "x", "nodes": [], "connections": {} }""", "'connections' must be an array")]
    [TestCase("""{ "id": "x", "name": "x", "nodes": [ { "id": "report" } ] }""", "'type' is required")]
    [TestCase("""{ "id": "x", "name": "x", "nodes": [], "variables": { "n": "decimal" } }""", "Variable 'n'")]
    [TestCase("""{ "id": "x", "name": "x", "nodes": [], "connections": [ { "from": "a" } ] }""", "'to' is required")]
    public void A_malformed_document_is_a_format_problem_not_an_exception(string json, string expected)
    {
        var (definition, problems) = DefinitionJson.Parse(json);

        Assert.That(definition, Is.Null);
        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems.Select(p => p.Code), Is.All.EqualTo(ProblemCodes.Format));
        Assert.That(problems.Select(p => p.Message), Has.Some.Contain(expected));
    }
}
