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
}
