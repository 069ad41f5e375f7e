using System.Text.Json.Serialization;

namespace GridCase.Persistence.Seed.Json;

// Source-generated so the demo start pays no reflection warm-up; strict so a typo in the data fails loudly.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CityJson))]
[JsonSerializable(typeof(CountyJson))]
[JsonSerializable(typeof(CatalogueJson))]
internal sealed partial class SeedJsonContext : JsonSerializerContext
{
}
