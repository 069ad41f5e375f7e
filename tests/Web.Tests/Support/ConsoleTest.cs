using System.Text.Json;
using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;

namespace GridCase.Web.Tests.Support;

/// <summary>A browser test against its own server: sign in through the page, save a screenshot of each screen.</summary>
public abstract class ConsoleTest : PageTest
{
    private int _shots;

    protected ConsoleServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        Server = CreateServer();
        Server.Start();
    }

    /// <summary>The fixture's server; a fixture may change its services.</summary>
    protected virtual ConsoleServer CreateServer() => new();

    [OneTimeTearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    public override BrowserNewContextOptions ContextOptions() => new()
    {
        ViewportSize = new() { Width = 1600, Height = 1000 },
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    };

    [SetUp]
    public void LongerWaits() => SetDefaultExpectTimeout(15_000);

    protected async Task SignInAsync(string userName)
    {
        await Page.GotoAsync(Server.BaseAddress.ToString());
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码").FillAsync("demo");
        await ScreenshotAsync("sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    protected async Task ScreenshotAsync(string screen)
    {
        _shots++;
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", TestContext.CurrentContext.Test.Name);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{_shots:00}-{screen}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, screen);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
