using GridCase.Workflows.Definitions;
using GridCase.Workflows.Ports;

namespace GridCase.Api.Workflows;

/// <summary>
/// Publishes the definitions shipped in <c>workflow-definitions/&lt;id&gt;/v&lt;N&gt;.json</c> that the store does not
/// have yet, in version order, so every installation starts from the same published history.
/// </summary>
public sealed class ShippedDefinitions(IDefinitionStore store, DefinitionValidator validator, TimeProvider clock, ILogger<ShippedDefinitions> logger)
{
    public const string Publisher = "gridcase";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "workflow-definitions");

    public async Task ImportAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            logger.LogWarning("No shipped workflow definitions at {Folder}.", Folder);
            return;
        }

        foreach (var directory in Directory.GetDirectories(Folder).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(directory);
            var latest = (await store.ListVersionsAsync(id, cancellationToken)).Select(v => v.Version).DefaultIfEmpty(0).Max();
            var files = Directory.GetFiles(directory, "v*.json")
                .Select(f => (File: f, Version: int.TryParse(Path.GetFileNameWithoutExtension(f)[1..], out var v) ? v : 0))
                .Where(f => f.Version > latest)
                .OrderBy(f => f.Version);
            foreach (var (file, version) in files)
            {
                var (definition, problems) = DefinitionJson.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                var all = definition is null ? problems : validator.Validate(definition).Problems;
                if (definition is null || all.Count > 0 || definition.Id != id || definition.Version != version)
                {
                    throw new InvalidOperationException($"Shipped definition {file} is not valid: {string.Join("; ", all.Select(p => p.Message))}");
                }

                var published = await store.PublishAsync(definition, definition.ChangeNote ?? "shipped", Publisher, clock.GetUtcNow().UtcDateTime, cancellationToken);
                if (published != version)
                {
                    throw new InvalidOperationException($"Shipped {id} v{version} was published as v{published}: the store's history differs from the shipped one.");
                }

                logger.LogInformation("Published shipped workflow {Id} v{Version}.", id, version);
            }
        }
    }
}
