using GridCase.Workflows.Ports;

namespace GridCase.Persistence.Workflows;

/// <summary>A published (or retired) definition version: immutable but for its status.</summary>
public sealed class WorkflowDefinitionVersionRow
{
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public required VersionStatus Status { get; init; }
    public required string Name { get; init; }
    public required string ChangeNote { get; init; }
    public required string PublishedBy { get; init; }
    public required DateTime PublishedAt { get; init; }

    /// <summary>The document as <see cref="GridCase.Workflows.Definitions.DefinitionJson"/> writes it.</summary>
    public required string Document { get; init; }
}

/// <summary>The one draft of a definition, replaced on every save.</summary>
public sealed class WorkflowDraftRow
{
    public required string DefinitionId { get; init; }
    public required string Document { get; init; }
    public required string SavedBy { get; init; }
    public required DateTime SavedAt { get; init; }
    public int? BasedOnVersion { get; init; }
}
