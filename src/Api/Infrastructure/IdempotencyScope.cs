using System.Security.Cryptography;
using System.Text.Json;
using GridCase.Persistence.Idempotency;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> of the current request, if any. The filter claims the key before the work; the
/// work records its response through <see cref="RecordAsync"/> inside its own transaction.
/// </summary>
public sealed class IdempotencyScope(IdempotencyStore store, IOptions<JsonOptions> json)
{
    public string? UserId { get; private set; }
    public string? Key { get; private set; }
    public bool Recorded { get; private set; }

    public void Claim(string userId, string key)
    {
        UserId = userId;
        Key = key;
    }

    public async Task RecordAsync<TResponse>(TResponse response, int statusCode, string? location, CancellationToken cancellationToken)
    {
        if (UserId is null || Key is null)
        {
            return;
        }

        await store.MarkDoneAsync(UserId, Key, statusCode, JsonSerializer.Serialize(response, json.Value.SerializerOptions), location, cancellationToken);
        Recorded = true;
    }
}

/// <summary>
/// Makes an endpoint idempotent per user and key: a repeat of a finished request gets the stored response;
/// the same key with another body is 422; a repeat while the first is still running is 409.
/// </summary>
public sealed class IdempotencyFilter(IServiceScopeFactory scopes, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return await next(context);
        }

        if (key.Length > 200)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(Header, "Idempotency-Key 最多 200 个字符 / Idempotency-Key has at most 200 characters.")]);
        }

        var user = http.User.ToActor().UserId;
        var hash = await RequestHashAsync(http);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var (begin, stored) = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>()
                .BeginAsync(user, key, hash, clock.GetUtcNow().UtcDateTime, http.RequestAborted);
            switch (begin)
            {
                case IdempotencyBegin.Replay:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    if (stored!.Location is { } location)
                    {
                        http.Response.Headers.Location = location;
                    }

                    return Results.Text(stored.ResponseJson ?? "null", "application/json", statusCode: stored.StatusCode);
                case IdempotencyBegin.Mismatch:
                    throw new GridCase.Domain.DomainRuleException("idempotency-key-reused", "此 Idempotency-Key 已用于另一个请求 / This Idempotency-Key was used for a different request.");
                case IdempotencyBegin.InFlight:
                    throw new GridCase.Domain.InvalidTransitionException("idempotency-in-flight", "使用此 Idempotency-Key 的请求仍在处理中 / A request with this Idempotency-Key is still being processed.");
            }
        }

        http.RequestServices.GetRequiredService<IdempotencyScope>().Claim(user, key);
        try
        {
            var result = await next(context);
            if (!http.RequestServices.GetRequiredService<IdempotencyScope>().Recorded)
            {
                await ForgetAsync(user, key);
            }

            return result;
        }
        catch
        {
            await ForgetAsync(user, key);
            throw;
        }
    }

    private async Task ForgetAsync(string user, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().ForgetPendingAsync(user, key, CancellationToken.None);
    }

    private static async Task<string> RequestHashAsync(HttpContext http)
    {
        http.Request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        http.Request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
