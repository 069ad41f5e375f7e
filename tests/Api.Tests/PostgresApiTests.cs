using System.Net;
using System.Text.Json;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests;

/// <summary>The same API, migrated and seeded on a real PostgreSQL server.</summary>
public sealed class PostgresApiTests
{
    private GridCaseApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await GridCaseApiFactory.OnPostgresAsync("gridcase_api");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
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
