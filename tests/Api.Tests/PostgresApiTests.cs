using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using Npgsql;

namespace GridCase.Api.Tests;

/// <summary>The same API, migrated and seeded on a real PostgreSQL server.</summary>
public sealed class PostgresApiTests
{
    private string _admin = null!;
    private string _database = null!;
    private GridCaseApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var admin = Environment.GetEnvironmentVariable("GRIDCASE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            const string why = "GRIDCASE_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.";
            if (Environment.GetEnvironmentVariable("GRIDCASE_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(why);
            }

            Assert.Ignore(why);
        }

        _admin = admin!;
        _database = "gridcase_api_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
        _factory = new GridCaseApiFactory("postgres", connectionString);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task The_demo_city_is_served_from_postgres()
    {
        var client = await _factory.ClientForAsync("d140521");

        var ready = await client.GetAsync("/health/ready");
        var grids = JsonDocument.Parse(await client.GetStringAsync("/api/org-units?level=Grid")).RootElement;
        var catalogue = JsonDocument.Parse(await client.GetStringAsync("/api/catalogue?county=140502")).RootElement;

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(grids.GetArrayLength(), Is.EqualTo(676 + 512));
        Assert.That(catalogue.GetProperty("categories").EnumerateArray().Sum(c => c.GetProperty("items").GetArrayLength()), Is.EqualTo(125));
    }
}
