using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

public class ReplayTests : ConsoleTest
{
    [Test]
    public async Task Auditor_steps_through_a_case_and_sees_the_active_node_move_and_the_verify_badge()
    {
        var reported = await Cases.ReportAndTriageAsync(Server, "井盖缺失", difficulty: 2, scope: "Village");

        await SignInAsync("auditor");
        var row = Page.Locator($"tr[data-case-number='{reported.Number}']");
        await Expect(row).ToBeVisibleAsync();
        await ScreenshotAsync("case-list");
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/replay/{reported.Id}$"));
        await Expect(Page.GetByTestId("verify-badge")).ToContainTextAsync("链完整 · 重放一致");
        var active = Page.GetByTestId("active-nodes");
        await Expect(active).ToHaveTextAsync("handle");
        await Expect(Page.Locator(".activity-node.active[data-node-id='handle']")).ToBeVisibleAsync();
        await ScreenshotAsync("replay-last-step");

        await Page.Locator("tr[data-seq='4']").ClickAsync();
        await Expect(active).ToHaveTextAsync("triage");
        await Expect(Page.Locator(".activity-node.active[data-node-id='triage']")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync();
        await Expect(Page.GetByTestId("step")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("第 3 / \\d+ 步"));
        await Expect(active).Not.ToHaveTextAsync("triage");
        await ScreenshotAsync("replay-stepped-back");

        // A deep link opens the same replay after a reload.
        await Page.ReloadAsync();
        await Expect(Page.GetByTestId("verify-badge")).ToBeVisibleAsync();
    }
}
