using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

public class DesignerTests : ConsoleTest
{
    //   report ──done──► notify_1 (new) ──done──► triage ──► …
    [Test]
    public async Task Admin_adds_and_connects_a_node_fixes_its_problem_and_publishes_a_new_version()
    {
        await SignInAsync("admin");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer$"));
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='triage']")).ToBeVisibleAsync();
        await ScreenshotAsync("designer");

        await Page.Locator("[data-activity-type='Notify']").ClickAsync();
        var properties = Page.GetByTestId("properties");
        await Expect(properties.Locator("input").First).ToHaveValueAsync("notify_1");
        await properties.Locator("select[name='connect-done']").SelectOptionAsync("triage");
        await Page.Locator(".react-flow__node[data-id='report']").ClickAsync();
        await Expect(properties.Locator("input").First).ToHaveValueAsync("report");
        await properties.Locator("select[name='connect-done']").SelectOptionAsync("notify_1");

        await Page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        var problem = Page.GetByTestId("problems").Locator("li[data-nodes='notify_1']").First;
        await Expect(problem).ToContainTextAsync("required");
        await Expect(Page.Locator(".activity-node.has-problems[data-node-id='notify_1']")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-problem-on-node");

        await problem.ClickAsync();
        await properties.Locator("textarea[name='props']").FillAsync("""{ "recipient": "responsible", "message": "新事件已立案，请及时处置" }""");
        await properties.GetByRole(AriaRole.Button, new() { Name = "应用" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("校验通过");
        await Expect(Page.Locator(".activity-node.has-problems")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("草稿已保存");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(Page.GetByText("发布前请填写变更说明")).ToBeVisibleAsync();
        await Page.Locator("input[name='changeNote']").FillAsync("立案前通知责任单位");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已发布版本 v2");
        var v2 = Page.GetByTestId("versions").Locator("li[data-version='2']");
        await Expect(v2).ToContainTextAsync("立案前通知责任单位");
        await Expect(v2).ToContainTextAsync("admin");
        await ScreenshotAsync("designer-published");
    }
}
