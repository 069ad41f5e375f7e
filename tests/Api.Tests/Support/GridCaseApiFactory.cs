using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridCase.Api.Tests.Support;

/// <summary>
/// The real API in process, in demo mode, on its own database: a SQLite file in a temporary folder by
/// default, or any connection given (PostgreSQL). A data directory given by the caller is the caller's to delete,
/// so a second host can start on the same data (a restart).
/// </summary>
public sealed class GridCaseApiFactory(
    string provider = "sqlite",
    string? connectionString = null,
    Action<IServiceCollection>? services = null,
    string? dataDirectory = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));

    private PostgresTestDatabase? _database;

    public const string StartVersionKey = "GridCase:Workflows:StartVersion:event-handling";

    /// <summary>Settings that start new cases on the latest published version of the default workflow (v2 and later).</summary>
    public static IReadOnlyDictionary<string, string> Latest { get; } = new Dictionary<string, string> { [StartVersionKey] = "latest" };

    /// <summary>The API on a fresh PostgreSQL database of its own, dropped when the factory is disposed (skipped without a server, except in CI).</summary>
    public static async Task<GridCaseApiFactory> OnPostgresAsync(
        string databasePrefix, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await PostgresTestDatabase.CreateAsync(databasePrefix);
        return new GridCaseApiFactory("postgres", database.ConnectionString, services, settings: settings) { _database = database };
    }

    /// <summary>The API on SQLite or on a fresh PostgreSQL database, for fixtures that run on both.</summary>
    public static async Task<GridCaseApiFactory> OnAsync(
        string provider, string databasePrefix, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        provider == "postgres"
            ? await OnPostgresAsync(databasePrefix, settings, services)
            : new GridCaseApiFactory(services: services, settings: settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GridCase:Demo", "true");
        builder.UseSetting("GridCase:DataDirectory", _dataDirectory);
        builder.UseSetting("GridCase:Database:Provider", provider);
        // Every test signs in from the one in-process address, many as the same demo users: the sign-in limits are
        // tested with their real values in Auth/SignInLimitsTests.
        builder.UseSetting("GridCase:Auth:SignIn:PerAddressPerMinute", "1000000");
        builder.UseSetting("GridCase:Auth:SignIn:PerUserPerMinute", "1000000");
        // The default workflow's path suites were written for v1; suites for a later version pass Latest.
        builder.UseSetting(StartVersionKey, "1");
        if (connectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:GridCase", connectionString);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    public async Task<HttpClient> ClientForAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (dataDirectory is null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed record TokenBody(string AccessToken);
}
