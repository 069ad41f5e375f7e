using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;

namespace GridCase.Api.Administration.Catalogue;

public sealed record BatchCategory(string Code, string Name);

/// <summary>Working hours per difficulty (1 简单, 2 一般, 3 复杂, 4 重大).</summary>
public sealed record BatchTimeLimits(int Simple, int Ordinary, int Complex, int Major);

public sealed record BatchItem(
    string Code,
    string Name,
    string CategoryCode,
    string OwningDepartment,
    string DefaultLevel,
    BatchTimeLimits TimeLimits,
    bool CountsTowardClosureRate)
{
    /// <summary>The item as it would enter the catalogue at <paramref name="version"/> (input already validated).</summary>
    public CatalogueItem ToDomain(int version) => new(
        Code,
        Name,
        CategoryCode,
        UnitCode.Parse(OwningDepartment),
        Enum.Parse<OrgLevel>(DefaultLevel),
        new Dictionary<Difficulty, int>
        {
            [Difficulty.Simple] = TimeLimits.Simple,
            [Difficulty.Ordinary] = TimeLimits.Ordinary,
            [Difficulty.Complex] = TimeLimits.Complex,
            [Difficulty.Major] = TimeLimits.Major,
        },
        CountsTowardClosureRate,
        version);
}

/// <summary>
/// What a batch proposes (stored as <see cref="CatalogueBatchRow.Content"/>), with the catalogue version it was checked
/// against when proposed.
/// </summary>
public sealed record BatchContent(int BaseVersion, IReadOnlyList<BatchCategory> Categories, IReadOnlyList<BatchItem> Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BatchContent FromJson(string json) =>
        JsonSerializer.Deserialize<BatchContent>(json, Json) ?? throw new InvalidDataException("A catalogue batch without content.");

    /// <summary>
    /// Checks the batch as the next version of <paramref name="catalogue"/> with the domain's rules, and admits it to
    /// that catalogue (the caller's own copy) when nothing is wrong; otherwise returns the problems.
    /// </summary>
    public IReadOnlyList<CatalogueBatchProblem> AdmitTo(MatterCatalogue catalogue, OrgDirectory organisation)
    {
        var categories = Categories.Select(c => new CatalogueCategory(c.Code, c.Name)).ToList();
        var items = Items.Select(i => i.ToDomain(catalogue.Version + 1)).ToList();
        var problems = catalogue.Check(categories, items, organisation);
        if (problems.Count == 0)
        {
            catalogue.AdmitBatch(categories, items);
        }

        return problems;
    }
}

public sealed record BatchResponse(
    Guid Id,
    string County,
    string Status,
    string Note,
    int BaseVersion,
    IReadOnlyList<BatchCategory> Categories,
    IReadOnlyList<BatchItem> Items,
    string ProposedBy,
    DateTime ProposedAt,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? DecisionNote,
    int? Version)
{
    public static BatchResponse From(CatalogueBatchRow row)
    {
        var content = BatchContent.FromJson(row.Content);
        return new BatchResponse(row.Id, row.County.Value, row.Status.ToString(), row.Note, content.BaseVersion, content.Categories, content.Items,
            row.ProposedBy, row.ProposedAt, row.DecidedBy, row.DecidedAt, row.DecisionNote, row.Version);
    }
}

/// <summary>Which counties' catalogues a system administrator governs: those in its area.</summary>
public static class AdministeredCounty
{
    /// <summary>
    /// The county named by a route, if it exists and lies in the caller's area; otherwise 404, whether it does not
    /// exist or the caller may not know it.
    /// </summary>
    public static OrgUnit Resolve(OrgDirectory organisation, string? county, Actor caller) =>
        UnitCode.TryParse(county, out var code)
        && organisation.Find(code) is { Kind: UnitKind.Area, Level: OrgLevel.County } unit
        && CallerScope.For(caller).Covers(unit.Code.Value)
            ? unit
            : throw new NotFoundException($"县（区）{county}", $"County {county}");
}
