using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

public class DesignerTests : ConsoleTest
{
    //   report ──done──► notify_1 (new) ──done──► accept ──► …   (on the shipped v2, published as v3)
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
        // A new node lands in free space, never on another node; the minimap is there.
        var added = (await Page.Locator(".react-flow__node[data-id='notify_1']").BoundingBoxAsync())!;
        foreach (var other in await Page.Locator(".react-flow__node:not([data-id='notify_1'])").AllAsync())
        {
            var box = (await other.BoundingBoxAsync())!;
            var overlap = added.X < box.X + box.Width && box.X < added.X + added.Width && added.Y < box.Y + box.Height && box.Y < added.Y + added.Height;
            Assert.That(overlap, Is.False, $"notify_1 lands on {await other.GetAttributeAsync("data-id")}");
        }

        await Expect(Page.Locator(".react-flow__minimap")).ToBeVisibleAsync();
        await properties.Locator("select[name='connect-done']").SelectOptionAsync("accept");
        await Page.Locator(".react-flow__node[data-id='report']").ClickAsync();
        await Expect(properties.Locator("input").First).ToHaveValueAsync("report");
        await properties.Locator("select[name='connect-done']").SelectOptionAsync("notify_1");

        // Undo and redo an added node, with the keyboard and the buttons.
        await Page.Locator("[data-activity-type='Notify']").ClickAsync();
        var notify2 = Page.Locator(".react-flow__node[data-id='notify_2']");
        await Expect(notify2).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Control+z");
        await Expect(notify2).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "重做" }).ClickAsync();
        await Expect(notify2).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Expect(notify2).ToHaveCountAsync(0);
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToBeVisibleAsync();

        // Auto-layout: left to right by depth from the start node.
        await Page.GetByRole(AriaRole.Button, new() { Name = "自动布局" }).ClickAsync();
        await Page.WaitForTimeoutAsync(400);
        var report = await Page.Locator(".react-flow__node[data-id='report']").BoundingBoxAsync();
        var notify = await Page.Locator(".react-flow__node[data-id='notify_1']").BoundingBoxAsync();
        var accept = await Page.Locator(".react-flow__node[data-id='accept']").BoundingBoxAsync();
        Assert.That(report!.X, Is.LessThan(notify!.X));
        Assert.That(notify.X, Is.LessThan(accept!.X));
        await ScreenshotAsync("designer-auto-layout");

        // Node search selects the node and centres it.
        await Page.Locator("input[name='nodeSearch']").FillAsync("研判");
        await Page.GetByTestId("node-search-results").Locator("[data-find='triage']").ClickAsync();
        await Expect(Page.Locator(".activity-node.selected[data-node-id='triage']")).ToBeVisibleAsync();
        await Expect(properties.Locator("input").First).ToHaveValueAsync("triage");

        await Page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        var problem = Page.GetByTestId("problems").Locator("li[data-nodes='notify_1']").First;
        await Expect(problem).ToContainTextAsync("缺少必填属性");
        await Expect(Page.Locator(".activity-node.has-problems[data-node-id='notify_1']")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-problem-on-node");

        await problem.ClickAsync();
        // The properties form generated from the Notify type's schema.
        var form = properties.GetByTestId("schema-form");
        // The node's first edit typed key by key, as a person types: the panel must keep the focus throughout.
        var recipient = form.Locator("input[name='recipient']");
        await recipient.PressSequentiallyAsync("responsible");
        await Expect(recipient).ToHaveValueAsync("responsible");
        await form.Locator("textarea[name='message']").FillAsync("新事件已立案，请及时处置");
        await properties.Locator("input[name='advanced']").CheckAsync();
        await Expect(properties.Locator("textarea[name='props']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"recipient\": \"responsible\""));
        await ScreenshotAsync("designer-properties-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("校验通过");
        await Expect(Page.Locator(".activity-node.has-problems")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("草稿已保存");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(Page.GetByText("发布前请填写变更说明")).ToBeVisibleAsync();
        await Page.Locator("input[name='changeNote']").FillAsync("立案前通知责任单位");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        // The preview first: what v3 changes against v2; only the confirmation publishes.
        var preview = Page.GetByTestId("publish-preview");
        await Expect(preview.GetByTestId("diff-legend").Locator("[data-change='added']")).ToContainTextAsync("新增 1");
        await preview.GetByRole(AriaRole.Button, new() { Name = "确认发布 v3" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已发布版本 v3");
        var v3 = Page.GetByTestId("versions").Locator("li[data-version='3']");
        await Expect(v3).ToContainTextAsync("立案前通知责任单位");
        await Expect(v3).ToContainTextAsync("admin");
        await ScreenshotAsync("designer-published");

        // Diff v2 → v3 highlighted on the canvas.
        await Page.Locator("select[name='diffFrom']").SelectOptionAsync("2");
        await Page.Locator("select[name='diffTo']").SelectOptionAsync("3");
        await Page.GetByRole(AriaRole.Button, new() { Name = "对比", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("view-label")).ToHaveTextAsync("版本对比 v2 → v3");
        await Expect(Page.Locator(".activity-node.change-added[data-node-id='notify_1']")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("diff-legend").Locator("[data-change='added']")).ToContainTextAsync("新增 1");
        // The changed connections listed, and each changed field with its old and new value.
        await Expect(Page.GetByTestId("diff-legend").Locator("[data-connection='report:done->notify_1']")).ToContainTextAsync("新增连线");
        await Expect(Page.GetByTestId("diff-legend").Locator("li[data-field='layout']").First).ToContainTextAsync("→");
        await ScreenshotAsync("designer-diff");

        // Rollback to v2 makes a draft based on v2, without the new node.
        await Page.GetByTestId("versions").Locator("li[data-version='2']").GetByRole(AriaRole.Button, new() { Name = "以此版本新建草稿" }).ClickAsync();
        await Expect(Page.GetByTestId("view-label")).ToHaveTextAsync("草稿 ← v2");
        await Expect(Page.Locator(".react-flow__node[data-id='accept']")).ToBeVisibleAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已以 v2 为基础新建草稿");
        await ScreenshotAsync("designer-rollback");

        // The decision table's rows as an editable table: change one cell, save, and find it again after reopening.
        await Page.Locator(".react-flow__node[data-id='routing']").ClickAsync();
        var rows = Page.GetByTestId("properties").GetByTestId("table-rows");
        var cell = rows.Locator("input[name='rows[0].when.difficulty']");
        await Expect(cell).ToHaveValueAsync("1..2");
        await Expect(rows.Locator("input[name='rows[0].outcome']")).ToHaveValueAsync("grid");
        await cell.FillAsync("1, 2");
        await cell.PressAsync("Enter");
        await ScreenshotAsync("designer-decision-table");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("草稿已保存");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Page.Locator(".react-flow__node[data-id='routing']").ClickAsync();
        await Expect(Page.GetByTestId("table-rows").Locator("input[name='rows[0].when.difficulty']")).ToHaveValueAsync("1, 2");

        // Retire v2 (v3 stays published); retiring v1, where this server starts new cases, is refused with the reason.
        var versions = Page.GetByTestId("versions");
        await versions.Locator("li[data-version='2']").GetByRole(AriaRole.Button, new() { Name = "停用此版本" }).ClickAsync();
        await versions.Locator("li[data-version='2']").GetByRole(AriaRole.Button, new() { Name = "确认停用 v2" }).ClickAsync();
        await Expect(versions.Locator("li[data-version='2'] [data-status='Retired']")).ToHaveTextAsync("已停用");
        await Expect(versions.Locator("li[data-version='2']").GetByRole(AriaRole.Button, new() { Name = "停用此版本" })).ToHaveCountAsync(0);
        await versions.Locator("li[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "停用此版本" }).ClickAsync();
        await versions.Locator("li[data-version='1']").GetByRole(AriaRole.Button, new() { Name = "确认停用 v1" }).ClickAsync();
        await Expect(Page.GetByTestId("designer-error")).ToContainTextAsync("不能停用 v1");
        await Expect(Page.GetByTestId("designer-error")).ToContainTextAsync("新事件按服务器配置从 v1 开始");
        await Expect(versions.Locator("li[data-version='1'] [data-status='Published']")).ToHaveTextAsync("已发布");
        await ScreenshotAsync("designer-retire-refused");
    }
}
