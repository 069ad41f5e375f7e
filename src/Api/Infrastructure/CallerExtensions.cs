using System.Security.Claims;
using GridCase.Domain;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Infrastructure;

public static class GridCaseClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Unit = "unit";

    /// <summary>The account's security stamp when the token was issued; a token whose stamp is no longer the account's is refused.</summary>
    public const string Stamp = "stamp";
}

public static class CallerExtensions
{
    /// <summary>The signed-in user as an <see cref="Actor"/> (name, role, unit from the token).</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var name = principal.FindFirstValue(GridCaseClaims.Subject);
        var role = principal.FindFirstValue(GridCaseClaims.Role);
        var unit = principal.FindFirstValue(GridCaseClaims.Unit);
        if (name is null || !Enum.TryParse<Role>(role, out var parsedRole) || !UnitCode.TryParse(unit, out var parsedUnit))
        {
            throw new AuthenticationFailedException();
        }

        return Actor.ForUser(name, parsedRole, parsedUnit);
    }
}
