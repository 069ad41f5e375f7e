using System.Security.Claims;
using GridCase.Api.Infrastructure;
using GridCase.Api.Reference.ListOrgUnits;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using Mediator;

namespace GridCase.Api.Events.Reassign;

/// <summary>
/// Where a dispatcher may send a case by hand: within the dispatcher's own area, or one step up to the centre directly
/// above (上报, an escalation). A township centre cannot send a case to another county's unit, nor straight to the city.
/// The reassignment checks it; the console asks for the list (<see cref="ReassignTargetsQuery"/>) instead of copying it.
/// </summary>
public static class ReassignTargets
{
    public static bool Allows(Actor caller, OrgDirectory org, OrgUnit target) =>
        CallerScope.For(caller).Covers(target.Code.Value)
        || (caller.Unit is { } unit && org.Find(unit)?.ParentCode == target.Code);

    /// <summary>
    /// The units a dispatcher may choose for <paramref name="subject"/>: allowed, not retired, not the unit that has it
    /// now, and not a level the no-push-down rule forbids at the case's floor.
    /// </summary>
    public static IEnumerable<OrgUnit> For(Actor caller, OrgDirectory org, Case subject, IResponsibilityRules rules)
    {
        if (caller.Role != Role.Dispatcher || caller.Unit is not { } unit)
        {
            return [];
        }

        var above = org.Find(unit)?.ParentCode is { } parent ? org.Find(parent) : null;
        return org.SelfAndDescendants(unit)
            .Concat(above is null ? [] : [above])
            .Where(u => !u.IsRetired && u.Code != subject.ResponsibleUnit && !rules.Forbids(subject.Floor, u.Level))
            .OrderBy(u => u.Level).ThenBy(u => u.Code.Value, StringComparer.Ordinal);
    }
}

/// <summary>The units the caller may reassign the event to (<see cref="ReassignTargets"/>); empty for anyone but a dispatcher.</summary>
public sealed record ReassignTargetsQuery(Guid EventId, Actor Caller) : IQuery<IReadOnlyList<OrgUnitResponse>>;

public sealed class ReassignTargetsHandler(EventAccess access, OrgSnapshot org, IResponsibilityRules rules)
    : IQueryHandler<ReassignTargetsQuery, IReadOnlyList<OrgUnitResponse>>
{
    public async ValueTask<IReadOnlyList<OrgUnitResponse>> Handle(ReassignTargetsQuery query, CancellationToken cancellationToken)
    {
        var subject = await access.VisibleAsync(query.EventId, query.Caller, cancellationToken);
        return [.. ReassignTargets.For(query.Caller, org.Current, subject, rules).Select(OrgUnitResponse.From)];
    }
}

public static class ReassignTargetsEndpoint
{
    public static void MapReassignTargets(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/events/{id:guid}/reassign-targets", async (Guid id, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReassignTargetsQuery(id, user.ToActor()), ct)))
            .WithTags("Events")
            .WithSummary("The units the calling dispatcher may reassign this event to: within its area or the centre directly above, "
                + "not retired, not the current unit, none the no-push-down rule forbids at the case's floor.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
