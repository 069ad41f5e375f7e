using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCase.Workflows.Definitions;

/// <summary>Reads and writes definition documents (the format described in workflow-definitions/README.md).</summary>
public static class DefinitionJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a document; format errors are returned as problems, never thrown.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            return (null, [DefinitionProblem.General(ProblemCodes.Format, "The document is not valid JSON: " + ex.Message)]);
        }
    }

    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Parse(JsonElement root)
    {
        var problems = new List<DefinitionProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [DefinitionProblem.General(ProblemCodes.Format, "A definition is a JSON object.")]);
        }

        var id = String(root, "id", problems, required: true) ?? "";
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
        var name = String(root, "name", problems, required: true) ?? "";
        var changeNote = String(root, "changeNote", problems, required: false);

        var variables = new Dictionary<string, VariableType>(StringComparer.Ordinal);
        if (root.TryGetProperty("variables", out var vars) && vars.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in vars.EnumerateObject())
            {
                if (variable.Value.ValueKind == JsonValueKind.String && Enum.TryParse<VariableType>(variable.Value.GetString(), ignoreCase: true, out var type))
                {
                    variables[variable.Name] = type;
                }
                else
                {
                    problems.Add(DefinitionProblem.General(ProblemCodes.Format, $"Variable '{variable.Name}' must have a type: int, number, string or bool."));
                }
            }
        }

        var nodes = new List<NodeDefinition>();
        if (!root.TryGetProperty("nodes", out var nodesElement) || nodesElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, "'nodes' must be an array."));
        }
        else
        {
            foreach (var node in nodesElement.EnumerateArray())
            {
                var nodeId = node.ValueKind == JsonValueKind.Object ? String(node, "id", problems, required: true) : null;
                var type = node.ValueKind == JsonValueKind.Object ? String(node, "type", problems, required: true) : null;
                if (nodeId is null || type is null)
                {
                    problems.Add(DefinitionProblem.General(ProblemCodes.Format, "Every node needs an 'id' and a 'type'."));
                    continue;
                }

                var props = node.TryGetProperty("props", out var p) ? p.Clone() : EmptyObject();
                NodeLayout? layout = null;
                if (node.TryGetProperty("layout", out var l) && l.ValueKind == JsonValueKind.Object
                    && l.TryGetProperty("x", out var x) && x.ValueKind == JsonValueKind.Number
                    && l.TryGetProperty("y", out var y) && y.ValueKind == JsonValueKind.Number)
                {
                    layout = new NodeLayout(x.GetDouble(), y.GetDouble());
                }

                nodes.Add(new NodeDefinition(nodeId, type, node.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null, props, layout));
            }
        }

        var connections = new List<Connection>();
        if (root.TryGetProperty("connections", out var connectionsElement) && connectionsElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var connection in connectionsElement.EnumerateArray())
            {
                var from = connection.ValueKind == JsonValueKind.Object ? String(connection, "from", problems, required: true) : null;
                var to = connection.ValueKind == JsonValueKind.Object ? String(connection, "to", problems, required: true) : null;
                var outcome = connection.ValueKind == JsonValueKind.Object ? String(connection, "outcome", problems, required: false) : null;
                if (from is null || to is null)
                {
                    problems.Add(DefinitionProblem.General(ProblemCodes.Format, "Every connection needs 'from' and 'to'."));
                    continue;
                }

                connections.Add(new Connection(from, outcome ?? "done", to));
            }
        }
        else if (root.TryGetProperty("connections", out _))
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, "'connections' must be an array."));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new WorkflowDefinition(id, version, name, changeNote, variables, nodes, connections), problems);
    }

    public static string Write(WorkflowDefinition definition) => ToJson(definition).ToJsonString(Indented);

    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        var variables = new JsonObject();
        foreach (var (name, type) in definition.Variables)
        {
            variables[name] = type.ToString().ToLowerInvariant();
        }

        var root = new JsonObject
        {
            ["id"] = definition.Id,
            ["version"] = definition.Version,
            ["name"] = definition.Name,
            ["changeNote"] = definition.ChangeNote,
            ["variables"] = variables,
            ["nodes"] = new JsonArray(definition.Nodes.Select(n =>
            {
                var node = new JsonObject { ["id"] = n.Id, ["type"] = n.Type };
                if (n.Title is not null)
                {
                    node["title"] = n.Title;
                }

                node["props"] = JsonNode.Parse(n.Props.GetRawText());
                if (n.Layout is { } layout)
                {
                    node["layout"] = new JsonObject { ["x"] = layout.X, ["y"] = layout.Y };
                }

                return (JsonNode)node;
            }).ToArray()),
            ["connections"] = new JsonArray(definition.Connections
                .Select(c => (JsonNode)new JsonObject { ["from"] = c.From, ["outcome"] = c.Outcome, ["to"] = c.To }).ToArray()),
        };
        return root;
    }

    private static string? String(JsonElement element, string name, List<DefinitionProblem> problems, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(DefinitionProblem.General(ProblemCodes.Format, $"'{name}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(DefinitionProblem.General(ProblemCodes.Format, $"'{name}' must be a string."));
            return null;
        }

        return value.GetString();
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
