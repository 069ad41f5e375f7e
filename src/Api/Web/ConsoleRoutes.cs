using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace GridCase.Api.Web;

/// <summary>
/// The console's own routes, from <c>routes.json</c> that the console's build writes next to index.html (its route
/// table: <c>/designer</c>, <c>/replay/:caseId</c>, …). A path matches a route segment by segment; a <c>:name</c>
/// segment matches any non-empty segment. Without the file (an API-only build) nothing matches.
/// </summary>
public sealed class ConsoleRoutes
{
    public const string FileName = "routes.json";

    private readonly IReadOnlyList<string[]> _routes;

    public ConsoleRoutes(IEnumerable<string> routes) => _routes = routes.Select(Segments).ToList();

    public static ConsoleRoutes Load(IFileProvider webRoot)
    {
        var file = webRoot.GetFileInfo(FileName);
        if (!file.Exists)
        {
            return new ConsoleRoutes([]);
        }

        using var stream = file.CreateReadStream();
        return new ConsoleRoutes(JsonSerializer.Deserialize<string[]>(stream) ?? []);
    }

    public bool Matches(PathString path)
    {
        var segments = Segments(path.Value ?? "");
        return _routes.Any(route => route.Length == segments.Length && route.Zip(segments).All(pair => SegmentMatches(pair.First, pair.Second)));
    }

    private static bool SegmentMatches(string route, string segment) =>
        route.StartsWith(':') ? segment.Length > 0 : string.Equals(route, segment, StringComparison.Ordinal);

    private static string[] Segments(string path) => path.Trim('/').Split('/');
}
