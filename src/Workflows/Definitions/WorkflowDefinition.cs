using System.Text.Json;

namespace GridCase.Workflows.Definitions;

/// <summary>
/// A flowchart as policy administrators write it: nodes with typed properties, joined from an outcome port
/// to the next node. The same shape is a draft (version 0) or a published, immutable version.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Name,
    string? ChangeNote,
    IReadOnlyDictionary<string, VariableType> Variables,
    IReadOnlyList<NodeDefinition> Nodes,
    IReadOnlyList<Connection> Connections)
{
    public NodeDefinition? FindNode(string nodeId) => Nodes.FirstOrDefault(n => n.Id == nodeId);

    public IEnumerable<Connection> From(string nodeId, string outcome) =>
        Connections.Where(c => c.From == nodeId && c.Outcome == outcome);
}

/// <summary>One step of the flowchart. <see cref="Props"/> is the activity type's own configuration.</summary>
public sealed record NodeDefinition(string Id, string Type, string? Title, JsonElement Props, NodeLayout? Layout);

public sealed record NodeLayout(double X, double Y);

/// <summary>Joins the <see cref="Outcome"/> port of node <see cref="From"/> to node <see cref="To"/>.</summary>
public sealed record Connection(string From, string Outcome, string To);

public enum VariableType
{
    Int,
    Number,
    String,
    Bool,

    /// <summary>A list of unit codes (a JSON array of strings), e.g. the departments a task goes to one by one.</summary>
    Units,
}
