using System.Net;
using System.Net.Http.Headers;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests.Auth;

/// <summary>
/// GridCase configured with an OpenID Connect provider (GridCase:Auth:Authority): a real issuer on a random port serves
/// its discovery document and keys; its tokens work for GridCase users, tokens from anywhere else do not.
/// </summary>
public sealed class ExternalIdentityTests
{
    private const string Audience = "gridcase";

    private TestTokenIssuer _issuer = null!;
    private TestTokenIssuer _stranger = null!;
    private GridCaseApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _issuer = await TestTokenIssuer.StartAsync();
        _stranger = await TestTokenIssuer.StartAsync();
        _api = new GridCaseApiFactory(settings: new Dictionary<string, string>
        {
            ["GridCase:Auth:Authority"] = _issuer.Issuer,
            ["GridCase:Auth:Audience"] = Audience,
            ["GridCase:Auth:RequireHttpsMetadata"] = "false",
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        await _issuer.DisposeAsync();
        await _stranger.DisposeAsync();
    }

    [Test]
    public async Task A_providers_token_works_for_a_gridcase_user_with_that_users_role_and_unit()
    {
        var driver = new EventDriver(user => Task.FromResult(ClientWith(_issuer.Mint(user, Audience))), _api);

        var reported = await driver.ReportAsync();
        var filed = await driver.CompleteAsync(reported, "triage", "filed", new { difficulty = 2, scope = "Township" });

        var journal = await driver.JournalAsync(filed.EventId);
        var actors = journal.Select(e => e.GetProperty("actor")).ToList();
        Assert.That(actors[0].GetProperty("userId").GetString(), Is.EqualTo(EventDriver.GridMember));
        Assert.That(actors[0].GetProperty("role").GetString(), Is.EqualTo("GridMember"));
        var triage = actors.Last(a => a.GetProperty("userId").GetString() == "d" + EventDriver.Township);
        Assert.That(triage.GetProperty("unit").GetString(), Is.EqualTo(EventDriver.Township));
    }

    [Test]
    public async Task GridCases_own_tokens_still_work_beside_the_provider()
    {
        var client = await _api.ClientForAsync("auditor");

        var response = await client.GetAsync("/api/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_providers_token_stops_working_when_the_gridcase_user_is_disabled()
    {
        var token = _issuer.Mint("h140521MZ", Audience);
        var before = await ClientWith(token).GetAsync("/api/events");
        var admin = await _api.ClientForAsync("sysadmin");

        (await admin.PostAsync("/api/admin/users/h140521MZ/disable", null)).EnsureSuccessStatusCode();

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ExpectUnauthorizedAsync(token);
    }

    [Test]
    public async Task A_token_from_another_issuer_is_refused() =>
        await ExpectUnauthorizedAsync(_stranger.Mint("auditor", Audience));

    [Test]
    public async Task A_token_naming_the_provider_but_signed_with_another_key_is_refused() =>
        await ExpectUnauthorizedAsync(_stranger.Mint("auditor", Audience, issuer: _issuer.Issuer));

    [Test]
    public async Task A_token_for_another_audience_is_refused() =>
        await ExpectUnauthorizedAsync(_issuer.Mint("auditor", "another-app"));

    [Test]
    public async Task A_token_for_a_person_who_is_no_gridcase_user_is_refused() =>
        await ExpectUnauthorizedAsync(_issuer.Mint("stranger", Audience));

    [Test]
    public async Task An_expired_token_is_refused() =>
        await ExpectUnauthorizedAsync(_issuer.Mint("auditor", Audience, lifetime: TimeSpan.FromMinutes(-10)));

    private async Task ExpectUnauthorizedAsync(string token)
    {
        var response = await ClientWith(token).GetAsync("/api/events");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private HttpClient ClientWith(string token)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
