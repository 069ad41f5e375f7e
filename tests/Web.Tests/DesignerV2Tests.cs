using System.Text.Json;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>
/// The designer for policy administrators (issue 13, item 5): a publish previewed with the open cases on each version,
/// a definition created in the console, a township bound to it in the tree (一乡一策), a deadline set with the duration
/// picker. Each test on its own server: one publishes event-handling, another binds a township.
/// </summary>
public abstract class DesignerV2Test : ConsoleTest
{
    protected async Task<JsonElement> ApiAsync(string path)
    {
        using var api = await Server.ClientForAsync("admin");
        return await JsonAsync(await api.GetAsync(path));
    }

    protected async Task OpenAsync(string definitionId)
    {
        await SignInAsync("admin");
        await Page.Locator($"[data-definition='{definitionId}']").ClickAsync();
        await Expect(Page.GetByTestId("view-label")).ToContainTextAsync("草稿");
    }
}

public sealed class DesignerPublishPreviewTests : DesignerV2Test
{
    [Test]
    public async Task Publishing_is_previewed_with_the_diff_and_the_open_cases_left_on_each_version()
    {
        int RunningOnV1(JsonElement versions) => versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1).GetProperty("runningCases").GetInt32();
        var before = RunningOnV1(await ApiAsync("/api/workflow-definitions/event-handling/versions"));
        await Cases.ReportAsync(Server, "路灯不亮");
        await Cases.ReportAsync(Server, "井盖缺失");
        var running = before + 2;

        await OpenAsync("event-handling");
        await Page.Locator(".react-flow__node[data-id='triage']").ClickAsync();
        await Page.GetByTestId("properties").Locator("input[name='title']").FillAsync("研判分类（新）");
        await Page.Locator("input[name='changeNote']").FillAsync("研判环节改名");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();

        var preview = Page.GetByTestId("publish-preview");
        await Expect(preview).ToContainTextAsync("发布预览：v3");
        await Expect(preview).ToContainTextAsync("与 v2 相比");
        await Expect(preview.GetByTestId("diff-legend").Locator("[data-change='changed']")).ToContainTextAsync("修改 1");
        await Expect(preview.GetByTestId("diff-legend").Locator("li[data-field='title']")).ToContainTextAsync("研判分类（新）");
        var v1 = preview.GetByTestId("running-cases").Locator("li[data-version='1']");
        await Expect(v1).ToHaveAttributeAsync("data-running", running.ToString());
        await Expect(v1).ToContainTextAsync($"v1：{running} 件在办案件");
        await ScreenshotAsync("designer-publish-preview");

        // Cancelling publishes nothing; confirming publishes v3, and the open cases stay on v1.
        await preview.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(preview).ToHaveCountAsync(0);
        Assert.That((await ApiAsync("/api/workflow-definitions/event-handling/versions")).GetArrayLength(), Is.EqualTo(2));
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await preview.GetByRole(AriaRole.Button, new() { Name = "确认发布 v3" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已发布版本 v3");
        var versions = await ApiAsync("/api/workflow-definitions/event-handling/versions");
        Assert.That(versions.GetArrayLength(), Is.EqualTo(3));
        Assert.That(RunningOnV1(versions), Is.EqualTo(running));
        await ScreenshotAsync("designer-published-after-preview");
    }
}

public sealed class DesignerNewDefinitionTests : DesignerV2Test
{
    [Test]
    public async Task A_definition_is_created_in_the_console_published_and_bound_to_a_township_in_the_tree()
    {
        await SignInAsync("admin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "新建流程" }).ClickAsync();
        var form = Page.GetByTestId("new-definition");
        // An id in use is refused beside the id field.
        await form.Locator("input[name='definitionId']").FillAsync("event-handling");
        await form.Locator("input[name='definitionName']").FillAsync("重名流程");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(form.Locator("#new-definition-id-error")).ToContainTextAsync("已存在");
        await ScreenshotAsync("designer-new-definition-taken");

        await form.Locator("input[name='definitionId']").FillAsync("shili-township");
        await form.Locator("input[name='definitionName']").FillAsync("十里乡事件流转");
        await form.Locator("input[name='definitionNameEn']").FillAsync("Shili township workflow");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已新建流程 shili-township");
        await Expect(Page.Locator("[data-definition='shili-township']")).ToContainTextAsync("十里乡事件流转");
        await Expect(Page.Locator("[data-definition='shili-township']")).Not.ToContainTextAsync("Shili");
        await Expect(Page.Locator(".react-flow__node[data-id='start']")).ToBeVisibleAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='end']")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-new-definition");

        // Its first version: the preview says so, with no open cases.
        await Page.Locator("input[name='changeNote']").FillAsync("十里乡试行");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        var preview = Page.GetByTestId("publish-preview");
        await Expect(preview).ToContainTextAsync("第一个版本");
        await Expect(preview.GetByTestId("running-cases")).ToContainTextAsync("没有在办案件");
        await preview.GetByRole(AriaRole.Button, new() { Name = "确认发布 v1" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已发布版本 v1");

        // 一乡一策: open 沁水县 in the tree and bind its first township to the new workflow; then unbind it.
        await Page.GetByRole(AriaRole.Button, new() { Name = "一乡一策（流程绑定）" }).ClickAsync();
        var tree = Page.GetByTestId("bindings");
        await tree.Locator("tr[data-unit='140521'] .tree-toggle").ClickAsync();
        var township = tree.Locator("tr[data-unit='140521100']");
        await Expect(township).ToHaveAttributeAsync("data-source", "default");
        await Expect(township).ToContainTextAsync("默认流程");
        await township.Locator("select[name='bind-140521100']").SelectOptionAsync("shili-township");
        await Expect(township).ToHaveAttributeAsync("data-source", "own");
        await Expect(township).ToHaveAttributeAsync("data-runs", "shili-township");
        await Expect(township).ToContainTextAsync("十里乡事件流转");
        await Expect(tree.GetByRole(AriaRole.Status)).ToContainTextAsync("已改用");
        await ScreenshotAsync("designer-bindings-tree");
        var bindings = await ApiAsync("/api/workflow-bindings");
        Assert.That(bindings.EnumerateArray().Any(b => b.GetProperty("unitCode").GetString() == "140521100" && b.GetProperty("definitionId").GetString() == "shili-township"), Is.True);

        await township.GetByRole(AriaRole.Button, new() { Name = "解除绑定" }).ClickAsync();
        await Expect(township).ToHaveAttributeAsync("data-source", "default");
        Assert.That((await ApiAsync("/api/workflow-bindings")).EnumerateArray().Any(b => b.GetProperty("unitCode").GetString() == "140521100"), Is.False);
    }
}

public sealed class DesignerDurationPickerTests : DesignerV2Test
{
    [Test]
    public async Task A_deadline_is_set_with_the_duration_picker_and_saved()
    {
        await OpenAsync("event-handling");
        await Page.Locator(".react-flow__node[data-id='triage']").ClickAsync();
        var form = Page.GetByTestId("properties").GetByTestId("schema-form");
        var amount = form.Locator("input[name='deadline.amount']");
        var unit = form.Locator("select[name='deadline.amountUnit']");
        // v2's triage deadline, {"workingHours": 2, "warnAt": 0.8}, as a number and a unit.
        await Expect(amount).ToHaveValueAsync("2");
        await Expect(unit).ToHaveValueAsync("workingHours");

        await unit.SelectOptionAsync("workingDays");
        await amount.FillAsync("3");
        await Expect(form.Locator("input[name='deadline.warnAt']")).ToHaveValueAsync("0.8");
        await ScreenshotAsync("designer-duration-picker");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("草稿已保存");

        var draft = await ApiAsync("/api/workflow-definitions/event-handling/draft");
        var deadline = draft.GetProperty("definition").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == "triage").GetProperty("props").GetProperty("deadline");
        Assert.That(deadline.GetProperty("workingHours").GetDouble(), Is.EqualTo(24));
        Assert.That(deadline.GetProperty("warnAt").GetDouble(), Is.EqualTo(0.8));
        Assert.That(deadline.TryGetProperty("duration", out _), Is.False);

        // Calendar time is written as an ISO-8601 duration.
        await unit.SelectOptionAsync("calendarHours");
        await amount.FillAsync("36");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("草稿已保存");
        draft = await ApiAsync("/api/workflow-definitions/event-handling/draft");
        deadline = draft.GetProperty("definition").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == "triage").GetProperty("props").GetProperty("deadline");
        Assert.That(deadline.GetProperty("duration").GetString(), Is.EqualTo("P1DT12H"));
        Assert.That(deadline.TryGetProperty("workingHours", out _), Is.False);

        // A fixed unit is picked by name: the department's code goes into the document.
        await Page.Locator("[data-activity-type='HumanTask']").ClickAsync();
        var properties = Page.GetByTestId("properties");
        await properties.Locator("select[name='queue.kind']").SelectOptionAsync(new SelectOptionValue { Label = "指定单位" });
        var picker = properties.Locator("select[name='queue.unit']");
        await picker.SelectOptionAsync("140521HB");
        await properties.Locator("input[name='advanced']").CheckAsync();
        await Expect(properties.Locator("textarea[name='props']")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"unit\": \"140521HB\""));
        await ScreenshotAsync("designer-unit-picker");
    }
}
