using System.Net.Http.Json;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>
/// Swagger UI (/swagger, on in demo mode) calls a protected route: 401 before "Authorize", 200 after authorising with
/// a token from <c>POST /api/auth/token</c>, the request then carrying the bearer header.
/// </summary>
public sealed class SwaggerUiTests : ConsoleTest
{
    [Test]
    public async Task Swagger_ui_authorises_with_a_token_and_calls_a_protected_route()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var token = (await (await http.PostAsJsonAsync("/api/auth/token", new { username = "d140521", password = "demo" }))
            .Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;

        await Page.GotoAsync(new Uri(Server.BaseAddress, "/swagger/index.html").ToString());
        var operation = Page.Locator(".opblock").Filter(new() { Has = Page.Locator(".opblock-summary-path[data-path='/api/org-units']") });
        await operation.Locator(".opblock-summary").First.ClickAsync();
        await operation.GetByRole(AriaRole.Button, new() { Name = "Try it out" }).ClickAsync();
        var unauthorised = await Page.RunAndWaitForResponseAsync(
            () => operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync(),
            r => r.Url.Contains("/api/org-units", StringComparison.Ordinal));
        Assert.That(unauthorised.Status, Is.EqualTo(401));

        await Page.Locator("button.btn.authorize").First.ClickAsync();
        var dialog = Page.Locator(".modal-ux");
        await dialog.Locator("input").First.FillAsync(token);
        await ScreenshotAsync("authorize");
        await dialog.Locator("button.modal-btn.authorize").ClickAsync();
        await Expect(dialog.Locator("button", new() { HasText = "Logout" })).ToBeVisibleAsync(); // authorised: the dialog offers to log out
        await dialog.Locator("button.btn-done").ClickAsync();

        var authorised = await Page.RunAndWaitForResponseAsync(
            () => operation.GetByRole(AriaRole.Button, new() { Name = "Execute" }).ClickAsync(),
            r => r.Url.Contains("/api/org-units", StringComparison.Ordinal));

        Assert.That(authorised.Status, Is.EqualTo(200));
        Assert.That(await authorised.Request.HeaderValueAsync("authorization"), Is.EqualTo("Bearer " + token));
    }

    private sealed record TokenBody(string AccessToken);
}
