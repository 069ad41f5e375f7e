using System.Text.Json;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>
/// The console's parts of event-handling v2, in Chromium: a county dispatcher urges (催办) a case beside its task and
/// reads the 督办 refusal as a plain sentence; a policy administrator dry-runs and applies a migration of running v1
/// cases to v2 in the designer.
/// </summary>
public class EventHandlingV2Tests : ConsoleTest
{
    [Test]
    public async Task A_county_dispatcher_urges_a_case_beside_its_task_and_is_told_plainly_why_it_cannot_supervise_its_own()
    {
        var routed = await Cases.ReportAndTriageAsync(Server, "县城主干道井盖缺失", difficulty: 4, scope: "County");

        await SignInAsync(Cases.CountyDispatcher);
        var row = Page.Locator($"tr[data-case-number='{routed.Number}']");
        await row.ClickAsync();
        var actions = Page.GetByTestId("case-actions");
        await actions.Locator("button[data-case-action='urge']").ClickAsync();
        await actions.Locator("form[data-action='urge'] textarea[name='note']").FillAsync("请今日内完成井盖补装");
        await actions.Locator("form[data-action='urge'] button[type='submit']").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已催办");
        await ScreenshotAsync("urged");

        await actions.Locator("button[data-case-action='supervise']").ClickAsync();
        await actions.Locator("form[data-action='supervise'] textarea[name='note']").FillAsync("挂牌督办");
        await actions.Locator("form[data-action='supervise'] button[type='submit']").ClickAsync();
        await Expect(actions).ToContainTextAsync("督办须由高于责任单位层级的单位发起");
        await ScreenshotAsync("supervision-refused");

        using var auditor = await Server.ClientForAsync("auditor");
        var journal = JsonDocument.Parse(await auditor.GetStringAsync($"/api/events/{routed.Id}/journal")).RootElement;
        var kinds = journal.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.That(kinds.Count(k => k == "Urged"), Is.EqualTo(1));
        Assert.That(kinds, Has.None.EqualTo("SupervisionFlagged"));
    }

    [Test]
    public async Task A_policy_administrator_dry_runs_then_migrates_running_v1_cases_to_v2()
    {
        var first = await Cases.ReportAsync(Server, "迁移前上报的事件一");
        var second = await Cases.ReportAsync(Server, "迁移前上报的事件二");

        await SignInAsync("admin");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        var panel = Page.GetByTestId("migration");
        await panel.Locator("select[name='migrateFrom']").SelectOptionAsync("1");
        await panel.Locator("select[name='migrateTo']").SelectOptionAsync("2");
        await panel.GetByRole(AriaRole.Button, new() { Name = "试运行" }).ClickAsync();
        var result = panel.GetByTestId("migration-result");
        await Expect(result).ToHaveAttributeAsync("data-dry-run", "true");
        await Expect(result.Locator($"tr[data-case-id='{first.Id}']")).ToBeVisibleAsync();
        await Expect(result.Locator($"tr[data-case-id='{second.Id}']")).ToContainTextAsync("triage");
        await ScreenshotAsync("migration-dry-run");
        Assert.That(await VersionAsync(first.Id), Is.EqualTo(1), "a dry run moves nothing");

        await panel.GetByRole(AriaRole.Button, new() { Name = "迁移", Exact = true }).ClickAsync();
        var confirm = Page.GetByTestId("confirm");
        await Expect(confirm).ToContainTextAsync("从 v1 迁移到 v2");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(result).ToHaveAttributeAsync("data-dry-run", "false");
        await Expect(result.Locator($"tr[data-case-id='{first.Id}']")).ToBeVisibleAsync();
        await ScreenshotAsync("migration-applied");

        Assert.That(await VersionAsync(first.Id), Is.EqualTo(2));
        Assert.That(await VersionAsync(second.Id), Is.EqualTo(2));
    }

    private async Task<int> VersionAsync(string caseId)
    {
        using var auditor = await Server.ClientForAsync("auditor");
        var detail = JsonDocument.Parse(await auditor.GetStringAsync($"/api/events/{caseId}")).RootElement;
        return detail.GetProperty("workflow").GetProperty("version").GetInt32();
    }
}
