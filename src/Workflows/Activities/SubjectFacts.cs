using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;

namespace GridCase.Workflows.Activities;

/// <summary>
/// What activities may know about the subject of a workflow (a case): where it is, what it is about, and
/// how it was triaged. Fixed at start; difficulty and scope are set by triage through variables of those names.
/// </summary>
public sealed record SubjectFacts(
    UnitCode GridCode,
    string CatalogueItemCode,
    string CategoryCode,
    UnitCode OwningDepartment,
    string Channel,
    IReadOnlyDictionary<Difficulty, int> TimeLimitHours)
{
    /// <summary>Names of facts expressions and decision tables may read (besides declared variables).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["difficulty", "scope", "category", "channel", "item", "owningDepartment", "responsibleUnit", "dispatchingUnit"];

    /// <summary>Expression values: facts first, variables override (difficulty and scope live in variables).</summary>
    /// <param name="responsibility">When given, <c>responsibleUnit</c> and <c>dispatchingUnit</c> are its unit codes.</param>
    public IReadOnlyDictionary<string, object?> Values(IReadOnlyDictionary<string, object?> variables, Responsibility? responsibility = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["difficulty"] = null,
            ["scope"] = null,
            ["category"] = CategoryCode,
            ["channel"] = Channel,
            ["item"] = CatalogueItemCode,
            ["owningDepartment"] = OwningDepartment.Value,
            ["responsibleUnit"] = responsibility?.ResponsibleUnit.Value,
            ["dispatchingUnit"] = responsibility?.DispatchingUnit?.Value,
        };
        foreach (var (name, value) in variables)
        {
            values[name] = value;
        }

        return values;
    }
}

/// <summary>Who is responsible now, who dispatched it, and the highest level it has been routed to.</summary>
public sealed record Responsibility(UnitCode ResponsibleUnit, UnitCode? DispatchingUnit, OrgLevel Floor);
