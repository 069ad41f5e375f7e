using Mediator;

namespace GridCase.Api.Reference.ListOrgUnits;

public sealed record ListOrgUnitsQuery(string? Parent, string? Level) : IQuery<IReadOnlyList<OrgUnitResponse>>;

public sealed record OrgUnitResponse(string Code, string Name, string Level, string? ParentCode, string Kind)
{
    public static OrgUnitResponse From(GridCase.Domain.Organisation.OrgUnit u) => new(u.Code.Value, u.Name, u.Level.ToString(), u.ParentCode?.Value, u.Kind.ToString());
}
