using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Ports;

public enum VersionStatus
{
    Published,
    Retired,
}

/// <summary>A published version's record: who published it, when, and why.</summary>
public sealed record VersionInfo(string DefinitionId, int Version, VersionStatus Status, string Name, string ChangeNote, string PublishedBy, DateTime PublishedAt);

/// <summary>A definition's draft: the document as last saved, by whom and when.</summary>
public sealed record DraftInfo(WorkflowDefinition Definition, string SavedBy, DateTime SavedAt, int? BasedOnVersion);

/// <summary>One line of the definition list.</summary>
public sealed record DefinitionSummary(string Id, string Name, int? LatestVersion, bool HasDraft);

/// <summary>
/// Versioned definitions: a draft per definition, published versions immutable and numbered 1, 2, 3…
/// </summary>
public interface IDefinitionStore
{
    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>A published (or retired) version, or <c>null</c>.</summary>
    Task<WorkflowDefinition?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>The highest version that is published and not retired, or <c>null</c>.</summary>
    Task<int?> LatestPublishedVersionAsync(string definitionId, CancellationToken cancellationToken = default);

    Task<DraftInfo?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) the draft. Never touches a published version.</summary>
    Task SaveDraftAsync(DraftInfo draft, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <paramref name="definition"/> as the next version (its own <c>Version</c> is ignored) and removes the
    /// draft, atomically; returns the new version number. Two concurrent publishes never get the same number.
    /// </summary>
    Task<int> PublishAsync(WorkflowDefinition definition, string changeNote, string publishedBy, DateTime publishedAt, CancellationToken cancellationToken = default);

    /// <summary>Marks a version retired: it still runs the instances pinned to it but starts no new ones.</summary>
    Task RetireAsync(string definitionId, int version, CancellationToken cancellationToken = default);
}
