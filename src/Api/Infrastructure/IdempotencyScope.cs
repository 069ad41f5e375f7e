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

    /// <summary>
    /// Before a unit of work runs again after a transient failure: if its commit had landed after all (the answer
    /// was lost, not the work), the stored response is the answer (<see cref="AlreadyRecordedException"/>).
    /// </summary>
    public async Task BeforeRetryAsync(CancellationToken cancellationToken)
    {
        Recorded = false;
        if (UserId is null || Key is null)
        {
            return;
        }

        if (await store.FindDoneAsync(UserId, Key, cancellationToken) is { } done)
        {
            throw new AlreadyRecordedException(done);
        }
    }
}

/// <summary>A retried unit of work found that its first attempt had committed; the filter answers with <see cref="Stored"/>.</summary>
public sealed class AlreadyRecordedException(IdempotencyRecord stored) : Exception("The request's first attempt committed.")
{
    public IdempotencyRecord Stored { get; } = stored;
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
                    return Replay(http, stored!);
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
        catch (AlreadyRecordedException landed)
        {
            return Replay(http, landed.Stored);
        }
        catch
        {
            await ForgetAsync(user, key);
            throw;
        }
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord stored)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Text(stored.ResponseJson ?? "null", "application/json", statusCode: stored.StatusCode);
    }

    private async Task ForgetAsync(string user, string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().ForgetPendingAsync(user, key, CancellationToken.None);
    }

    /// <summary>
    /// The hash of the method, the path and the body. A JSON body is hashed in a canonical form (no whitespace,
    /// object properties in ordinal order, strings re-escaped one way), so a client that re-serialises the same
    /// request differently still replays; any other body is hashed as its bytes.
    /// </summary>
    internal static async Task<string> RequestHashAsync(HttpContext http)
    {
        http.Request.Body.Position = 0;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        http.Request.Body.Position = 0;
        return RequestHash(http.Request.Method, http.Request.Path, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    internal static string RequestHash(string method, string path, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(method + " " + path + "\n"));
        var canonical = CanonicalJson(body);
        sha.AppendData(canonical is null ? body : canonical.AsSpan());
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The canonical form of a JSON document, or null when <paramref name="body"/> is not JSON.</summary>
    internal static byte[]? CanonicalJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed) || reader.Read())
            {
                parsed?.Dispose();
                return null;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var output = new System.Buffers.ArrayBufferWriter<byte>(body.Length);
            using (var writer = new Utf8JsonWriter(output))
            {
                WriteCanonical(writer, document.RootElement);
            }

            return output.WrittenSpan.ToArray();
        }
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
