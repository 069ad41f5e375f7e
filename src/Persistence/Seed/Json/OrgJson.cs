namespace GridCase.Persistence.Seed.Json;

internal sealed record CityJson(string Code, string Name, IReadOnlyList<string> Counties, IReadOnlyList<UnitJson> Departments);

internal sealed record CountyJson(string Code, string Name, IReadOnlyList<UnitJson> Departments, IReadOnlyList<TownshipJson> Townships);

internal sealed record TownshipJson(string Code, string Name, IReadOnlyList<UnitJson> Stations, IReadOnlyList<VillageJson> Villages);

/// <summary>A village or community; its grids are not listed but generated from <see cref="Grids"/>.</summary>
internal sealed record VillageJson(string Code, string Name, int Grids);

/// <summary>A department (county, city) or a township station (站所).</summary>
internal sealed record UnitJson(string Code, string Name);
