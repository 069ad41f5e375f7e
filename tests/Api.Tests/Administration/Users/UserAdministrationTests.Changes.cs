using System.Net;
using System.Net.Http.Json;
using GridCase.Api.Tests.Events.Paths;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>Changing, disabling, enabling, resetting and handing over; 一格一员 on every way into a grid; 有进有出 on every way out.</summary>
public sealed partial class UserAdministrationTests
{
    [Test]
    public async Task Renaming_keeps_the_users_tokens_and_moving_ends_them()
    {
        await JsonAsync(await _county.CreateUserAsync("moves.on", "Handler", "140521100006"), HttpStatusCode.Created);
        using var session = await _api.ClientAsync("moves.on", Password);

        var renamed = await JsonAsync(await _county.PatchJsonAsync("/api/admin/users/moves.on", new { displayName = "改名 张三" }), HttpStatusCode.OK);
        await JsonAsync(await session.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        var moved = await JsonAsync(await _county.PatchJsonAsync("/api/admin/users/moves.on", new { unitCode = "140521YJ" }), HttpStatusCode.OK);

        Assert.That(renamed.GetProperty("user").GetProperty("displayName").GetString(), Is.EqualTo("改名 张三"));
        Assert.That(moved.GetProperty("user").GetProperty("unitCode").GetString(), Is.EqualTo("140521YJ"));
        await ProblemAsync(await session.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        var again = await JsonAsync(await SignInAsync(_api.CreateClient(), "moves.on", Password), HttpStatusCode.OK);
        Assert.That(again.GetProperty("unit").GetString(), Is.EqualTo("140521YJ"));
    }

    [Test]
    public async Task A_change_is_refused_like_a_creation_when_the_new_role_or_unit_does_not_fit()
    {
        await JsonAsync(await _county.CreateUserAsync("stays.put", "Handler", "140521100007"), HttpStatusCode.Created);

        await ProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.put", new { role = "GridMember" }), HttpStatusCode.UnprocessableEntity, "role-unit");
        await ProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.put", new { role = "GridMember", unitCode = "140521100007001" }),
            HttpStatusCode.Conflict, "one-member-per-grid");
        await FieldProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.put", new { }), "displayName");
        await FieldProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.put", new { unitCode = "GA" }), "unitCode");
        await ProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.put", new { password = Password }), HttpStatusCode.BadRequest);

        var stored = await _api.StoredUserAsync("stays.put");
        Assert.That((stored!.Role.ToString(), stored.UnitCode.Value), Is.EqualTo(("Handler", "140521100007")));
    }

    [Test]
    public async Task A_grid_takes_a_new_member_once_the_old_one_is_disabled_and_the_old_one_cannot_come_back_beside_them()
    {
        const string grid = "140521100008001";
        await ProblemAsync(await _county.CreateUserAsync("g.second", "GridMember", grid), HttpStatusCode.Conflict, "one-member-per-grid");
        await JsonAsync(await _county.PostAsync($"/api/admin/users/g{grid}/disable", null), HttpStatusCode.OK);
        await JsonAsync(await _county.CreateUserAsync("g.second", "GridMember", grid, "新网格员 孙七"), HttpStatusCode.Created);

        var problem = await ProblemAsync(await _county.PostAsync($"/api/admin/users/g{grid}/enable", null), HttpStatusCode.Conflict, "one-member-per-grid");

        Assert.That(problem.GetProperty("currentMember").GetProperty("userName").GetString(), Is.EqualTo("g.second"));
        Assert.That(problem.GetProperty("currentMember").GetProperty("displayName").GetString(), Is.EqualTo("新网格员 孙七"));
        Assert.That((await _api.StoredUserAsync("g" + grid))!.IsDisabled, Is.True);
    }

    [Test]
    public async Task Disabling_twice_changes_nothing_the_second_time_and_enabling_lets_the_user_sign_in_again()
    {
        await JsonAsync(await _county.CreateUserAsync("off.on", "Dispatcher", "140521105"), HttpStatusCode.Created);

        await JsonAsync(await _county.PostAsync("/api/admin/users/off.on/disable", null), HttpStatusCode.OK);
        var twice = await JsonAsync(await _county.PostAsync("/api/admin/users/off.on/disable", null), HttpStatusCode.OK);
        await ProblemAsync(await SignInAsync(_api.CreateClient(), "off.on", Password), HttpStatusCode.Unauthorized, "authentication");
        var enabled = await JsonAsync(await _county.PostAsync("/api/admin/users/off.on/enable", null), HttpStatusCode.OK);

        Assert.That(twice.GetProperty("user").GetProperty("status").GetString(), Is.EqualTo("disabled"));
        Assert.That(enabled.GetProperty("user").GetProperty("status").GetString(), Is.EqualTo("active"));
        await JsonAsync(await SignInAsync(_api.CreateClient(), "off.on", Password), HttpStatusCode.OK);
        Assert.That((await _api.ChangesOfAsync("off.on")).Count(c => c.Kind == "UserDisabled"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_administrator_cannot_disable_hand_over_or_move_their_own_account()
    {
        await ProblemAsync(await _county.PostAsync($"/api/admin/users/{CountyAdmin}/disable", null), HttpStatusCode.Conflict, "own-account");
        await ProblemAsync(await _county.PostAsJsonAsync($"/api/admin/users/{CountyAdmin}/handover", new { toUserName = "someone.new" }), HttpStatusCode.Conflict, "own-account");
        await ProblemAsync(await _county.PatchJsonAsync($"/api/admin/users/{CountyAdmin}", new { unitCode = "140521100" }), HttpStatusCode.Conflict, "own-account");

        var stored = await _api.StoredUserAsync(CountyAdmin);
        Assert.That((stored!.IsDisabled, stored.UnitCode.Value), Is.EqualTo((false, "140521")));
    }

    [Test]
    public async Task A_reset_password_replaces_the_old_one_and_ends_the_users_tokens()
    {
        await JsonAsync(await _county.CreateUserAsync("forgot.it", "Handler", "140521SJ"), HttpStatusCode.Created);
        using var session = await _api.ClientAsync("forgot.it", Password);

        await FieldProblemAsync(await _county.PostAsJsonAsync("/api/admin/users/forgot.it/reset-password", new { password = "short" }), "password");
        var reset = await _county.PostAsJsonAsync("/api/admin/users/forgot.it/reset-password", new { password = "Brand-new-1" });

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAsync(await session.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        await ProblemAsync(await SignInAsync(_api.CreateClient(), "forgot.it", Password), HttpStatusCode.Unauthorized);
        await JsonAsync(await SignInAsync(_api.CreateClient(), "forgot.it", "Brand-new-1"), HttpStatusCode.OK);
    }

    [Test]
    public async Task A_handover_disables_the_leaving_user_and_records_the_successor_without_creating_them()
    {
        await JsonAsync(await _county.CreateUserAsync("leaves.now", "Handler", "140521RS"), HttpStatusCode.Created);

        await FieldProblemAsync(await _county.PostAsJsonAsync("/api/admin/users/leaves.now/handover", new { toUserName = "leaves.now" }), "toUserName");
        var handed = await JsonAsync(await _county.PostAsJsonAsync("/api/admin/users/leaves.now/handover", new { toUserName = "comes.next" }), HttpStatusCode.OK);
        await ProblemAsync(await _county.PostAsJsonAsync("/api/admin/users/leaves.now/handover", new { toUserName = "comes.next" }), HttpStatusCode.Conflict, "user-disabled");

        Assert.That(handed.GetProperty("user").GetProperty("status").GetString(), Is.EqualTo("disabled"));
        Assert.That(handed.GetProperty("handedOverTo").GetString(), Is.EqualTo("comes.next"));
        Assert.That(await _api.StoredUserAsync("comes.next"), Is.Null);
        Assert.That((await _api.ChangesOfAsync("leaves.now")).Last().Data, Does.Contain("\"handedOverTo\":\"comes.next\""));
    }

    //  file(1, Grid) ─▶ handle @ 140521100001001, claimed by its grid member ── moved to the village by sa.qinshui ─▶ TaskReleased
    [Test]
    public async Task Moving_a_grid_member_to_their_village_gives_their_claimed_task_back_to_the_grid()
    {
        var filed = await _driver.FileAsync(1, "Grid");
        var taskId = filed.TaskId("handle");
        var member = await _driver.ClientAsync(EventDriver.GridMember);
        await JsonAsync(await member.PostAsync($"/api/tasks/{taskId}/claim", null), HttpStatusCode.OK);

        var moved = await JsonAsync(await _county.PatchJsonAsync($"/api/admin/users/{EventDriver.GridMember}",
            new { role = "Handler", unitCode = EventDriver.Village }), HttpStatusCode.OK);

        Assert.That(moved.GetProperty("releasedTasks")[0].GetProperty("taskId").GetString(), Is.EqualTo(taskId));
        var last = (await _driver.JournalAsync(filed.EventId))[^1];
        Assert.That((last.GetProperty("kind").GetString(), last.GetProperty("actor").GetProperty("userId").GetString()), Is.EqualTo(("TaskReleased", CountyAdmin)));
        var read = await JsonAsync(await _county.GetAsync($"/api/admin/users/{EventDriver.GridMember}"), HttpStatusCode.OK);
        Assert.That(read.GetProperty("unitCode").GetString(), Is.EqualTo(EventDriver.Village));
        await _driver.VerifyAsync(filed.EventId);
    }
}
