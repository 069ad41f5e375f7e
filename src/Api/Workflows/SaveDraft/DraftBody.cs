using System.Text.Json;

namespace GridCase.Api.Workflows.SaveDraft;

/// <summary>
/// A workflow definition document, as <c>PUT /api/workflow-definitions/{id}/draft</c> takes it (the full format is
/// workflow-definitions/schema.json). The draft is saved even with problems, which the answer lists; this type
/// documents the body for OpenAPI, the handler reads the JSON itself.
/// </summary>
/// <param name="Id">The definition id, e.g. <c>event-handling</c>.</param>
/// <param name="Name">The name shown to people, e.g. <c>事件处置流程</c>.</param>
/// <param name="Version">Ignored on a draft; publishing numbers the version.</param>
/// <param name="ChangeNote">Why this change (shown in the version history).</param>
/// <param name="Variables">The case variables the workflow reads, by name, each <c>int</c>, <c>number</c>, <c>string</c> or <c>bool</c>.</param>
/// <param name="Nodes">The steps.</param>
/// <param name="Connections">The arrows: from a node, on an outcome, to a node.</param>
public sealed record DraftBody(
    string Id,
    string Name,
    int? Version,
    string? ChangeNote,
    IReadOnlyDictionary<string, string>? Variables,
    IReadOnlyList<DraftNode> Nodes,
    IReadOnlyList<DraftConnection>? Connections);

/// <summary>One step of a workflow.</summary>
/// <param name="Id">Unique in the document, e.g. <c>triage</c>.</param>
/// <param name="Type">The activity, e.g. <c>userTask</c>, <c>decision</c>, <c>end</c>.</param>
/// <param name="Title">The step's name for people.</param>
/// <param name="Props">The activity's settings (queue, outcomes, form, deadline, expression …).</param>
/// <param name="Layout">Where the designer draws it.</param>
public sealed record DraftNode(string Id, string Type, string? Title, JsonElement? Props, DraftLayout? Layout);

/// <summary>A node's position on the designer's canvas.</summary>
public sealed record DraftLayout(double X, double Y);

/// <summary>An arrow between two nodes.</summary>
/// <param name="From">The node it leaves.</param>
/// <param name="Outcome">The outcome it follows (<c>done</c> when omitted).</param>
/// <param name="To">The node it enters.</param>
public sealed record DraftConnection(string From, string? Outcome, string To);
