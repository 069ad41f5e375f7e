using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>
/// The main paths of user administration, each on a demo-mode API of its own, on SQLite and on PostgreSQL: the city's
/// system administrator (<c>sysadmin</c>) creates, refuses a second grid member, disables a grid member whose claimed task
/// goes back to the grid for the next member, imports the sample file, and tokens follow the live account.
/// </summary>
public abstract class UserMainPathTests
{
    private GridCaseApiFactory _api = null!;
    private HttpClient _admin = null!;
    private EventDriver _driver = null!;

    protected abstract Task<GridCaseApiFactory> StartAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await StartAsync();
        _admin = await _api.ClientForAsync("sysadmin");
        _driver = new EventDriver(_api);
        await _api.AddSampleCountyAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task An_administrator_creates_a_user_who_signs_in_and_is_read_back_without_secrets()
    {
        var created = await _admin.CreateUserAsync("main.handler", "Handler", "140521100003", "坪上社区 王芳");

        var body = await JsonAsync(created, HttpStatusCode.Created);
        Assert.That(created.Headers.Location?.ToString(), Is.EqualTo("/api/admin/users/main.handler"));
        Assert.That(body.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "userName", "displayName", "role", "unitCode", "unitName", "status", "disabledAt" }));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(body.GetProperty("unitName").GetString(), Is.EqualTo("坪上社区"));
        using var signedIn = await _api.ClientAsync("main.handler", Password);
        var read = await JsonAsync(await _admin.GetAsync("/api/admin/users/main.handler"), HttpStatusCode.OK);
        Assert.That(read.GetProperty("role").GetString(), Is.EqualTo("Handler"));
        var listed = await JsonAsync(await _admin.GetAsync("/api/admin/users?q=MAIN.HAND"), HttpStatusCode.OK);
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()), Is.EqualTo(new[] { "main.handler" }));
        var logged = (await _api.ChangesOfAsync("main.handler")).Single();
        Assert.That((logged.Kind, logged.ActorUserId, logged.ActorRole, logged.Area), Is.EqualTo(("UserCreated", "sysadmin", "SystemAdmin", "140521100003")));
        Assert.That(logged.Data, Does.Not.Contain(Password).And.Not.Contain("AQAAAA"));
    }

    [Test]
    public async Task A_second_active_grid_member_of_a_grid_is_409_naming_the_current_one_and_writes_nothing()
    {
        const string grid = "140521100002001";
        var current = await _api.StoredUserAsync("g" + grid);
        var before = await _api.CountAsync();

        var problem = await ProblemAsync(await _admin.CreateUserAsync("main.second", "GridMember", grid), HttpStatusCode.Conflict, "one-member-per-grid");

        Assert.That(problem.GetProperty("currentMember").GetProperty("userName").GetString(), Is.EqualTo("g" + grid));
        Assert.That(problem.GetProperty("currentMember").GetProperty("displayName").GetString(), Is.EqualTo(current!.DisplayName));
        Assert.That(problem.GetProperty("gridCode").GetString(), Is.EqualTo(grid));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(current.DisplayName).And.Contain("g" + grid));
        Assert.That(await _api.CountAsync(), Is.EqualTo(before));
    }

    //  file(1, Grid) ─▶ handle @ grid ── claimed by the grid member ── disabled by sysadmin ─▶ TaskReleased (sysadmin)
    //                                                          new member of the grid ─▶ claims ─▶ resolves
    [Test]
    public async Task Disabling_a_grid_member_gives_their_claimed_task_back_to_the_grid_for_the_next_member()
    {
        var filed = await _driver.FileAsync(1, "Grid");
        var taskId = filed.TaskId("handle");
        var leaving = await _driver.ClientAsync(EventDriver.GridMember);
        await JsonAsync(await leaving.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);

        var disabled = await JsonAsync(await _admin.PostAsync($"/api/admin/users/{EventDriver.GridMember}/disable", null), HttpStatusCode.OK);

        Assert.That(disabled.GetProperty("user").GetProperty("status").GetString(), Is.EqualTo("disabled"));
        Assert.That(disabled.GetProperty("releasedTasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()), Is.EqualTo(new[] { taskId }));
        var released = (await _driver.JournalAsync(filed.EventId))[^1];
        Assert.That(released.GetProperty("kind").GetString(), Is.EqualTo("TaskReleased"));
        Assert.That(released.GetProperty("actor").GetProperty("userId").GetString(), Is.EqualTo("sysadmin"));
        Assert.That(released.GetProperty("actor").GetProperty("role").GetString(), Is.EqualTo("SystemAdmin"));
        var logged = (await _api.ChangesOfAsync(EventDriver.GridMember)).Single(c => c.Kind == "UserDisabled");
        Assert.That(logged.Data, Does.Contain(taskId));

        await JsonAsync(await _admin.CreateUserAsync("g.next.001", "GridMember", EventDriver.Grid, "梅杏社区第一网格 新网格员"), HttpStatusCode.Created);
        using var next = await _api.ClientAsync("g.next.001", Password);
        await JsonAsync(await next.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);
        await JsonAsync(await next.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "resolved", data = new { resolution = "新网格员接手处置" } }), HttpStatusCode.OK);
        await _driver.VerifyAsync(filed.EventId);
    }

    [Test]
    public async Task The_sample_users_file_imports_into_the_sample_county_and_its_grid_member_signs_in()
    {
        var csv = await File.ReadAllTextAsync(SampleUsersFile);
        var before = await _api.CountAsync();

        var dryRun = await JsonAsync(await _admin.PostCsvAsync("/api/admin/users/import?dryRun=true", csv), HttpStatusCode.OK);
        var unchanged = await _api.CountAsync();
        var applied = await JsonAsync(await _admin.PostCsvAsync("/api/admin/users/import?dryRun=false", csv), HttpStatusCode.OK);

        Assert.That(dryRun.GetProperty("valid").GetBoolean(), Is.True, dryRun.ToString());
        Assert.That(dryRun.GetProperty("users").GetArrayLength(), Is.EqualTo(16));
        Assert.That(unchanged, Is.EqualTo(before));
        Assert.That(applied.GetProperty("applied").GetBoolean(), Is.True, applied.ToString());
        Assert.That(await _api.CountAsync(), Is.EqualTo((before.Users + 16, before.Changes + 1)));
        using var gridMember = await _api.ClientAsync("g140599100001001", "ChangeMe-2026");
        using var countyAdmin = await _api.ClientAsync("sa140599", "ChangeMe-2026");
        var own = await JsonAsync(await countyAdmin.GetAsync("/api/admin/users?limit=200"), HttpStatusCode.OK);
        Assert.That(own.GetProperty("items").GetArrayLength(), Is.EqualTo(16));
    }

    [Test]
    public async Task A_disabled_users_token_is_refused_at_once_and_they_cannot_sign_in_again()
    {
        await JsonAsync(await _admin.CreateUserAsync("main.leaver", "Dispatcher", "140521101"), HttpStatusCode.Created);
        using var leaver = await _api.ClientAsync("main.leaver", Password);
        await JsonAsync(await leaver.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);

        await JsonAsync(await _admin.PostAsync("/api/admin/users/main.leaver/disable", null), HttpStatusCode.OK);

        var refused = await ProblemAsync(await leaver.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        Assert.That(refused.GetProperty("title").GetString(), Does.Contain(" / "));
        var signIn = await ProblemAsync(await SignInAsync(_api.CreateClient(), "main.leaver", Password), HttpStatusCode.Unauthorized, "authentication");
        var wrongPassword = await ProblemAsync(await SignInAsync(_api.CreateClient(), "main.handler.none", Password), HttpStatusCode.Unauthorized, "authentication");
        Assert.That(signIn.GetProperty("title").GetString(), Is.EqualTo(wrongPassword.GetProperty("title").GetString()));
    }

    [Test]
    public async Task Changing_ones_own_password_ends_the_other_sessions_and_keeps_this_one()
    {
        await JsonAsync(await _admin.CreateUserAsync("main.changer", "Handler", "140521GA"), HttpStatusCode.Created);
        using var here = await _api.ClientAsync("main.changer", Password);
        using var elsewhere = await _api.ClientAsync("main.changer", Password);

        var changed = await JsonAsync(
            await here.PostAsJsonAsync("/api/auth/password", new { currentPassword = Password, newPassword = "N3w-password" }), HttpStatusCode.OK);

        using var fresh = _api.WithToken(changed.GetProperty("accessToken").GetString()!);
        await JsonAsync(await fresh.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        await ProblemAsync(await elsewhere.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        await ProblemAsync(await here.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        await ProblemAsync(await SignInAsync(_api.CreateClient(), "main.changer", Password), HttpStatusCode.Unauthorized);
        await JsonAsync(await SignInAsync(_api.CreateClient(), "main.changer", "N3w-password"), HttpStatusCode.OK);
        var logged = (await _api.ChangesOfAsync("main.changer")).Last();
        Assert.That((logged.Kind, logged.ActorUserId), Is.EqualTo(("UserPasswordChanged", "main.changer")));
        Assert.That(logged.Data, Does.Not.Contain("N3w-password"));
    }
}

public sealed class SqliteUserMainPathTests : UserMainPathTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => Task.FromResult(new GridCaseApiFactory());
}

public sealed class PostgresUserMainPathTests : UserMainPathTests
{
    protected override Task<GridCaseApiFactory> StartAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_users");
}
