using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCase.Api.Tests.Web;

/// <summary>
/// The hardening headers on every kind of response: API answers, problems, the console's page and assets (a stand-in
/// console in a web root of the test's own), health, and what nobody serves. Swagger is switched off here.
/// </summary>
public sealed class SecurityHeadersTests
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private string _webRoot = null!;
    private GridCaseApiFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _dispatcher = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _webRoot = Directory.CreateTempSubdirectory("gridcase-webroot-").FullName;
        Directory.CreateDirectory(Path.Combine(_webRoot, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "index.html"),
            "<!doctype html><html><head><script type=\"module\" src=\"/assets/app.js\"></script></head><body><div id=\"root\"></div></body></html>");
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "assets", "app.js"), "document.title = 'GridCase';");
        await File.WriteAllTextAsync(Path.Combine(_webRoot, "routes.json"), """["/designer", "/queue", "/replay", "/replay/:caseId"]""");
        _factory = new GridCaseApiFactory();
        _app = _factory.WithWebHostBuilder(b => b.UseWebRoot(_webRoot).UseSetting("GridCase:Swagger", "false"));
        _anonymous = _app.CreateClient();
        _dispatcher = _app.CreateClient();
        var token = await (await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "d140521", password = "demo" }))
            .Content.ReadFromJsonAsync<TokenBody>();
        _dispatcher.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _anonymous.Dispose();
        _dispatcher.Dispose();
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        Directory.Delete(_webRoot, recursive: true);
    }

    /// <param name="noStore">Whether Cache-Control must say no-store (API answers); elsewhere it is left to whoever answers.</param>
    private static void AssertHardened(HttpResponseMessage response, bool noStore)
    {
        var headers = response.Headers;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { Policy }));
            Assert.That(headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
            if (noStore)
            {
                Assert.That(headers.CacheControl?.NoStore, Is.True, $"Cache-Control: {headers.CacheControl}");
            }
        }
    }

    [TestCase("/api/org-units", HttpStatusCode.OK, "application/json")]
    [TestCase("/api/events/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound, "application/problem+json")]
    [TestCase("/api/tasks?queue=140521&sort=sideways", HttpStatusCode.BadRequest, "application/problem+json")]
    public async Task Api_answers_are_hardened_and_never_stored(string url, HttpStatusCode status, string mediaType)
    {
        var response = await _dispatcher.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        AssertHardened(response, noStore: true);
    }

    [Test]
    public async Task A_token_and_a_refused_sign_in_are_never_stored()
    {
        var issued = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "d140521", password = "demo" });
        var refused = await _anonymous.PostAsJsonAsync("/api/auth/token", new { username = "d140521", password = "wrong" });
        var anonymous = await _anonymous.GetAsync("/api/org-units");

        Assert.That((issued.StatusCode, refused.StatusCode, anonymous.StatusCode),
            Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        AssertHardened(issued, noStore: true);
        AssertHardened(refused, noStore: true);
        AssertHardened(anonymous, noStore: true);
    }

    [TestCase("/", "text/html")]
    [TestCase("/index.html", "text/html")]
    [TestCase("/designer", "text/html")]
    [TestCase("/replay/00000000-0000-0000-0000-000000000001", "text/html")]
    [TestCase("/assets/app.js", "text/javascript")]
    [TestCase("/health/ready", "application/json")]
    [TestCase("/health/live", "text/plain")]
    public async Task The_console_its_assets_and_health_are_hardened(string url, string mediaType)
    {
        var response = await _anonymous.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        AssertHardened(response, noStore: false);
    }

    [TestCase("/no-such-page")]
    [TestCase("/swagger")]
    [TestCase("/swagger/index.html")]
    [TestCase("/swagger/v1/swagger.json")]
    public async Task Swagger_switched_off_is_404_like_anything_not_served(string url)
    {
        var response = await _anonymous.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        AssertHardened(response, noStore: false);
    }

    private sealed record TokenBody(string AccessToken);
}
