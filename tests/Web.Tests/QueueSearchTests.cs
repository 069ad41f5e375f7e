using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>The queue asks the server: the selected task in the address, search by number, filter chips, the keyboard.</summary>
public class QueueSearchTests : ConsoleTest
{
    private ILocator Row(string number) => Page.Locator($"tr[data-case-number='{number}']");

    [Test]
    public async Task Opening_queue_slash_a_task_id_directly_shows_that_task()
    {
        var reported = await Cases.ReportAsync(Server, "地址栏：井盖缺失");
        await SignInAsync(Cases.TownshipDispatcher);

        await Page.GotoAsync(new Uri(Server.BaseAddress, $"/queue/{Uri.EscapeDataString(reported.TriageTaskId)}").ToString());

        await Expect(Page.Locator(".task-panel h3")).ToContainTextAsync(reported.Number);
        await Expect(Row(reported.Number)).ToHaveClassAsync(new Regex("selected"));
        await ScreenshotAsync("queue-task-from-address");

        var other = await Cases.ReportAsync(Server, "地址栏：另一件");
        await Row(other.Number).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/queue/{Regex.Escape(Uri.EscapeDataString(other.TriageTaskId))}$"));
        await Expect(Page.Locator(".task-panel h3")).ToContainTextAsync(other.Number);
    }

    [Test]
    public async Task Searching_by_number_finds_the_case_and_only_it()
    {
        var wanted = await Cases.ReportAsync(Server, "搜索：路灯不亮");
        var other = await Cases.ReportAsync(Server, "搜索：占道经营");
        await SignInAsync(Cases.TownshipDispatcher);
        await Expect(Row(other.Number)).ToBeVisibleAsync();

        await Page.Locator("#queue-search").FillAsync(wanted.Number.ToLowerInvariant());
        await Page.Locator("#queue-search").PressAsync("Enter");

        await Expect(Row(other.Number)).ToHaveCountAsync(0);
        await Expect(Page.Locator("table.queue-table tbody tr")).ToHaveCountAsync(1);
        await Expect(Row(wanted.Number)).ToBeVisibleAsync();
        await ScreenshotAsync("queue-search-by-number");

        await Page.Locator("#queue-search").FillAsync("占道");
        await Page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await Expect(Row(wanted.Number)).ToHaveCountAsync(0);
        await Expect(Row(other.Number)).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_mine_and_unclaimed_chips_narrow_the_list()
    {
        var claimed = await Cases.ReportAsync(Server, "筛选：已认领");
        var open = await Cases.ReportAsync(Server, "筛选：未认领");
        using (var dispatcher = await Server.ClientForAsync(Cases.TownshipDispatcher))
        {
            await JsonAsync(await dispatcher.PostAsync($"/api/tasks/{claimed.TriageTaskId}/claim", null));
        }

        await SignInAsync(Cases.TownshipDispatcher);
        await Expect(Row(claimed.Number)).ToBeVisibleAsync();
        await Expect(Row(open.Number)).ToBeVisibleAsync();

        await Page.Locator("button[data-chip='mine']").ClickAsync();
        await Expect(Page.Locator("button[data-chip='mine']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Row(open.Number)).ToHaveCountAsync(0);
        await Expect(Row(claimed.Number)).ToBeVisibleAsync();
        await ScreenshotAsync("queue-chip-mine");

        await Page.Locator("button[data-chip='unclaimed']").ClickAsync();
        await Expect(Page.Locator("button[data-chip='mine']")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Row(claimed.Number)).ToHaveCountAsync(0);
        await Expect(Row(open.Number)).ToBeVisibleAsync();
    }

    [Test]
    public async Task Enter_on_a_focused_row_opens_it_and_c_claims_it()
    {
        var reported = await Cases.ReportAsync(Server, "键盘：护栏损坏");
        await SignInAsync(Cases.TownshipDispatcher);
        var row = Row(reported.Number);

        await row.FocusAsync();
        await Expect(row).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new Regex($"/queue/{Regex.Escape(Uri.EscapeDataString(reported.TriageTaskId))}$"));
        await Expect(Page.Locator(".task-panel h3")).ToContainTextAsync(reported.Number);
        await Expect(Page.Locator(".task-panel kbd.key-hint").First).ToHaveTextAsync("C");
        await ScreenshotAsync("queue-opened-by-keyboard");

        // Typing a "c" in the search box is typing, not a claim.
        await Page.Locator("#queue-search").FillAsync("");
        await Page.Locator("#queue-search").PressAsync("c");
        await Expect(row).Not.ToContainTextAsync(Cases.TownshipDispatcher);

        await row.FocusAsync();
        await Page.Keyboard.PressAsync("c");
        await Expect(row).ToContainTextAsync(Cases.TownshipDispatcher);
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "立案", Exact = true })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_county_dispatcher_is_offered_no_grid_and_the_reassignment_names_the_new_unit()
    {
        var routed = await Cases.ReportAndTriageAsync(Server, "改派：跨村河道污染", difficulty: 4, scope: "County");
        using var client = await Server.ClientForAsync(Cases.CountyDispatcher);
        var township = (await client.GetFromJsonAsync<List<OrgUnitRow>>("/api/org-units?parent=140521"))!
            .Single(u => u.Code == Cases.TownshipDispatcher[1..]);

        await SignInAsync(Cases.CountyDispatcher);
        await Row(routed.Number).ClickAsync();
        var form = Page.GetByTestId("reassign");
        var unitOptions = form.Locator("select[name='unitCode'] option");
        await Expect(unitOptions.Nth(1)).ToBeAttachedAsync();
        Assert.That(await form.Locator("select[name='reassignLevel'] option").AllTextContentsAsync(), Has.None.EqualTo("网格"));
        var offered = await unitOptions.EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.That(offered, Has.None.StartsWith("140521100001001").And.None.StartsWith("140502").And.None.EqualTo("140500GA"), "no grid, nothing outside the county");
        Assert.That(offered, Does.Contain("140500").And.Contain("140521HB"), "the city centre above and the county's own departments");

        await form.Locator("input[name='unitFilter']").FillAsync(township.Code);
        await form.Locator("select[name='unitCode']").SelectOptionAsync(township.Code);
        await form.Locator("textarea[name='reassignReason']").FillAsync("属地乡镇处置");
        await form.GetByRole(AriaRole.Button, new() { Name = "确认改派" }).ClickAsync();

        await Expect(Page.GetByTestId("queue-notice")).ToContainTextAsync($"案件现由{township.Name}（{township.Code}）负责");
        await Expect(Page.Locator($"dd[title='{township.Code}']").First).ToHaveTextAsync(township.Name);
        await ScreenshotAsync("reassigned-names-the-unit");
        Assert.That(await Cases.StatusAsync(Server, routed.Id), Is.EqualTo("Dispatched"));
    }

    private sealed record OrgUnitRow(string Code, string Name, string Level);
}
