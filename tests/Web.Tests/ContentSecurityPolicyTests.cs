using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>
/// The console and Swagger UI work under the Content-Security-Policy every response carries: the browser reports no
/// violation (listened for from a script Playwright injects, which the policy does not govern).
/// </summary>
public class ContentSecurityPolicyTests : ConsoleTest
{
    private const string Listen =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private async Task<string[]> ViolationsAsync() => await Page.EvaluateAsync<string[]>("() => window.__violations");

    [Test]
    public async Task The_designer_and_swagger_ui_run_without_a_policy_violation()
    {
        await Page.AddInitScriptAsync(Listen);
        await SignInAsync("admin");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='triage']")).ToBeVisibleAsync();
        var console = await ViolationsAsync();

        var swagger = await Page.GotoAsync(new Uri(Server.BaseAddress, "/swagger/index.html").ToString());
        await Expect(Page.Locator(".swagger-ui .info .title")).ToContainTextAsync("GridCase API");
        await Page.Locator(".opblock-summary-path", new() { HasTextString = "/api/auth/token" }).First.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Try it out" })).ToBeVisibleAsync();
        await ScreenshotAsync("swagger-ui");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(console, Is.Empty, "the console");
            Assert.That(await swagger!.HeaderValueAsync("content-security-policy"), Does.Contain("script-src 'self'"));
            Assert.That(await ViolationsAsync(), Is.Empty, "Swagger UI");
        }
    }
}
