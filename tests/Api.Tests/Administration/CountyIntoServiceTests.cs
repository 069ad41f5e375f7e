using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Administration;

/// <summary>
/// A county brought into service from nothing, as its IT officer would: the server started in production mode with the
/// bootstrap keys; the first administrator signs in and imports the sample county's units and users (samples/import);
/// its first catalogue batch is proposed by the city's administrator and approved by the county's; then a grid member
/// of that county reports an event and the township dispatcher triages it.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class CountyIntoServiceTests(string provider)
{
    private const string SamplePassword = "ChangeMe-2026";

    private GridCaseApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var settings = BootstrapTests.WithAdministrator();
        _api = provider == "postgres"
            ? await GridCaseApiFactory.OnPostgresAsync("county_service", settings)
            : new GridCaseApiFactory(settings: settings);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [Test]
    public async Task The_first_administrator_imports_a_county_whose_grid_member_reports_and_whose_township_triages()
    {
        var root = await SignInAsync("root", "first-admin-pw");

        var units = await OkAsync(await root.PostAsync("/api/admin/units/import?dryRun=false", Sample("units.csv", "text/csv")));
        Assert.That(units.GetProperty("counts").GetProperty("Grid").GetInt32(), Is.EqualTo(6));
        var users = await OkAsync(await root.PostAsync("/api/admin/users/import?dryRun=false", Sample("users.csv", "text/csv")));
        Assert.That(users.GetProperty("applied").GetBoolean(), Is.True, users.ToString());

        var proposed = await JsonAsync(await root.PostAsync("/api/admin/catalogue/140599/batches", Sample("catalogue-140599.json", "application/json")), HttpStatusCode.Created);
        var countyAdmin = await SignInAsync("sa140599", SamplePassword);
        await OkAsync(await countyAdmin.PostAsJsonAsync($"/api/admin/catalogue/140599/batches/{proposed.GetProperty("id").GetString()}/approve", new { note = "同意纳入" }));

        var gridMember = await SignInAsync("g140599100001001", SamplePassword);
        var reported = await JsonAsync(await gridMember.PostAsJsonAsync("/api/events", new
        {
            catalogueItemCode = "SL-02-001",
            gridCode = "140599100001001",
            channel = "GridPatrol",
            title = "东关社区河边露天焚烧垃圾",
            description = "浓烟较大",
        }), HttpStatusCode.Created);
        var triage = reported.GetProperty("openTasks").EnumerateArray().Single();
        Assert.That(triage.GetProperty("queue").GetString(), Is.EqualTo("140599100"), "the township 示例镇 triages");
        Assert.That(reported.GetProperty("number").GetString(), Does.StartWith("GC-"));

        var dispatcher = await SignInAsync("d140599100", SamplePassword);
        var taskId = triage.GetProperty("id").GetString();
        var filed = await OkAsync(await dispatcher.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }));

        Assert.That(filed.GetProperty("eventStatus").GetString(), Is.EqualTo("Dispatched"));
        var auditor = await SignInAsync("root", "first-admin-pw");
        var journal = await OkAsync(await auditor.GetAsync($"/api/admin/changes?limit=50"));
        Assert.That(journal.ToString(), Does.Contain("UnitsImported").And.Contain("UsersImported").And.Contain("CatalogueBatchApproved"));
    }

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = _api.CreateClient();
        var token = await OkAsync(await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static StringContent Sample(string file, string mediaType) =>
        new(File.ReadAllText(Path.Combine(GridCase.Testing.ServerProcess.RepoRoot(), "samples", "import", file)), Encoding.UTF8, mediaType);

    private static Task<JsonElement> OkAsync(HttpResponseMessage response) => JsonAsync(response, HttpStatusCode.OK);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
