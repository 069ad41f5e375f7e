using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace GridCase.Persistence.Seed.Json;

/// <summary>Reads a JSON file embedded from <c>Seed/Data/</c>.</summary>
internal static class SeedResource
{
    private const string Prefix = "GridCase.Persistence.Seed.Data.";

    public static T Read<T>(string fileName, JsonTypeInfo<T> type)
    {
        using var stream = typeof(SeedResource).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidDataException($"The seed file '{fileName}' is not embedded.");
        return JsonSerializer.Deserialize(stream, type)
            ?? throw new InvalidDataException($"The seed file '{fileName}' is empty.");
    }
}
