using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

public class QueueTests : ConsoleTest
{
    [Test]
    public async Task Township_dispatcher_claims_a_fresh_case_and_completes_triage_through_the_form()
    {
        var reported = await Cases.ReportAsync(Server, "小区门口垃圾堆放");

        await SignInAsync(Cases.TownshipDispatcher);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/queue$"));
        var row = Page.Locator($"tr[data-case-number='{reported.Number}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".countdown")).ToContainTextAsync("剩余");
        await ScreenshotAsync("queue");

        // Category filter from the county catalogue (QS-01-001 belongs to 综治平安 QS-01) and newest-first sorting.
        await Page.Locator("select[name='category']").SelectOptionAsync("QS-03");
        await Expect(row).ToHaveCountAsync(0);
        await Page.Locator("select[name='category']").SelectOptionAsync("QS-01");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("综治平安");
        await Page.Locator("select[name='sort']").SelectOptionAsync("-openedAt");
        await Expect(Page.Locator("table.grid-table tbody tr").First).ToHaveAttributeAsync("data-case-number", reported.Number);
        await ScreenshotAsync("queue-category-sorted");

        await row.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "认领", Exact = true }).ClickAsync();
        await Expect(row).ToContainTextAsync(Cases.TownshipDispatcher);
        await Page.GetByRole(AriaRole.Radio, new() { Name = "立案", Exact = true }).CheckAsync();
        await Page.Locator("input[name='difficulty']").FillAsync("2");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交办理" }).ClickAsync();
        await Expect(Page.Locator("[data-field-error='scope']")).ToContainTextAsync("须填写");
        await ScreenshotAsync("triage-form-with-api-error");

        await Page.Locator("select[name='scope']").SelectOptionAsync("Village");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交办理" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交");
        await Expect(row).ToHaveCountAsync(0);
        await ScreenshotAsync("queue-after-triage");

        Assert.That(await Cases.StatusAsync(Server, reported.Id), Is.Not.EqualTo("Reported"));
    }
}
