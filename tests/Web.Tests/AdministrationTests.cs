using System.Text.Json;
using System.Text.RegularExpressions;
using GridCase.Api.Administration;
using GridCase.Api.Administration.Calendar;
using GridCase.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace GridCase.Web.Tests;

/// <summary>The administration area (系统管理) as the demo city's system administrator sees it.</summary>
public class AdministrationTests : ConsoleTest
{
    private const string SystemAdmin = "sysadmin";

    /// <summary>10 December 2026 in China: the 2027 holiday schedule is due and not shipped.</summary>
    private static readonly DateTimeOffset December = new(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8));

    // Only the warnings read the fixed date: tokens and deadlines keep the real clock.
    protected override ConsoleServer CreateServer() => new(services =>
    {
        services.RemoveAll<CalendarWarnings>();
        services.AddSingleton(sp => new CalendarWarnings(sp.GetRequiredService<CalendarSnapshot>(), new FixedClock(December)));
    });

    [Test]
    public async Task A_system_administrator_lands_on_the_administration_area_and_sees_the_missing_next_year_calendar()
    {
        await SignInAsync(SystemAdmin);
        await Expect(Page).ToHaveURLAsync(new Regex("/admin$"));
        var warnings = Page.GetByTestId("admin-warnings");
        await Expect(warnings).ToContainTextAsync("2027年节假日安排缺失");
        await Expect(warnings).Not.ToContainTextAsync("2026年");
        await ScreenshotAsync("warnings");

        await Page.GetByRole(AriaRole.Link, new() { Name = "节假日", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/calendar$"));
        await Expect(warnings).ToContainTextAsync("2027年节假日安排缺失");
        await Expect(Page.Locator("input[name='year']")).ToBeVisibleAsync();
        await ScreenshotAsync("calendar");
    }

    [Test]
    public async Task The_units_tree_finds_a_unit_by_name_and_code_and_shows_a_grid_added_under_a_village()
    {
        await SignInAsync(SystemAdmin);
        var tree = Page.GetByRole(AriaRole.Tree);
        await Expect(tree.Locator("li[data-code='140500']")).ToBeVisibleAsync();

        await Page.Locator("input[name='unitSearch']").FillAsync("沁水");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("unit-results").Locator("li[data-code='140521']")).ToBeVisibleAsync();

        await Page.Locator("input[name='unitSearch']").FillAsync("140521100001");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
        var village = Page.GetByTestId("unit-results").Locator("li[data-code='140521100001']");
        await Expect(village).ToBeVisibleAsync();
        await ScreenshotAsync("search");
        await village.GetByRole(AriaRole.Button).ClickAsync();

        // The tree opens down to the village; its details show.
        await Expect(tree.Locator("li[data-code='140521100001']")).ToBeVisibleAsync();
        await Expect(tree.Locator("li[data-code='140521100001001']")).ToHaveCountAsync(0);
        var details = Page.GetByTestId("unit-details");
        await Expect(details).ToHaveAttributeAsync("data-code", "140521100001");
        await Expect(details).ToContainTextAsync("村（社区）");

        // A code that does not belong under the village: the server's message next to the code.
        var form = Page.GetByTestId("add-unit");
        await form.Locator("input[name='code']").FillAsync("140521100002901");
        await form.Locator("input[name='name']").FillAsync("试点新网格");
        await form.Locator("select[name='gridType']").SelectOptionAsync("Rural");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(form.Locator("[data-field-error='code']")).ToBeVisibleAsync();
        await ScreenshotAsync("add-grid-refused");

        await form.Locator("input[name='code']").FillAsync("140521100001901");
        await form.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(details.GetByRole(AriaRole.Status)).ToContainTextAsync("140521100001901");
        var added = tree.Locator("li[data-code='140521100001901']");
        await Expect(added).ToContainTextAsync("试点新网格");
        await Expect(tree.Locator("li[data-code='140521100001001']")).ToBeVisibleAsync();
        await ScreenshotAsync("grid-added");

        await added.Locator(".unit-name").ClickAsync();
        await Expect(details).ToHaveAttributeAsync("data-code", "140521100001901");
        await Expect(details).ToContainTextAsync("农村网格");
    }

    [Test]
    public async Task A_users_file_with_a_bad_row_is_refused_by_line_and_field_and_imported_once_fixed()
    {
        await SignInAsync(SystemAdmin);
        await Page.GetByRole(AriaRole.Link, new() { Name = "导入", Exact = true }).ClickAsync();
        await Page.GetByLabel("用户", new() { Exact = true }).CheckAsync();
        var text = Page.Locator("textarea[name='importText']");
        var dryRun = Page.GetByRole(AriaRole.Button, new() { Name = "试导入" });
        var apply = Page.GetByRole(AriaRole.Button, new() { Name = "确认导入" });

        const string header = "userName,displayName,role,unitCode,password\n";
        await text.FillAsync(header + "hweb001,网页导入办理员,Handler,140521100001,Import-2026\nhweb002,网页导入办理员二,Nobody,140521100001,Import-2026\n");
        await dryRun.ClickAsync();
        var preview = Page.GetByTestId("import-preview");
        await Expect(preview).ToHaveAttributeAsync("data-valid", "false");
        await Expect(preview.Locator("tr[data-line='3'][data-field='role']")).ToBeVisibleAsync();
        await Expect(preview.Locator("tr[data-line='2']")).ToHaveCountAsync(0);
        await Expect(apply).ToBeDisabledAsync();
        await ScreenshotAsync("dry-run-problems");

        await text.FillAsync(header + "hweb001,网页导入办理员,Handler,140521100001,Import-2026\nhweb002,网页导入办理员二,Handler,140521100001,Import-2026\n");
        await Expect(apply).ToBeDisabledAsync();
        await dryRun.ClickAsync();
        await Expect(preview).ToHaveAttributeAsync("data-valid", "true");
        await Expect(apply).ToBeEnabledAsync();
        await ScreenshotAsync("dry-run-valid");
        await apply.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入 2 行");

        await Page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).ClickAsync();
        await Page.Locator("input[name='userQuery']").FillAsync("hweb");
        var users = Page.GetByTestId("users");
        await Expect(users.Locator("tr[data-user]")).ToHaveCountAsync(2);
        await Expect(users.Locator("tr[data-user='hweb002']")).ToContainTextAsync("网页导入办理员二");
        await ScreenshotAsync("imported-users");
    }

    [Test]
    public async Task Disabling_a_user_changes_their_status_and_a_second_member_for_their_grid_names_the_current_one()
    {
        await SignInAsync(SystemAdmin);
        await Page.GetByRole(AriaRole.Link, new() { Name = "用户", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/admin/users$"));

        // 一格一员: the grid's member is named.
        var create = Page.GetByTestId("create-user");
        await create.Locator("input[name='userName']").FillAsync("gweb002");
        await create.Locator("input[name='displayName']").FillAsync("第二名网格员");
        await create.Locator("select[name='role']").SelectOptionAsync("GridMember");
        await create.Locator("input[name='unitCode']").FillAsync("140521100001002");
        await create.Locator("input[name='password']").FillAsync("Member-2026");
        await create.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await Expect(Page.GetByTestId("grid-taken")).ToContainTextAsync("g140521100001002");
        await ScreenshotAsync("one-member-per-grid");

        await Page.Locator("input[name='userQuery']").FillAsync("g140521100001001");
        var row = Page.GetByTestId("users").Locator("tr[data-user='g140521100001001']");
        await Expect(row.Locator("td[data-status]")).ToHaveTextAsync("在岗");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Expect(row.Locator("td[data-status]")).ToHaveTextAsync("已停用");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "启用" })).ToBeVisibleAsync();
        await ScreenshotAsync("user-disabled");

        await Page.Locator("select[name='statusFilter']").SelectOptionAsync("active");
        await Expect(row).ToHaveCountAsync(0);

        using var client = await Server.ClientForAsync(SystemAdmin);
        var user = await JsonAsync(await client.GetAsync("/api/admin/users/g140521100001001"));
        Assert.That(user.GetProperty("status").GetString(), Is.EqualTo("disabled"));
    }

    [Test]
    public async Task A_batch_proposed_by_the_administrator_cannot_be_approved_by_the_same_administrator()
    {
        using var client = await Server.ClientForAsync(SystemAdmin);
        var catalogue = await JsonAsync(await client.GetAsync("/api/catalogue?county=140521"));
        var category = catalogue.GetProperty("categories")[0];
        var department = category.GetProperty("items")[0].GetProperty("owningDepartment").GetString();
        var batch = JsonSerializer.Serialize(new
        {
            note = "网页测试批次",
            categories = Array.Empty<object>(),
            items = new[]
            {
                new
                {
                    code = $"{category.GetProperty("code").GetString()}-901",
                    name = "网页测试事项",
                    categoryCode = category.GetProperty("code").GetString(),
                    owningDepartment = department,
                    defaultLevel = "Township",
                    timeLimits = new { simple = 8, ordinary = 24, complex = 48, major = 96 },
                    countsTowardClosureRate = true,
                },
            },
        });

        await SignInAsync(SystemAdmin);
        await Page.GetByRole(AriaRole.Link, new() { Name = "事项清单", Exact = true }).ClickAsync();
        await Page.Locator("select[name='county']").SelectOptionAsync("140521");
        await Page.Locator("textarea[name='batchJson']").FillAsync(batch);
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交批次" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交批次");
        var row = Page.GetByTestId("batches").Locator("tr[data-status='Proposed']").Filter(new() { HasText = "网页测试批次" });
        await Expect(row).ToContainTextAsync("待审批");
        await ScreenshotAsync("batch-proposed");

        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Expect(row.GetByTestId("four-eyes")).ToContainTextAsync("提出批次的管理员不能审批自己的批次");
        await Expect(row).ToHaveAttributeAsync("data-status", "Proposed");
        await ScreenshotAsync("four-eyes-refusal");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
