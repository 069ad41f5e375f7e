using System.Globalization;
using System.Text.Json;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>
/// Chinese first: each Chinese page, opened as its people use it on a v2 case, shows none of the English UI words of
/// <see cref="EnglishUiWords"/>. The browser runs on UTC, so a date on the page is in Asia/Shanghai only if the console
/// puts it there.
/// </summary>
public class ChinesePagesTests : ConsoleTest
{
    private const string Handler = "h140521100";

    protected override ConsoleServer CreateServer() => new(startVersion: "latest");

    public override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.TimezoneId = "UTC";
        return options;
    }

    [Test]
    public async Task The_queue_with_a_case_panel_open_shows_no_english_word()
    {
        var (_, verify) = await ResolvedCaseAsync("楼道堆物影响通行");

        await SignInAsync(Cases.TownshipDispatcher);
        await Page.Locator($"tr[data-task-id='{verify}']").ClickAsync();
        await Expect(Page.GetByTestId("resolution-note")).ToHaveTextAsync("已清理楼道堆物");
        await Expect(Page.GetByTestId("case-history")).ToBeVisibleAsync();
        await ExpectChineseOnlyAsync("queue-case-panel");

        // A refused completion (no outcome's required field) reads in Chinese too.
        await Page.GetByRole(AriaRole.Button, new() { Name = "认领", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "返工", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交办理", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-field-error]").First).ToBeVisibleAsync();
        await ExpectChineseOnlyAsync("queue-refused-completion");
    }

    [Test]
    public async Task The_replay_of_a_v2_case_shows_no_english_word_and_its_times_in_shanghai()
    {
        var (id, verify) = await ResolvedCaseAsync("河道漂浮垃圾");
        using (var dispatcher = await Server.ClientForAsync(Cases.TownshipDispatcher))
        {
            var evaluate = Cases.OpenTaskAt(await Cases.CompleteAsync(dispatcher, verify, new { outcome = "confirmed" }), "evaluate");
            await Cases.CompleteAsync(dispatcher, evaluate, new { outcome = "evaluated", data = new { satisfaction = 5 } });
        }

        DateTimeOffset reportedAt;
        using (var auditor = await Server.ClientForAsync("auditor"))
        {
            var journal = JsonDocument.Parse(await auditor.GetStringAsync($"/api/events/{id}/journal")).RootElement;
            Assert.That(journal[0].GetProperty("definition").GetProperty("version").GetInt32(), Is.EqualTo(2), "a v2 case");
            reportedAt = journal[0].GetProperty("at").GetDateTimeOffset();
        }

        await SignInAsync("auditor");
        await Page.GotoAsync(new Uri(Server.BaseAddress, $"/replay/{id}").ToString());
        await Expect(Page.GetByTestId("verify-badge")).ToContainTextAsync("链完整");
        var triage = Page.Locator("tr[data-kind='TaskCompleted']").First;
        await triage.ClickAsync();
        await Expect(Page.GetByTestId("step-detail")).ToContainTextAsync("立案");
        await ExpectChineseOnlyAsync("replay-v2-case");

        var shanghai = reportedAt.ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        await Expect(Page.Locator("tr[data-seq='1']")).ToContainTextAsync(shanghai);
    }

    [Test]
    public async Task The_designer_with_a_node_selected_and_its_problems_shows_no_english_word()
    {
        await SignInAsync("admin");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='triage']")).ToBeVisibleAsync();
        await Page.Locator(".react-flow__node[data-id='triage']").ClickAsync();
        await Expect(Page.GetByTestId("properties").Locator("input").First).ToHaveValueAsync("triage");
        await ExpectChineseOnlyAsync("designer-node");

        // A new node, unconnected and unreached: its problems, in Chinese.
        await Page.Locator("[data-activity-type='Notify']").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "校验", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("problems")).ToContainTextAsync("notify_1");
        await Page.Locator(".react-flow__node[data-id='notify_1']").ClickAsync();
        await ExpectChineseOnlyAsync("designer-problems");
    }

    [TestCase("units")]
    [TestCase("users")]
    [TestCase("import")]
    [TestCase("catalogue")]
    [TestCase("calendar")]
    public async Task Each_administration_tab_shows_no_english_word(string section)
    {
        await SignInAsync("sysadmin");
        await Page.GotoAsync(new Uri(Server.BaseAddress, $"/admin/{section}").ToString());
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ExpectChineseOnlyAsync($"admin-{section}");
    }

    /// <summary>The visible text of the page holds none of the listed English words.</summary>
    private async Task ExpectChineseOnlyAsync(string screen)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ScreenshotAsync(screen);
        var text = await Page.Locator("body").InnerTextAsync();
        Assert.That(EnglishUiWords.FoundIn(text), Is.Empty, $"English words on the Chinese page '{screen}'");
    }

    /// <summary>A v2 case reported, filed for the township, resolved by its handler: the case id and its verify task.</summary>
    private async Task<(string Id, string VerifyTaskId)> ResolvedCaseAsync(string title)
    {
        var reported = await Cases.ReportAsync(Server, title);
        using var dispatcher = await Server.ClientForAsync(Cases.TownshipDispatcher);
        using var handler = await Server.ClientForAsync(Handler);
        var handle = Cases.OpenTaskAt(await Cases.CompleteAsync(dispatcher, reported.TriageTaskId, new { outcome = "filed", data = new { difficulty = 2, scope = "Township" } }), "handle");
        var verify = Cases.OpenTaskAt(await Cases.CompleteAsync(handler, handle, new { outcome = "resolved", data = new { resolution = "已清理楼道堆物" } }), "verify");
        return (reported.Id, verify);
    }
}
