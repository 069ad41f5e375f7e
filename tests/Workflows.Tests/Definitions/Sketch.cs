using System.Text.Json.Nodes;
using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Tests.Definitions;

/// <summary>
/// Writes a small definition document from one line per node and per connection, then reads it with
/// <see cref="DefinitionJson"/>, so that tests read like the sketches above them:
/// nodes <c>"route:FakeRoute {\"to\":\"Township\"}"</c> (<c>id:Type</c>, then the props as JSON),
/// connections <c>"triage.filed -> route"</c> (the outcome defaults to <c>done</c>).
/// </summary>
internal static class Sketch
{
    public static WorkflowDefinition Flow(IEnumerable<string> nodes, IEnumerable<string> connections, string variables = "{}") =>
        Parse(Document(nodes, connections, variables).ToJsonString());

    public static JsonObject Document(IEnumerable<string> nodes, IEnumerable<string> connections, string variables = "{}") => new()
    {
        ["id"] = "sketch",
        ["version"] = 0,
        ["name"] = "草图",
        ["variables"] = JsonNode.Parse(variables),
        ["nodes"] = new JsonArray(nodes.Select(Node).ToArray()),
        ["connections"] = new JsonArray(connections.Select(Connection).ToArray()),
    };

    public static WorkflowDefinition Parse(string json)
    {
        var (definition, problems) = DefinitionJson.Parse(json);
        Assert.That(problems, Is.Empty, "the fixture itself must parse");
        return definition!;
    }

    private static JsonNode Node(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? line : line[..space];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        return new JsonObject
        {
            ["id"] = head[..colon],
            ["type"] = head[(colon + 1)..],
            ["props"] = space < 0 ? new JsonObject() : JsonNode.Parse(line[(space + 1)..]),
        };
    }

    private static JsonNode Connection(string line)
    {
        var parts = line.Split("->", StringSplitOptions.TrimEntries);
        var dot = parts[0].IndexOf('.', StringComparison.Ordinal);
        return new JsonObject
        {
            ["from"] = dot < 0 ? parts[0] : parts[0][..dot],
            ["outcome"] = dot < 0 ? "done" : parts[0][(dot + 1)..],
            ["to"] = parts[1],
        };
    }
}
