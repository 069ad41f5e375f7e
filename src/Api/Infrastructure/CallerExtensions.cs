using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Infrastructure;

public static class GridCaseClaims
{
    public const string Unit = "unit";
}

public static class CallerExtensions
{
    /// <summary>The signed-in user as an <see cref="Actor"/> (name, role, unit from the token).</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub")
            ?? throw new AuthenticationFailedException();
        var role = Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role) ?? throw new AuthenticationFailedException());
        var unit = UnitCode.Parse(principal.FindFirstValue(GridCaseClaims.Unit));
        return Actor.ForUser(name, role, unit);
    }
}
