using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GridCase.Workflows.Definitions;

[JsonConverter(typeof(JsonStringEnumConverter<DiffChange>))]
public enum DiffChange
{
    [JsonStringEnumMemberName("unchanged")] Unchanged,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("changed")] Changed,

    /// <summary>Only the node's position in the designer changed.</summary>
    [JsonStringEnumMemberName("moved")] Moved,
}

/// <summary>Two versions of a definition compared node by node, shaped for the API and the designer.</summary>
public sealed record DefinitionComparison(
    string FromId,
    int FromVersion,
    string ToId,
    int ToVersion,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<VariableDiff> Variables,
    IReadOnlyList<NodeDiff> Nodes,
    IReadOnlyList<ConnectionDiff> Connections)
{
    /// <summary>Whether anything but layout differs.</summary>
    public bool ChangesBehaviour =>
        Fields.Count > 0
        || Variables.Any(v => v.Change != DiffChange.Unchanged)
        || Nodes.Any(n => n.Change is not (DiffChange.Unchanged or DiffChange.Moved))
        || Connections.Any(c => c.Change != DiffChange.Unchanged);
}

/// <param name="Fields">For a changed or moved node: <c>type</c>, <c>title</c>, <c>props.…</c> (a JSON path into the props) and <c>layout</c>.</param>
public sealed record NodeDiff(string Id, string Type, string? Title, DiffChange Change, IReadOnlyList<FieldChange> Fields);

/// <summary>One value that differs; <c>null</c> on a side where the field is absent.</summary>
public sealed record FieldChange(string Field, JsonNode? From, JsonNode? To);

public sealed record ConnectionDiff(string From, string Outcome, string To, DiffChange Change);

/// <param name="From">The variable's type before (<c>int</c>, <c>number</c>, <c>string</c>, <c>bool</c>), null when added.</param>
public sealed record VariableDiff(string Name, DiffChange Change, string? From, string? To);

/// <summary>
/// Compares two definitions (usually two versions of one id). Props are compared as JSON values, not text:
/// property order and number spelling (<c>1</c> and <c>1.0</c>) do not count. A node whose only difference is
/// its layout is <see cref="DiffChange.Moved"/>, not changed.
/// </summary>
public static class DefinitionDiff
{
    public static DefinitionComparison Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        var fields = new List<FieldChange>();
        if (from.Name != to.Name)
        {
            fields.Add(new FieldChange("name", from.Name, to.Name));
        }

        return new DefinitionComparison(
            from.Id, from.Version, to.Id, to.Version, fields, CompareVariables(from, to), CompareNodes(from, to), CompareConnections(from, to));
    }

    private static List<VariableDiff> CompareVariables(WorkflowDefinition from, WorkflowDefinition to)
    {
        static string Name(VariableType type) => type.ToString().ToLowerInvariant();

        var diffs = new List<VariableDiff>();
        foreach (var (name, type) in to.Variables)
        {
            diffs.Add(from.Variables.TryGetValue(name, out var before)
                ? new VariableDiff(name, before == type ? DiffChange.Unchanged : DiffChange.Changed, Name(before), Name(type))
                : new VariableDiff(name, DiffChange.Added, null, Name(type)));
        }

        diffs.AddRange(from.Variables.Where(v => !to.Variables.ContainsKey(v.Key))
            .Select(v => new VariableDiff(v.Key, DiffChange.Removed, Name(v.Value), null)));
        return diffs;
    }

    /// <summary>Nodes in the order of <paramref name="to"/>, then the removed ones in the order of <paramref name="from"/>.</summary>
    private static List<NodeDiff> CompareNodes(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = FirstById(from.Nodes);
        var after = FirstById(to.Nodes);
        var diffs = new List<NodeDiff>();
        foreach (var node in Distinct(to.Nodes))
        {
            if (!before.TryGetValue(node.Id, out var old))
            {
                diffs.Add(new NodeDiff(node.Id, node.Type, node.Title, DiffChange.Added, []));
                continue;
            }

            var changes = new List<FieldChange>();
            if (old.Type != node.Type)
            {
                changes.Add(new FieldChange("type", old.Type, node.Type));
            }

            if (old.Title != node.Title)
            {
                changes.Add(new FieldChange("title", old.Title, node.Title));
            }

            CompareJson("props", old.Props, node.Props, changes);
            var behaviourChanged = changes.Count > 0;
            if (old.Layout != node.Layout)
            {
                changes.Add(new FieldChange("layout", Layout(old.Layout), Layout(node.Layout)));
            }

            var change = behaviourChanged ? DiffChange.Changed : changes.Count > 0 ? DiffChange.Moved : DiffChange.Unchanged;
            diffs.Add(new NodeDiff(node.Id, node.Type, node.Title, change, changes));
        }

        diffs.AddRange(Distinct(from.Nodes).Where(n => !after.ContainsKey(n.Id))
            .Select(n => new NodeDiff(n.Id, n.Type, n.Title, DiffChange.Removed, [])));
        return diffs;
    }

    private static List<ConnectionDiff> CompareConnections(WorkflowDefinition from, WorkflowDefinition to)
    {
        var before = from.Connections.ToHashSet();
        var after = to.Connections.ToHashSet();
        return to.Connections.Distinct()
            .Select(c => new ConnectionDiff(c.From, c.Outcome, c.To, before.Contains(c) ? DiffChange.Unchanged : DiffChange.Added))
            .Concat(from.Connections.Distinct().Where(c => !after.Contains(c))
                .Select(c => new ConnectionDiff(c.From, c.Outcome, c.To, DiffChange.Removed)))
            .ToList();
    }

    /// <summary>Objects are compared key by key (so a change names the deepest property); anything else as a whole value.</summary>
    private static void CompareJson(string path, JsonElement? from, JsonElement? to, List<FieldChange> changes)
    {
        if (from is { ValueKind: JsonValueKind.Object } a && to is { ValueKind: JsonValueKind.Object } b)
        {
            var left = a.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            var right = b.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
            foreach (var name in right.Keys.Concat(left.Keys.Where(k => !right.ContainsKey(k))))
            {
                CompareJson(
                    $"{path}.{name}",
                    left.TryGetValue(name, out var l) ? l : null,
                    right.TryGetValue(name, out var r) ? r : null,
                    changes);
            }

            return;
        }

        if (from is { } x && to is { } y && JsonElement.DeepEquals(x, y))
        {
            return;
        }

        changes.Add(new FieldChange(path, ToNode(from), ToNode(to)));
    }

    private static JsonNode? ToNode(JsonElement? element) =>
        element is { ValueKind: not JsonValueKind.Null } e ? JsonNode.Parse(e.GetRawText()) : null;

    private static JsonObject? Layout(NodeLayout? layout) =>
        layout is null ? null : new JsonObject { ["x"] = layout.X, ["y"] = layout.Y };

    /// <summary>The first node of each id, in document order (a draft may repeat an id; the validator reports it).</summary>
    private static IEnumerable<NodeDefinition> Distinct(IEnumerable<NodeDefinition> nodes) =>
        nodes.DistinctBy(n => n.Id, StringComparer.Ordinal);

    private static Dictionary<string, NodeDefinition> FirstById(IEnumerable<NodeDefinition> nodes) =>
        Distinct(nodes).ToDictionary(n => n.Id, StringComparer.Ordinal);
}
