using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-Proto and X-Forwarded-For are honoured from the configured proxy (10.0.0.1)
/// and ignored from any other address. The scheme shows in HSTS (sent only over https); the client's address in
/// the sign-in limit per address (one attempt a minute here).
/// </summary>
public sealed class ReverseProxyTests
{
    private const string PeerHeader = "X-Test-Peer";
    private GridCaseApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new GridCaseApiFactory(
        services: s => s.AddTransient<IStartupFilter, PeerAddressFilter>(),
        settings: new Dictionary<string, string>
        {
            ["GridCase:ForwardedHeaders:KnownProxies"] = "10.0.0.1",
            ["GridCase:Hsts:MaxAge"] = "365.00:00:00",
            ["GridCase:Auth:SignIn:PerAddressPerMinute"] = "1",
        });

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string peer, string? forwardedFor = null)
    {
        request.Headers.Host = "gridcase.example.org";
        request.Headers.Add(PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await _factory.CreateClient().SendAsync(request);
    }

    private Task<HttpResponseMessage> SignInAsync(string peer, string forwardedFor) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username = "nobody", password = "wrong-password" }) }, peer, forwardedFor);

    [Test]
    public async Task The_forwarded_scheme_is_honoured_from_the_known_proxy_only()
    {
        var viaProxy = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/live"), "10.0.0.1");
        Assert.That(viaProxy.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True, "https through the known proxy");
        Assert.That(hsts!.Single(), Does.Contain("max-age=31536000"));

        var spoofed = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/live"), "10.0.0.2");
        Assert.That(spoofed.Headers.Contains("Strict-Transport-Security"), Is.False, "X-Forwarded-Proto from an unknown address is ignored");
    }

    [Test]
    public async Task The_forwarded_client_address_is_honoured_from_the_known_proxy_only()
    {
        // Through the known proxy each client has its own allowance of one attempt.
        Assert.That((await SignInAsync("10.0.0.1", "203.0.113.7")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SignInAsync("10.0.0.1", "203.0.113.8")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SignInAsync("10.0.0.1", "203.0.113.7")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        // From an unknown address the header is ignored: both "clients" are that address, which has one attempt.
        Assert.That((await SignInAsync("10.0.0.3", "198.51.100.1")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await SignInAsync("10.0.0.3", "198.51.100.2")).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    /// <summary>The in-memory test server has no peer address: the test names it, before the application's pipeline.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
