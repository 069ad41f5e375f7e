using System.Security.Claims;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GridCase.Api.Auth;

/// <summary>
/// Ties a signed-in identity to the live account: the user still exists, is not disabled and, for tokens GridCase
/// issued, the token's security stamp is still the account's (a new password, role or unit, or disabling, changes
/// it). Each node remembers an account's state for at most <see cref="Ttl"/>, so a change made on another node
/// reaches every node within that time; the node that makes a change calls <see cref="Forget"/> and refuses at once.
/// A cache hit costs no query.
/// </summary>
public sealed class LiveAccounts(IMemoryCache cache, IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when <paramref name="userName"/> may act now. A <paramref name="stamp"/> of <c>null</c> checks only that the
    /// account exists and is enabled (for identities whose tokens another issuer signs, mapped to a GridCase user).
    /// </summary>
    public async ValueTask<bool> CheckAsync(string userName, string? stamp, CancellationToken cancellationToken = default)
    {
        var account = await StateAsync(userName, cancellationToken);
        return account is { Disabled: false } && (stamp is null || account.Stamp == stamp);
    }

    /// <summary>
    /// The live account of <paramref name="userName"/> (name, role, unit) when it exists and is enabled, else null: how a
    /// provider's token (another issuer) becomes a GridCase user, with no query while the account is remembered.
    /// </summary>
    public async ValueTask<LiveAccount?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        await StateAsync(userName, cancellationToken) is { Disabled: false } account
            ? new LiveAccount(userName, account.DisplayName, account.Role, account.Unit)
            : null;

    /// <summary>Drops what this node remembers of the account (call it after committing a change to it).</summary>
    public void Forget(string userName) => cache.Remove(Key(userName));

    private async ValueTask<AccountState?> StateAsync(string userName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(Key(userName), out Remembered? remembered) && remembered is not null && now - remembered.At < Ttl)
        {
            return remembered.State;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        var state = await db.Users.AsNoTracking()
            .Where(u => u.UserName == userName)
            .Select(u => new AccountState(u.SecurityStamp, u.DisabledAt != null, u.DisplayName, u.Role, u.UnitCode))
            .SingleOrDefaultAsync(cancellationToken);
        cache.Set(Key(userName), new Remembered(state, now), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Ttl, Size = 1 });
        return state;
    }

    private static string Key(string userName) => "live-account:" + userName;

    private sealed record AccountState(string Stamp, bool Disabled, string DisplayName, Role Role, UnitCode Unit);

    private sealed record Remembered(AccountState? State, DateTimeOffset At);

    /// <summary>JwtBearer's <c>OnTokenValidated</c>: a token of an account that is gone, disabled or re-stamped is refused.</summary>
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal;
        var userName = principal?.FindFirstValue(GridCaseClaims.Subject);
        var stamp = principal?.FindFirstValue(GridCaseClaims.Stamp);
        var accounts = context.HttpContext.RequestServices.GetRequiredService<LiveAccounts>();
        if (userName is null || stamp is null || !await accounts.CheckAsync(userName, stamp, context.HttpContext.RequestAborted))
        {
            context.Fail(new AccountNotLiveException());
        }
    }

    /// <summary>JwtBearer's <c>OnChallenge</c>: says why such a token was refused, as ProblemDetails.</summary>
    public static async Task OnChallenge(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is not AccountNotLiveException refused)
        {
            return;
        }

        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = refused.Message,
                Detail = refused.Message,
                Type = ProblemExceptionHandler.TypeBase + "account-not-live",
            },
        });
    }
}

/// <summary>An enabled account as the live-account check last read it.</summary>
public sealed record LiveAccount(string UserName, string DisplayName, Role Role, UnitCode Unit);

/// <summary>The token's account is gone, disabled, or has changed since the token was issued.</summary>
public sealed class AccountNotLiveException()
    : Exception("登录已失效（账号已停用或已变更），请重新登录 / The sign-in is no longer valid (the account was disabled or changed); sign in again.");
