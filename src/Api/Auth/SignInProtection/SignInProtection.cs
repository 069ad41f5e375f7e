using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>Marks the sign-in endpoint: the per-address and per-user-name limits apply to it.</summary>
public sealed record SignInLimited;

/// <summary>
/// Sign-in hardening: per client address and per user name limits (ASP.NET Core's rate limiter, partitioned; 429 with
/// Retry-After before any password is checked), the lockout after repeated wrong passwords and the bounded password
/// check (see <see cref="SignInLockout"/> and <see cref="SignInPasswordCheck"/>).
/// </summary>
public static class SignInProtection
{
    private const string UserNameItem = "GridCase.SignIn.UserName";
    private const string TooManyAttempts = "登录尝试过于频繁，请稍后再试 / Too many sign-in attempts; try again later.";

    public static RouteHandlerBuilder RequireSignInLimits(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new SignInLimited());

    public static IServiceCollection AddSignInProtection(this IServiceCollection services, SignInSettings settings)
    {
        services.AddSingleton<SignInPasswordCheck>();
        services.AddSingleton<UnknownUserLockouts>();
        services.AddScoped<SignInLockout>();
        return services.AddRateLimiter(options =>
        {
            // Only the sign-in endpoint is limited (and only its branch of the pipeline runs the limiter, see below).
            // The user name first: the middleware tries a refused request twice (at once, then "waiting" with no
            // queue), and a chain takes its permits up to the limiter that refuses. Name first, a hammered name does
            // not use up its address's minute twice over for everyone else behind that address (an office's NAT).
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context) && context.Items[UserNameItem] is string userName
                    ? RateLimitPartition.GetFixedWindowLimiter("user " + userName, _ => PerMinute(settings.PerUserPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("address " + AddressKey(context.Connection.RemoteIpAddress), _ => PerMinute(settings.PerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
    }

    /// <summary>Reads the user name from the sign-in request's body ahead of the endpoint, then applies the limits.</summary>
    public static IApplicationBuilder UseSignInProtection(this IApplicationBuilder app) =>
        app.UseWhen(IsSignIn, branch => branch.Use(ReadUserNameAsync).UseRateLimiter());

    /// <summary>
    /// The partition of a client address: IPv4 addresses one by one, IPv6 by /64 (one subscriber's network); no
    /// address (an in-process test host) is one partition of its own.
    /// </summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static bool IsSignIn(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SignInLimited>() is not null;

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static async Task ReadUserNameAsync(HttpContext context, RequestDelegate next)
    {
        // The whole body, as the endpoint will read it (padding cannot push the name out of sight); bounded by Kestrel's limit.
        context.Request.EnableBuffering();
        string? userName = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                // Matched as the endpoint binds it: names case-insensitively, the last one wins.
                foreach (var property in body.RootElement.EnumerateObject())
                {
                    if (string.Equals(property.Name, "username", StringComparison.OrdinalIgnoreCase))
                    {
                        userName = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint answers 400 without checking a password.
        }
        finally
        {
            context.Request.Body.Position = 0;
        }

        if (!string.IsNullOrWhiteSpace(userName))
        {
            var key = userName.Trim().ToLowerInvariant();
            context.Items[UserNameItem] = key.Length > User.MaxUserNameLength ? key[..(User.MaxUserNameLength + 1)] : key;
        }

        await next(context);
    }

    private static async ValueTask WriteRejectionAsync(Microsoft.AspNetCore.RateLimiting.OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var later = new RetryLaterException(StatusCodes.Status429TooManyRequests, "too-many-sign-ins", TooManyAttempts, retryAfter);
        var context = rejected.HttpContext;
        context.Response.Headers.RetryAfter = later.RetryAfterSeconds;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = later.Status,
                Title = later.Message,
                Detail = later.Message,
                Type = ProblemExceptionHandler.TypeBase + later.Code,
            },
        });
    }
}
