using System.Net;
using System.Text.Json;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>Importing users from CSV: a dry run lists every bad line by line and field; an apply is all or nothing.</summary>
public sealed partial class UserAdministrationTests
{
    private const string Header = "userName,displayName,role,unitCode,password\n";

    private static IEnumerable<(int Line, string Field)> Problems(JsonElement body) =>
        body.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("field").GetString()!));

    [Test]
    public async Task A_dry_run_lists_every_bad_line_by_line_and_field_and_writes_nothing()
    {
        var csv = Header
            + "imp.good,好行,Handler,140521GA,Passw0rd-1\n"               // 2: fine
            + "bad name,坏名,Handler,140521GA,Passw0rd-1\n"               // 3
            + "imp.short,短密码,Handler,140521GA,short\n"                 // 4
            + "imp.misfit,不合适,GridMember,140521100001,Passw0rd-1\n"    // 5
            + "imp.far,外县,Handler,140502GA,Passw0rd-1\n"                // 6: another county
            + "d140521,重名,Dispatcher,140521,Passw0rd-1\n"               // 7: taken
            + "imp.good,重复,Handler,140521HB,Passw0rd-1\n"               // 8: repeats line 2
            + "imp.grid,占格,GridMember,140521100009001,Passw0rd-1\n"     // 9: the grid has its member
            + "imp.role,角色,Boss,140521GA,Passw0rd-1\n"                  // 10
            + "imp.cols,少列,Handler\n"                                   // 11
            + "imp.empty,,Handler,140521GA,Passw0rd-1\n";                 // 12
        var before = await _api.CountAsync();

        var report = await JsonAsync(await _county.PostAsync("/api/admin/users/import?dryRun=true", Csv(csv)), HttpStatusCode.OK);

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(report.GetProperty("dryRun").GetBoolean(), Is.True);
        Assert.That(Problems(report), Is.EquivalentTo(new[]
        {
            (3, "userName"), (4, "password"), (5, "role"), (6, "unitCode"), (7, "userName"), (8, "userName"), (9, "unitCode"), (10, "role"), (11, ""), (12, "displayName"),
        }));
        var grid = report.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("line").GetInt32() == 9).GetProperty("message").GetString();
        Assert.That(grid, Does.Contain("g140521100009001"));
        Assert.That(await _api.CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Two_grid_members_for_one_grid_in_a_file_are_refused_on_the_second_line_naming_the_first()
    {
        var csv = Header
            + "imp.g.first,第一人,GridMember,140599100002002,Passw0rd-1\n"
            + "imp.g.second,第二人,GridMember,140599100002002,Passw0rd-1\n";

        var report = await JsonAsync(await _city.PostAsync("/api/admin/users/import?dryRun=true", Csv(csv)), HttpStatusCode.OK);

        Assert.That(Problems(report), Is.EqualTo(new[] { (3, "unitCode") }));
        Assert.That(report.GetProperty("problems")[0].GetProperty("message").GetString(), Does.Contain("imp.g.first").And.Contain("第一人").And.Contain("2"));
    }

    [Test]
    public async Task An_apply_with_one_bad_line_writes_nothing_and_the_corrected_file_writes_everything_at_once()
    {
        var good = "imp.all.one,一号,Handler,140599GA,Passw0rd-1\n" + "imp.all.grid,二号,GridMember,140599200001002,Passw0rd-1\n";
        var before = await _api.CountAsync();

        var refused = await ProblemAsync(await _city.PostAsync("/api/admin/users/import?dryRun=false", Csv(Header + good + "imp.all.bad,三号,Handler,140500,Passw0rd-1\n")),
            HttpStatusCode.BadRequest, "import-invalid");
        var unchanged = await _api.CountAsync();
        var applied = await JsonAsync(await _city.PostAsync("/api/admin/users/import?dryRun=false", Csv(Header + good)), HttpStatusCode.OK);

        Assert.That(Problems(refused), Is.EqualTo(new[] { (4, "role") }));
        Assert.That(unchanged, Is.EqualTo(before));
        Assert.That(applied.GetProperty("applied").GetBoolean(), Is.True);
        Assert.That(await _api.CountAsync(), Is.EqualTo((before.Users + 2, before.Changes + 1)));
        var logged = (await _api.InDatabaseAsync(db => Task.FromResult(db.AdminChanges.OrderByDescending(c => c.Id).First())));
        Assert.That((logged.Kind, logged.ActorUserId), Is.EqualTo(("UsersImported", "sysadmin")));
        Assert.That(logged.Data, Does.Contain("imp.all.grid").And.Not.Contain("Passw0rd-1"));
        await JsonAsync(await SignInAsync(_api.CreateClient(), "imp.all.grid", "Passw0rd-1"), HttpStatusCode.OK);
    }

    [TestCase("userName,displayName,role,unitCode\nx,y,Handler,140521GA\n", 1, "password")]
    [TestCase("userName,displayName,role,unitCode,password,email\nx,y,Handler,140521GA,Passw0rd-1,a@b\n", 1, "email")]
    [TestCase("userName,userName,displayName,role,unitCode,password\n", 1, "userName")]
    [TestCase("", 1, "userName")]
    [TestCase("userName,displayName,role,unitCode,password\n", 1, "")]
    [TestCase("UserName, DisplayName ,ROLE,unitcode,Password\nimp.q,\"引号\"不对,Handler,140521GA,Passw0rd-1\n", 2, "")]
    public async Task A_file_that_cannot_be_read_is_reported_on_its_line(string csv, int line, string field)
    {
        var report = await JsonAsync(await _county.PostAsync("/api/admin/users/import?dryRun=true", Csv(csv)), HttpStatusCode.OK);

        Assert.That(Problems(report), Has.Member((line, field)));
    }

    [Test]
    public async Task A_file_that_is_not_utf8_is_400_before_any_line_is_read_as_for_units()
    {
        var gbk = new byte[] { 0x75, 0x73, 0x65, 0x72, 0x4E, 0x61, 0x6D, 0x65, 0x0A, 0xC4, 0xE3, 0xBA, 0xC3, 0x0A };
        using var content = new ByteArrayContent(gbk);

        var problem = await ProblemAsync(await _county.PostAsync("/api/admin/users/import?dryRun=true", content), HttpStatusCode.BadRequest, "import-encoding");

        Assert.That(problem.GetProperty("title").GetString(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task Column_names_are_matched_in_any_order_and_case()
    {
        var csv = "Password,UnitCode,Role,DisplayName,USERNAME\nPassw0rd-1,140521NY,Handler,农业 周八,imp.order\n";

        var report = await JsonAsync(await _county.PostAsync("/api/admin/users/import?dryRun=true", Csv(csv)), HttpStatusCode.OK);

        Assert.That(report.GetProperty("valid").GetBoolean(), Is.True, report.ToString());
        Assert.That(report.GetProperty("users")[0].GetProperty("displayName").GetString(), Is.EqualTo("农业 周八"));
        Assert.That(await _api.StoredUserAsync("imp.order"), Is.Null);
    }
}
