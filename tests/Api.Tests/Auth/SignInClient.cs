using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using GridCase.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Auth;

/// <summary>One answer of <c>POST /api/auth/token</c>, with how long it took.</summary>
public sealed record SignInAnswer(int Status, string? RetryAfter, string? Type, string? Title, TimeSpan Took)
{
    public override string ToString() => $"{Status} {Type} {Title} (Retry-After {RetryAfter})";
}

/// <summary>Signs in on the in-process API from a chosen client address (the test server has none of its own).</summary>
public static class SignInClient
{
    public const string ProblemBase = "https://gridcase.dev/problems/";

    /// <summary>
    /// The demo API with the sign-in limits at their real values (the shared test factory lifts them): 10 attempts a
    /// minute per user name, 30 per address, 5 wrong passwords in a row lock the account for 15 minutes.
    /// </summary>
    public static WebApplicationFactory<Program> WithRealSignInLimits(
        this GridCaseApiFactory factory, TimeProvider clock, int concurrentChecks = 2, int queuedChecks = 32) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("GridCase:Auth:SignIn:PerUserPerMinute", "10");
            b.UseSetting("GridCase:Auth:SignIn:PerAddressPerMinute", "30");
            b.UseSetting("GridCase:Auth:SignIn:LockoutThreshold", "5");
            b.UseSetting("GridCase:Auth:SignIn:LockoutDuration", "00:15:00");
            b.UseSetting("GridCase:Auth:SignIn:ConcurrentPasswordChecks", concurrentChecks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("GridCase:Auth:SignIn:QueuedPasswordChecks", queuedChecks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureServices(s => s.AddSingleton(clock));
        });

    public static async Task<SignInAnswer> SignInAsync(this WebApplicationFactory<Program> app, string userName, string password, string address)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { username = userName, password });
        var clock = Stopwatch.StartNew();
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/auth/token";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            // The test server's own body pipe would stay empty, and it would say the request has no body.
            c.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(c));
            c.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        var took = clock.Elapsed;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        string? type = null, title = null;
        if (context.Response.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true)
        {
            using var problem = JsonDocument.Parse(text);
            type = problem.RootElement.GetProperty("type").GetString();
            title = problem.RootElement.GetProperty("title").GetString();
        }

        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return new SignInAnswer(context.Response.StatusCode, retryAfter.Length == 0 ? null : retryAfter, type, title, took);
    }

    /// <summary>Demo user names, in a stable order, from <paramref name="skip"/>: each test takes its own.</summary>
    public static async Task<List<string>> GridMembersAsync(this WebApplicationFactory<Program> app, int skip, int take)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridCaseDb>();
        return await db.Users.Where(u => u.UserName.StartsWith("g")).OrderBy(u => u.UserName).Skip(skip).Take(take)
            .Select(u => u.UserName).ToListAsync();
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    public static async Task<(int FailedSignIns, DateTime? LockedUntil)> CountersAsync(this WebApplicationFactory<Program> app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<GridCaseDb>().Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return (user.FailedSignIns, user.LockedUntil);
    }
}
