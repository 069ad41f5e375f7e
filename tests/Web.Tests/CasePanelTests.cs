using GridCase.Web.Tests.Support;

namespace GridCase.Web.Tests;

/// <summary>The task panel shows what the person needs to decide: the handler's resolution, the triage decision, the history.</summary>
public class CasePanelTests : ConsoleTest
{
    [Test]
    public async Task A_verifier_sees_the_handlers_resolution()
    {
        var reported = await Cases.ReportAsync(Server, "核查：井盖破损");
        using var township = await Server.ClientForAsync(Cases.TownshipDispatcher);
        var handle = Cases.OpenTaskAt(await Cases.CompleteAsync(township, reported.TriageTaskId, new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }), "handle");
        var verify = Cases.OpenTaskAt(await Cases.CompleteAsync(township, handle, new { outcome = "resolved", data = new { resolution = "已更换井盖并设置警示标志" } }), "verify");

        await SignInAsync(Cases.TownshipDispatcher);
        var row = Page.Locator($"tr[data-task-id='{verify}']");
        await row.ClickAsync();
        await Expect(Page.GetByTestId("resolution-note")).ToHaveTextAsync("已更换井盖并设置警示标志");
        await Expect(Page.Locator(".case-facts")).ToContainTextAsync("研判结果");
        await Expect(Page.GetByTestId("case-history")).ToContainTextAsync("已更换井盖并设置警示标志");
        await ScreenshotAsync("verifier-case-panel");
    }
}
