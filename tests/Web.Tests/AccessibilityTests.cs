using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GridCase.Web.Tests.Support;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>axe-core on every page of the console as each role sees it: no serious or critical violation.</summary>
public class AccessibilityTests : ConsoleTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    // Every screen of a test is checked; what the screens found is reported together at the end.
    private readonly StringBuilder _found = new();

    [SetUp]
    public void ClearFound() => _found.Clear();

    [TearDown]
    public void NothingSeriousFound() => Assert.That(_found.ToString(), Is.Empty);

    [Test]
    public async Task The_sign_in_page_has_no_serious_violation()
    {
        await Page.GotoAsync(Server.BaseAddress.ToString());
        await Expect(Page.GetByLabel("用户名")).ToBeVisibleAsync();
        await CheckAsync("sign-in");
    }

    [Test]
    public async Task The_designer_with_a_definition_and_a_node_open_has_no_serious_violation()
    {
        await SignInAsync("admin");
        await Expect(Page).ToHaveURLAsync(new Regex("/designer$"));
        await CheckAsync("designer-versions");
        await Page.Locator("[data-definition='event-handling']").ClickAsync();
        await Expect(Page.Locator(".react-flow__node[data-id='triage']")).ToBeVisibleAsync();
        await Page.Locator(".react-flow__node[data-id='triage']").ClickAsync();
        await Expect(Page.GetByTestId("properties").Locator("input").First).ToHaveValueAsync("triage");
        await CheckAsync("designer-node");

        var picker = Page.GetByTestId("diff-picker");
        await picker.Locator("select[name='diffFrom']").SelectOptionAsync("1");
        await picker.Locator("select[name='diffTo']").SelectOptionAsync("2");
        await picker.GetByRole(AriaRole.Button, new() { Name = "对比" }).ClickAsync();
        await Expect(Page.Locator(".activity-node[class*='change-']").First).ToBeVisibleAsync();
        await CheckAsync("designer-diff");

        // The publish preview (cancelled), the new-definition form and the bindings tree with a county open.
        await Page.GetByRole(AriaRole.Button, new() { Name = "编辑草稿" }).ClickAsync();
        await Page.Locator("input[name='changeNote']").FillAsync("无障碍检查");
        await Page.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("publish-preview")).ToBeVisibleAsync();
        await CheckAsync("designer-publish-preview");
        await Page.GetByTestId("publish-preview").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "新建流程" }).ClickAsync();
        await Expect(Page.GetByTestId("new-definition")).ToBeVisibleAsync();
        await CheckAsync("designer-new-definition");
        await Page.GetByTestId("new-definition").GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "一乡一策（流程绑定）" }).ClickAsync();
        await Page.GetByTestId("bindings").Locator("tr[data-unit='140521'] .tree-toggle").ClickAsync();
        await Expect(Page.GetByTestId("bindings").Locator("tr[data-unit='140521100']")).ToBeVisibleAsync();
        await CheckAsync("designer-bindings");
    }

    [Test]
    public async Task The_queue_with_a_task_selected_has_no_serious_violation()
    {
        var reported = await Cases.ReportAsync(Server, "楼道堆物");
        await SignInAsync(Cases.TownshipDispatcher);
        await Expect(Page).ToHaveURLAsync(new Regex("/queue$"));
        var row = Page.Locator($"tr[data-case-number='{reported.Number}']");
        await Expect(row).ToBeVisibleAsync();
        await CheckAsync("queue");
        await row.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "认领", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "立案", Exact = true })).ToBeVisibleAsync();
        await CheckAsync("queue-task");

        // Each of the case's actions beside the task.
        foreach (var action in new[] { "催办", "改派网格", "重新分类" })
        {
            await Page.Locator(".case-action-tabs").GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
            await CheckAsync($"queue-action-{action}");
        }
    }

    [Test]
    public async Task The_replay_with_a_case_open_has_no_serious_violation()
    {
        var reported = await Cases.ReportAndTriageAsync(Server, "路灯不亮", difficulty: 2, scope: "Village");

        await SignInAsync("auditor");
        var row = Page.Locator($"tr[data-case-number='{reported.Number}']");
        await Expect(row).ToBeVisibleAsync();
        await CheckAsync("replay-list");
        await row.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        await Expect(Page.GetByTestId("verify-badge")).ToContainTextAsync("链完整");
        await Expect(Page.Locator(".activity-node.active")).Not.ToHaveCountAsync(0);
        await CheckAsync("replay-case");
    }

    [TestCase("units")]
    [TestCase("users")]
    [TestCase("import")]
    [TestCase("catalogue")]
    [TestCase("calendar")]
    public async Task Each_administration_section_has_no_serious_violation(string section)
    {
        await SignInAsync("sysadmin");
        await Expect(Page).ToHaveURLAsync(new Regex("/admin$"));
        await Page.GotoAsync(new Uri(Server.BaseAddress, $"/admin/{section}").ToString());
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CheckAsync($"admin-{section}");
        if (section == "units")
        {
            await Page.Locator("input[name='unitSearch']").FillAsync("140521100001");
            await Page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
            await Page.GetByTestId("unit-results").Locator("li[data-code='140521100001']").GetByRole(AriaRole.Button).ClickAsync();
            await Expect(Page.GetByTestId("unit-details")).ToHaveAttributeAsync("data-code", "140521100001");
            await CheckAsync("admin-unit-details");
        }
    }

    /// <summary>Runs axe on the page as it is and notes each serious or critical violation with its rule, target and help.</summary>
    private async Task CheckAsync(string screen)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ScreenshotAsync(screen);
        var context = new AxeRunContext { Exclude = [.. ReactFlowExclusions.Select(s => new AxeSelector(s))] };
        var result = await Page.RunAxe(context);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        foreach (var violation in blocking)
        {
            foreach (var node in violation.Nodes)
            {
                _found.AppendLine($"{screen}: [{violation.Impact}] {violation.Id} at {node.Target}: {violation.Help} ({violation.HelpUrl})");
                _found.AppendLine($"    {node.Html}");
            }
        }

        TestContext.Out.WriteLine($"{screen}: {result.Violations.Length} violation(s), {blocking.Count} serious or critical");
    }

    // Parts of React Flow's own markup that no prop or CSS of ours reaches (none so far).
    private static readonly string[] ReactFlowExclusions = [];
}
