using System.Net;
using System.Text.RegularExpressions;
using GridCase.Api.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GridCase.Api.Tests.Web;

/// <summary>Swagger is served only when configured (on in demo mode), and its UI runs under the one content policy.</summary>
public sealed partial class SwaggerTests
{
    private const string Key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    [TestCase(true, null, true)]
    [TestCase(false, null, false)]
    [TestCase(false, "true", true)]
    [TestCase(true, "false", false)]
    public void Swagger_defaults_to_demo_mode_unless_configured(bool demo, string? configured, bool served)
    {
        var values = new Dictionary<string, string?> { ["GridCase:Demo"] = demo.ToString(), ["GridCase:Auth:SigningKey"] = Key, ["GridCase:Swagger"] = configured };

        Assert.That(GridCaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/srv/gridcase").Swagger, Is.EqualTo(served));
    }

    [Test]
    public void A_bad_swagger_switch_fails_with_one_line_naming_the_key()
    {
        var values = new Dictionary<string, string?> { ["GridCase:Demo"] = "true", ["GridCase:Swagger"] = "sometimes" };

        var error = Assert.Throws<ConfigurationException>(() => GridCaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), "/srv"));

        Assert.That(error!.Message, Does.Contain("GridCase:Swagger").And.Not.Contain("\n"));
    }

    [Test]
    public async Task In_demo_mode_the_ui_and_the_document_are_served_hardened()
    {
        var client = SharedApi.Factory.CreateClient();

        var page = await client.GetAsync("/swagger/index.html");
        var document = await client.GetAsync("/swagger/v1/swagger.json");

        Assert.That((page.StatusCode, document.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(page.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { SecurityHeadersTests.Policy }));
        Assert.That(document.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    /// <summary>
    /// What the policy allows the UI: scripts only from this origin (no inline script, no inline handler), styles from
    /// this origin or inline. So every script and style sheet the page names must be a file served here.
    /// </summary>
    [Test]
    public async Task The_ui_loads_only_scripts_and_styles_of_its_own_origin()
    {
        var client = SharedApi.Factory.CreateClient();
        var html = await client.GetStringAsync("/swagger/index.html");

        var scripts = Script().Matches(html).Select(m => (Attributes: m.Groups["attributes"].Value, Body: m.Groups["body"].Value)).ToList();
        var sources = scripts.Select(s => Source().Match(s.Attributes).Groups["url"].Value).ToList();
        var sheets = StyleSheet().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scripts, Is.Not.Empty);
            Assert.That(scripts.Select(s => s.Body.Trim()), Is.All.Empty, "no inline script");
            Assert.That(EventHandler().IsMatch(html), Is.False, "no inline event handler");
            Assert.That(sources.Concat(sheets), Is.All.Not.Empty.And.All.Not.Contains("//"), "same origin");
        }

        foreach (var url in sources.Concat(sheets))
        {
            var response = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/swagger/index.html"), url));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.AnyOf("text/javascript", "application/javascript", "text/css"), url);
        }
    }

    [GeneratedRegex(@"<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex(@"src=""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Source();

    [GeneratedRegex(@"<link[^>]*rel=""stylesheet""[^>]*href=""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex StyleSheet();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();
}
