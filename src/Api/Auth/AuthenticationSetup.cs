using System.Security.Claims;
using GridCase.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GridCase.Api.Auth;

/// <summary>
/// Bearer tokens: GridCase's own (issued by <c>POST /api/auth/token</c>) and, when <c>GridCase:Auth:Authority</c> is set,
/// an OpenID Connect provider's. A token is sent to the scheme of its issuer; a provider's token is accepted only for a
/// GridCase user (the configured claim is the user name), and carries that user's role and unit from then on.
/// </summary>
public static class AuthenticationSetup
{
    public const string ExternalScheme = "oidc";
    private const string SelectorScheme = "GridCase";

    public static void AddGridCaseAuthentication(this IServiceCollection services, GridCaseSettings settings)
    {
        var external = settings.ExternalIdentity;
        var authentication = services.AddAuthentication(external is null ? JwtBearerDefaults.AuthenticationScheme : SelectorScheme);
        authentication.AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((options, issuer) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = issuer.ValidationParameters();
                options.Events = new JwtBearerEvents { OnTokenValidated = LiveAccounts.OnTokenValidated, OnChallenge = LiveAccounts.OnChallenge };
            });
        if (external is null)
        {
            return;
        }

        var externalIssuer = external.Authority.ToString().TrimEnd('/');
        authentication.AddPolicyScheme(SelectorScheme, "GridCase or OpenID Connect", options =>
            options.ForwardDefaultSelector = context => IssuerOf(context.Request) == externalIssuer ? ExternalScheme : JwtBearerDefaults.AuthenticationScheme);
        authentication.AddJwtBearer(ExternalScheme, options =>
        {
            options.Authority = external.Authority.ToString();
            options.Audience = external.Audience;
            options.RequireHttpsMetadata = external.RequireHttpsMetadata;
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidIssuers = [externalIssuer, externalIssuer + "/"];
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context => MapToGridCaseUserAsync(context, external.UserClaim),
                OnChallenge = LiveAccounts.OnChallenge,
            };
        });
    }

    /// <summary>The provider vouches for who the person is; GridCase decides their role and unit.</summary>
    private static async Task MapToGridCaseUserAsync(TokenValidatedContext context, string userClaim)
    {
        var userName = context.Principal?.FindFirstValue(userClaim);
        // A cache hit costs no query; a disabled or changed account stops within the live-account check's TTL.
        var user = string.IsNullOrWhiteSpace(userName)
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<LiveAccounts>().FindAsync(userName, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.Fail(new AccountNotLiveException());
            return;
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(GridCaseClaims.Subject, user.UserName),
                new Claim(JwtRegisteredClaimNames.Name, user.DisplayName),
                new Claim(GridCaseClaims.Role, user.Role.ToString()),
                new Claim(GridCaseClaims.Unit, user.Unit.Value),
            ],
            ExternalScheme, GridCaseClaims.Subject, GridCaseClaims.Role));
    }

    private static string? IssuerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        return handler.CanReadToken(token) ? new JsonWebToken(token).Issuer.TrimEnd('/') : null;
    }
}
