using System.Collections.Concurrent;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Published versions compiled once per process. Only immutable things are cached: a published version
/// never changes, so a cached compilation never goes stale.
/// </summary>
public sealed class CompiledWorkflowCache(DefinitionValidator validator)
{
    private readonly ConcurrentDictionary<(string Id, int Version), CompiledWorkflow> _compiled = new();

    public async Task<CompiledWorkflow?> GetAsync(IDefinitionStore store, string definitionId, int version, CancellationToken cancellationToken = default)
    {
        if (_compiled.TryGetValue((definitionId, version), out var cached))
        {
            return cached;
        }

        var definition = await store.GetVersionAsync(definitionId, version, cancellationToken);
        if (definition is null)
        {
            return null;
        }

        var result = validator.Validate(definition);
        var compiled = result.Compiled
            ?? throw new InvalidOperationException($"Published {definitionId} v{version} does not compile: {string.Join("; ", result.Problems.Select(p => p.Message))}");
        return _compiled.GetOrAdd((definitionId, version), compiled);
    }
}
