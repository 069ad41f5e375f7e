using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GridCase.Api.Tests.Auth;

public sealed class IssueTokenTests
{
    [TestCase("admin", "PolicyAdmin", "140500")]
    [TestCase("auditor", "Auditor", "140500")]
    [TestCase("d140521", "Dispatcher", "140521")]
    [TestCase("h140521GA", "Handler", "140521GA")]
    public async Task A_demo_user_gets_a_bearer_token_with_role_and_unit(string userName, string role, string unit)
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password = "demo" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("accessToken").GetString(), Does.Match(@"^[\w-]+\.[\w-]+\.[\w-]+$"));
        Assert.That(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow));
        Assert.That(body.RootElement.GetProperty("role").GetString(), Is.EqualTo(role));
        Assert.That(body.RootElement.GetProperty("unit").GetString(), Is.EqualTo(unit));
    }

    [Test]
    public async Task A_grid_member_of_every_grid_can_sign_in()
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "g140521100001001", password = "demo" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("admin", "wrong")]
    [TestCase("nobody", "demo")]
    public async Task Wrong_credentials_are_401_problem_details(string userName, string password)
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = userName, password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("", "username")]
    [TestCase("{}", "username")]
    [TestCase("{\"username\":\"admin\"}", "password")]
    [TestCase("{\"username\":\"\",\"password\":\"demo\"}", "username")]
    public async Task Missing_fields_are_400_naming_the_field(string json, string field)
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body.RootElement.ToString());
    }

    [TestCase("{\"username\":")]
    [TestCase("not json")]
    [TestCase("{\"username\":42,\"password\":[]}")]
    public async Task Malformed_json_is_400_problem_details(string json)
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Api_routes_need_a_token()
    {
        var client = SharedApi.Factory.CreateClient();

        var response = await client.GetAsync("/api/org-units");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_forged_token_is_refused()
    {
        var client = SharedApi.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJQb2xpY3lBZG1pbiIsInVuaXQiOiIxNDA1MDAifQ.c2lnbmF0dXJl");

        var response = await client.GetAsync("/api/org-units");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
