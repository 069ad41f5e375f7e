using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Web.Tests.Support;

/// <summary>The real API with the built console, in process on 127.0.0.1 with a random port, in demo mode on its own SQLite file.</summary>
public sealed class ConsoleServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gridcase-web-tests", Guid.NewGuid().ToString("N"));

    private readonly Action<IServiceCollection>? _services;
    private readonly string _startVersion;

    /// <param name="services">Changes to the server's services (e.g. a fixed clock for one service).</param>
    /// <param name="startVersion">The version of event-handling new cases start on: "1" (the v1 loop) or "latest".</param>
    public ConsoleServer(Action<IServiceCollection>? services = null, string startVersion = "1")
    {
        _services = services;
        _startVersion = startVersion;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public Uri BaseAddress { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GridCase:Demo", "true");
        builder.UseSetting("GridCase:DataDirectory", _dataDirectory);
        builder.UseSetting("GridCase:Database:Provider", "sqlite");
        // The browser and the test's API clients all sign in from 127.0.0.1, many times as the same demo users.
        builder.UseSetting("GridCase:Auth:SignIn:PerAddressPerMinute", "1000000");
        builder.UseSetting("GridCase:Auth:SignIn:PerUserPerMinute", "1000000");
        // The queue and replay scenarios walk the v1 loop.
        builder.UseSetting("GridCase:Workflows:StartVersion:event-handling", _startVersion);
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed record TokenBody(string AccessToken);
}
