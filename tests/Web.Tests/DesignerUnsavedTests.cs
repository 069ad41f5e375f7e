using System.Text.RegularExpressions;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>The designer keeps what is not saved yet, asks before replacing a draft, and a refused publish changes nothing saved.</summary>
public class DesignerUnsavedTests : ConsoleTest
{
    [Test]
    public async Task An_unsaved_edit_survives_leaving_the_page_and_a_reload()
    {
        Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await SignInAsync("admin");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        var triage = Page.Locator(".react-flow__node[data-id='triage']");
        await triage.ClickAsync();
        var title = Page.GetByTestId("properties").Locator("input[name='title']");
        await title.FillAsync("研判（未保存）");
        await Expect(Page.GetByTestId("unsaved-mark")).ToBeVisibleAsync();

        // Leaving for another page asks first; staying keeps the edit on screen.
        await Page.GetByRole(AriaRole.Link, new() { Name = "案件回放" }).ClickAsync();
        await Expect(Page.GetByTestId("confirm")).ToContainTextAsync("有未保存的修改");
        await ScreenshotAsync("designer-leave-asked");
        await Page.GetByTestId("confirm").GetByRole(AriaRole.Button, new() { Name = "留下" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/designer$"));
        await Expect(triage).ToContainTextAsync("研判（未保存）");
        await Page.GetByRole(AriaRole.Link, new() { Name = "案件回放" }).ClickAsync();
        await Page.GetByTestId("confirm").GetByRole(AriaRole.Button, new() { Name = "离开" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/replay$"));

        // Coming back offers the edit back.
        await Page.GetByRole(AriaRole.Link, new() { Name = "流程设计" }).ClickAsync();
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(triage).Not.ToContainTextAsync("研判（未保存）");
        await Expect(Page.GetByTestId("unsaved-offer")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-unsaved-offered");
        await Page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的修改" }).ClickAsync();
        await Expect(triage).ToContainTextAsync("研判（未保存）");
        await Expect(Page.GetByTestId("unsaved-mark")).ToBeVisibleAsync();

        // And after a reload.
        await Page.ReloadAsync();
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的修改" }).ClickAsync();
        await Expect(triage).ToContainTextAsync("研判（未保存）");
        await ScreenshotAsync("designer-unsaved-restored");

        // Saved, nothing is offered any more and leaving does not ask.
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("草稿已保存");
        await Expect(Page.GetByTestId("unsaved-mark")).ToHaveCountAsync(0);
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(triage).ToContainTextAsync("研判（未保存）");
        await Expect(Page.GetByTestId("unsaved-offer")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "案件回放" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/replay$"));
    }

    [Test]
    public async Task A_refused_publish_leaves_the_saved_draft_as_it_was_and_replacing_a_draft_is_asked_first()
    {
        await SignInAsync("admin");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Page.Locator(".react-flow__node[data-id='triage']").ClickAsync();
        await Page.GetByTestId("properties").Locator("input[name='title']").FillAsync("研判（已保存）");
        await Page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("草稿已保存");

        // A Notify node without its required props: the publish is refused and the saved draft does not have the node.
        await Page.Locator("[data-activity-type='Notify']").ClickAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToBeVisibleAsync();
        await Page.Locator("input[name='changeNote']").FillAsync("不该发布");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Expect(Page.Locator(".canvas-area [role='status']")).ToContainTextAsync("未发布");
        await Expect(Page.GetByTestId("problems").Locator("li[data-nodes='notify_1']").First).ToBeVisibleAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToBeVisibleAsync();
        await ScreenshotAsync("designer-publish-refused");
        using var api = await Server.ClientForAsync("admin");
        var draft = await JsonAsync(await api.GetAsync("/api/workflow-definitions/event-handling/draft"));
        var ids = draft.GetProperty("definition").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Does.Contain("triage").And.Not.Contain("notify_1"));
        var versions = await JsonAsync(await api.GetAsync("/api/workflow-definitions/event-handling/versions"));
        Assert.That(versions.GetArrayLength(), Is.EqualTo(2));

        // A new draft from v1 would replace the draft: asked first; cancelling keeps everything.
        var v1 = Page.GetByTestId("versions").Locator("li[data-version='1']");
        await v1.GetByRole(AriaRole.Button, new() { Name = "以此版本新建草稿" }).ClickAsync();
        await Expect(Page.GetByTestId("confirm")).ToContainTextAsync("已有草稿");
        await ScreenshotAsync("designer-replace-draft-asked");
        await Page.GetByTestId("confirm").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(Page.GetByTestId("confirm")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToBeVisibleAsync();
        await v1.GetByRole(AriaRole.Button, new() { Name = "以此版本新建草稿" }).ClickAsync();
        await Page.GetByTestId("confirm").GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(Page.GetByTestId("view-label")).ToHaveTextAsync("草稿 ← v1");
        await Expect(Page.Locator(".react-flow__node[data-id='notify_1']")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("unsaved-offer")).ToHaveCountAsync(0);
    }
}
