using GridCase.Web.Tests.Support;

namespace GridCase.Web.Tests;

/// <summary>The queue refreshes by itself: the server pushes a signal after every commit (GET /api/tasks/stream).</summary>
public class LiveQueueTests : ConsoleTest
{
    [Test]
    public async Task A_case_reported_through_the_API_appears_in_an_open_queue_within_three_seconds_without_a_click()
    {
        await SignInAsync(Cases.TownshipDispatcher);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        await Expect(Page.Locator(".queue-list h2")).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle, new() { Timeout = 3_000 }).ContinueWith(_ => { });

        var reported = await Cases.ReportAsync(Server, "直播：路灯不亮");

        var row = Page.Locator($"tr[data-case-number='{reported.Number}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 3_000 });
        await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("row-new"));
        await Expect(Page.GetByTestId("new-tasks")).ToContainTextAsync("新任务 1");
        await ScreenshotAsync("queue-live-new-task");

        await Page.GetByTestId("new-tasks").ClickAsync();
        await Expect(Page.GetByTestId("new-tasks")).ToHaveCountAsync(0);
    }
}
