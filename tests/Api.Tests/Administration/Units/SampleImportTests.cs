using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCase.Api.Tests.Administration.Units;

/// <summary>
/// The sample county shipped in <c>samples/import/</c> (示例县 140599: 2 townships, 3 villages, 6 grids, 3 departments)
/// imports cleanly into a production-mode database that holds only the bootstrapped city 140500 and its administrator.
/// </summary>
public abstract class SampleImportTests
{
    public const string Root = "root";
    public const string RootPassword = "Bootstrap-Pass-1";

    protected abstract Task<GridCaseApiFactory> CreateAsync();

    /// <summary>The API outside demo mode on the factory's database: the bootstrapped city 140500 and its administrator only.</summary>
    public static WebApplicationFactory<Program> ProductionMode(GridCaseApiFactory factory) =>
        factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("GridCase:Demo", "false");
            host.UseSetting("GridCase:Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            host.UseSetting("GridCase:Bootstrap:AdminUser", Root);
            host.UseSetting("GridCase:Bootstrap:AdminPassword", RootPassword);
            host.UseSetting("GridCase:Bootstrap:City", "140500");
            host.UseSetting("GridCase:Bootstrap:CityName", "晋城市");
        });

    public static void AssertSampleCounts(JsonElement report)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.ToString());
            Assert.That(report.GetProperty("problems").GetArrayLength(), Is.Zero, report.ToString());
            Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(15));
            Assert.That(report.GetProperty("total").GetInt32(), Is.EqualTo(15));
            var counts = report.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["County"] = 1, ["Township"] = 2, ["Village"] = 3, ["Grid"] = 6, ["Department"] = 3 }));
        }
    }

    [TestCase("units.csv", "text/csv")]
    [TestCase("units.json", "application/json")]
    public async Task A_sample_file_imports_into_a_production_database(string file, string mediaType)
    {
        await using var factory = await CreateAsync();
        var production = ProductionMode(factory);
        var admin = new AdminDriver(production.Services, (user, password) => AdminDriver.SignInAsync(production.CreateClient(), user, password));
        var client = await admin.ClientAsync(Root, RootPassword);
        Assert.That(await admin.UnitCountAsync(), Is.EqualTo(1), "only the bootstrapped city");

        var text = AdminDriver.SampleFile(file);
        var dryRun = await AdminDriver.JsonAsync(await client.PostAsync("/api/admin/units/import?dryRun=true", Content(text, mediaType)), HttpStatusCode.OK);
        var applied = await AdminDriver.JsonAsync(await client.PostAsync("/api/admin/units/import?dryRun=false", Content(text, mediaType)), HttpStatusCode.OK);

        AssertSampleCounts(dryRun);
        AssertSampleCounts(applied);
        Assert.That(applied.GetProperty("applied").GetBoolean(), Is.True);
        Assert.That(await admin.UnitCountAsync(), Is.EqualTo(16));
        var grid = await AdminDriver.JsonAsync(await client.GetAsync("/api/admin/units/140599100001001"), HttpStatusCode.OK);
        Assert.That(grid.GetProperty("boundary").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
        Assert.That(grid.GetProperty("gridType").GetString(), Is.EqualTo("Urban"));
        var dedicated = await AdminDriver.JsonAsync(await client.GetAsync("/api/admin/units/140599200001002"), HttpStatusCode.OK);
        Assert.That(dedicated.GetProperty("gridType").GetString(), Is.EqualTo("Dedicated"));
        var log = await AdminDriver.JsonAsync(await client.GetAsync("/api/admin/changes"), HttpStatusCode.OK);
        Assert.That(log.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("area").GetString())),
            Is.EqualTo(new[] { ("UnitsImported", "140599"), ("AdministratorBootstrapped", "140500") }));
        var units = JsonDocument.Parse(await client.GetStringAsync("/api/org-units?parent=140599")).RootElement;
        Assert.That(units.GetArrayLength(), Is.EqualTo(4));
    }

    private static StringContent Content(string text, string mediaType) => new(text, System.Text.Encoding.UTF8, mediaType);
}

public sealed class SampleImportOnSqliteTests : SampleImportTests
{
    protected override Task<GridCaseApiFactory> CreateAsync() => Task.FromResult(new GridCaseApiFactory());
}

public sealed class SampleImportOnPostgresTests : SampleImportTests
{
    protected override Task<GridCaseApiFactory> CreateAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_samples");
}
