using System.Text.Json;
using System.Text.RegularExpressions;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

public class ReplayV2Tests : ConsoleTest
{
    [Test]
    public async Task Auditor_sees_the_triage_outcome_difficulty_and_responsible_unit_steps_by_arrow_keys_and_filters_to_people()
    {
        await Cases.ReportAsync(Server, "路灯不亮");
        var (id, number) = await Cases.ReportAndTriageAsync(Server, "井盖缺失待研判", 2, "Village");

        // What the page should name: the unit responsible after the triage, by its name.
        string unitName;
        using (var auditor = await Server.ClientForAsync("auditor"))
        {
            var journal = JsonDocument.Parse(await auditor.GetStringAsync($"/api/events/{id}/journal")).RootElement;
            var triaged = journal.EnumerateArray().First(e => e.GetProperty("kind").GetString() == "TaskCompleted").GetProperty("seq").GetInt64();
            var state = JsonDocument.Parse(await auditor.GetStringAsync($"/api/events/{id}/replay?at={triaged}")).RootElement;
            var unit = state.GetProperty("responsibleUnit").GetString();
            var units = JsonDocument.Parse(await auditor.GetStringAsync("/api/org-units")).RootElement;
            unitName = units.EnumerateArray().First(u => u.GetProperty("code").GetString() == unit).GetProperty("name").GetString()!;
        }

        await SignInAsync("auditor");
        await Page.GotoAsync(new Uri(Server.BaseAddress, "/replay").ToString());
        await Page.GetByLabel("按编号或标题查找案件").FillAsync("井盖缺失");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        var row = Page.Locator($"tr[data-case-number='{number}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(Page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("case-page")).ToHaveTextAsync("第 1 / 1 页");
        await ScreenshotAsync("case-search");
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();

        var triage = Page.Locator("tr[data-kind='TaskCompleted']").First;
        await triage.ClickAsync();
        var detail = Page.GetByTestId("step-detail");
        await Expect(detail).ToContainTextAsync("任务办结");
        await Expect(detail).ToContainTextAsync("立案");
        await Expect(detail).ToContainTextAsync(new Regex("难度\\S* 2"));
        await Expect(Page.GetByTestId("after-step")).ToContainTextAsync(unitName);
        await Expect(triage).ToContainTextAsync("立案");
        // People by name (auditors have no user lookup), the user id on hover.
        var triager = detail.Locator($".actor-name[title='{Cases.TownshipDispatcher}']");
        await Expect(triager).ToHaveTextAsync(new Regex("指挥中心调度员$"));
        await Expect(triage.Locator(".actor-name")).Not.ToHaveTextAsync(Cases.TownshipDispatcher);
        await Expect(Page.Locator(".react-flow__node.path-taken").First).ToBeVisibleAsync();
        await ScreenshotAsync("triage-step");

        var stepText = await Page.GetByTestId("step").TextContentAsync();
        var at = int.Parse(Regex.Match(stepText!, "第 (\\d+)").Groups[1].Value);
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.GetByTestId("step")).ToContainTextAsync($"第 {at + 1} /");
        await Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(Page.GetByTestId("step")).ToContainTextAsync($"第 {at} /");

        await Expect(Page.Locator("tr[data-kind='NodeEntered']").First).ToBeVisibleAsync();
        await Page.GetByLabel("只看人工操作").CheckAsync();
        await Expect(Page.Locator("tr[data-kind='NodeEntered']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("tr[data-kind='TaskOpened']")).ToHaveCountAsync(0);
        await Expect(Page.Locator("tr[data-kind='TaskCompleted']").First).ToBeVisibleAsync();
        await Expect(Page.Locator("tr[data-kind='TaskClaimed']").First).ToBeVisibleAsync();
        await ScreenshotAsync("people-only");
    }
}
