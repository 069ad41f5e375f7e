using System.Security.Claims;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GridCase.Api.Auth;

/// <summary>Issues signed bearer tokens carrying the user's name, role, unit and security stamp (see <see cref="LiveAccounts"/>).</summary>
public sealed class TokenIssuer(SigningKey signingKey, GridCaseSettings settings, TimeProvider clock)
{
    public const string Issuer = "gridcase";
    public const string Audience = "gridcase-api";

    public (string Token, DateTimeOffset ExpiresAt) Issue(User user)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.TokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.UserName),
                new Claim(JwtRegisteredClaimNames.Name, user.DisplayName),
                new Claim(GridCaseClaims.Role, user.Role.ToString()),
                new Claim(GridCaseClaims.Unit, user.UnitCode.Value),
                new Claim(GridCaseClaims.Stamp, user.SecurityStamp),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = signingKey.Key,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = GridCaseClaims.Role,
    };
}
