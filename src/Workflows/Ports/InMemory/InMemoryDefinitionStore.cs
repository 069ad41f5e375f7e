using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Ports.InMemory;

/// <summary>Definitions in memory, for the engine's own tests. Thread-safe by one lock.</summary>
public sealed class InMemoryDefinitionStore : IDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(WorkflowDefinition Definition, VersionInfo Info)>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DraftInfo> _drafts = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var ids = _versions.Keys.Union(_drafts.Keys).Order(StringComparer.Ordinal);
            IReadOnlyList<DefinitionSummary> list = ids.Select(id =>
            {
                var latest = _versions.TryGetValue(id, out var versions) && versions.Count > 0 ? versions[^1] : default;
                var name = latest.Definition?.Name ?? _drafts[id].Definition.Name;
                return new DefinitionSummary(id, name, latest.Definition?.Version, _drafts.ContainsKey(id));
            }).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<VersionInfo>> ListVersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<VersionInfo> list = _versions.TryGetValue(definitionId, out var versions) ? versions.Select(v => v.Info).ToList() : [];
            return Task.FromResult(list);
        }
    }

    public Task<WorkflowDefinition?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_versions.TryGetValue(definitionId, out var versions)
                ? versions.Find(v => v.Definition.Version == version).Definition
                : null);
        }
    }

    public Task<int?> LatestPublishedVersionAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            int? latest = _versions.TryGetValue(definitionId, out var versions)
                ? versions.Where(v => v.Info.Status == VersionStatus.Published).Select(v => (int?)v.Definition.Version).LastOrDefault()
                : null;
            return Task.FromResult(latest);
        }
    }

    public Task<DraftInfo?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_drafts.GetValueOrDefault(definitionId));
        }
    }

    public Task SaveDraftAsync(DraftInfo draft, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _drafts[draft.Definition.Id] = draft with { Definition = draft.Definition with { Version = 0 } };
        }

        return Task.CompletedTask;
    }

    public Task<int> PublishAsync(WorkflowDefinition definition, string changeNote, string publishedBy, DateTime publishedAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_versions.TryGetValue(definition.Id, out var versions))
            {
                versions = [];
                _versions[definition.Id] = versions;
            }

            var next = versions.Count + 1;
            var published = definition with { Version = next, ChangeNote = changeNote };
            versions.Add((published, new VersionInfo(definition.Id, next, VersionStatus.Published, definition.Name, changeNote, publishedBy, publishedAt)));
            _drafts.Remove(definition.Id);
            return Task.FromResult(next);
        }
    }

    public Task RetireAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var versions = _versions.GetValueOrDefault(definitionId) ?? [];
            var index = versions.FindIndex(v => v.Definition.Version == version);
            if (index < 0)
            {
                throw new KeyNotFoundException($"{definitionId} v{version} is not published.");
            }

            versions[index] = versions[index] with { Info = versions[index].Info with { Status = VersionStatus.Retired } };
        }

        return Task.CompletedTask;
    }
}
