using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>A county's administrator manages its county only: anything of another county or of the city is 404.</summary>
public sealed partial class UserAdministrationTests
{
    private static IEnumerable<string> UserNames(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("userName").GetString()!);

    [TestCase("GET", "/api/admin/users/d140502")]
    [TestCase("GET", "/api/admin/users/sysadmin")]
    [TestCase("PATCH", "/api/admin/users/d140502")]
    [TestCase("POST", "/api/admin/users/d140502/disable")]
    [TestCase("POST", "/api/admin/users/d140502/enable")]
    [TestCase("POST", "/api/admin/users/d140502/reset-password")]
    [TestCase("POST", "/api/admin/users/d140502/handover")]
    [TestCase("GET", "/api/admin/users?unit=140502")]
    [TestCase("GET", "/api/admin/users/nobody.at.all")]
    public async Task A_county_administrator_gets_404_for_anything_outside_the_county(string method, string path)
    {
        object body = path.EndsWith("reset-password", StringComparison.Ordinal) ? new { password = Password }
            : path.EndsWith("handover", StringComparison.Ordinal) ? new { toUserName = "someone.else" }
            : new { displayName = "越权" };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(body) };
        var before = await _api.StoredUserAsync("d140502");

        await ProblemAsync(await _county.SendAsync(request), HttpStatusCode.NotFound, "not-found");

        var after = await _api.StoredUserAsync("d140502");
        Assert.That((after!.DisplayName, after.IsDisabled, after.SecurityStamp), Is.EqualTo((before!.DisplayName, before.IsDisabled, before.SecurityStamp)));
    }

    [Test]
    public async Task A_county_administrator_cannot_create_or_move_anyone_into_another_county()
    {
        await ProblemAsync(await _county.CreateUserAsync("into.chengqu", "Dispatcher", "140502001"), HttpStatusCode.NotFound);
        await JsonAsync(await _county.CreateUserAsync("stays.home", "Dispatcher", "140521103"), HttpStatusCode.Created);
        await ProblemAsync(await _county.PatchJsonAsync("/api/admin/users/stays.home", new { unitCode = "140502001" }), HttpStatusCode.NotFound);
        await ProblemAsync(await _county.CreateUserAsync("into.city", "Auditor", "140500"), HttpStatusCode.NotFound);

        Assert.That(await _api.StoredUserAsync("into.chengqu"), Is.Null);
        Assert.That((await _api.StoredUserAsync("stays.home"))!.UnitCode.Value, Is.EqualTo("140521103"));
    }

    [Test]
    public async Task A_handover_to_someone_of_another_county_is_404_and_hands_nothing_over()
    {
        await JsonAsync(await _county.CreateUserAsync("hands.over", "Handler", "140521SW"), HttpStatusCode.Created);

        await ProblemAsync(await _county.PostAsJsonAsync("/api/admin/users/hands.over/handover", new { toUserName = "d140502" }), HttpStatusCode.NotFound);

        Assert.That((await _api.StoredUserAsync("hands.over"))!.IsDisabled, Is.False);
    }

    [Test]
    public async Task The_county_list_pages_through_every_user_of_the_county_by_name_and_no_one_else()
    {
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await JsonAsync(await _county.GetAsync($"/api/admin/users?limit=200&after={Uri.EscapeDataString(after ?? "")}"), HttpStatusCode.OK);
            names.AddRange(UserNames(page));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        var expected = await _api.InDatabaseAsync(db => db.Users.AsNoTracking()
            .Where(u => ((string)(object)u.UnitCode).StartsWith("140521")).Select(u => u.UserName).ToListAsync());
        Assert.That(names, Is.EquivalentTo(expected));
        Assert.That(names, Is.Unique);
        Assert.That(names.Count, Is.GreaterThan(512));
        Assert.That(names, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(names, Does.Not.Contain("sysadmin").And.Not.Contain("d140502"));
    }

    [Test]
    public async Task The_city_administrator_sees_both_counties()
    {
        var chengqu = await JsonAsync(await _city.GetAsync("/api/admin/users?unit=140502&role=Dispatcher&limit=200"), HttpStatusCode.OK);
        var qinshui = await JsonAsync(await _city.GetAsync("/api/admin/users?unit=140521&role=Dispatcher&limit=200"), HttpStatusCode.OK);

        Assert.That(UserNames(chengqu), Has.Member("d140502").And.All.StartWith("d140502"));
        Assert.That(UserNames(qinshui), Has.Member("d140521"));
    }

    [Test]
    public async Task The_list_filters_by_unit_role_status_and_search()
    {
        await JsonAsync(await _county.CreateUserAsync("filter.one", "Handler", "140521104001", "嘉峰 赵一"), HttpStatusCode.Created);
        await JsonAsync(await _county.CreateUserAsync("filter.two", "Handler", "140521104001", "嘉峰 钱二"), HttpStatusCode.Created);
        await JsonAsync(await _county.PostAsync("/api/admin/users/filter.two/disable", null), HttpStatusCode.OK);

        var village = await JsonAsync(await _county.GetAsync("/api/admin/users?unit=140521104001&role=handler"), HttpStatusCode.OK);
        var active = await JsonAsync(await _county.GetAsync("/api/admin/users?unit=140521104001&role=Handler&status=active"), HttpStatusCode.OK);
        var disabled = await JsonAsync(await _county.GetAsync("/api/admin/users?status=disabled&q=filter"), HttpStatusCode.OK);
        var byDisplayName = await JsonAsync(await _county.GetAsync("/api/admin/users?q=" + Uri.EscapeDataString("钱二")), HttpStatusCode.OK);
        var gridMembers = await JsonAsync(await _county.GetAsync("/api/admin/users?unit=140521104001&role=GridMember&limit=3"), HttpStatusCode.OK);

        Assert.That(UserNames(village), Is.EqualTo(new[] { "filter.one", "filter.two", "h140521104001" }));
        Assert.That(UserNames(active), Is.EqualTo(new[] { "filter.one", "h140521104001" }));
        Assert.That(UserNames(disabled), Is.EqualTo(new[] { "filter.two" }));
        Assert.That(UserNames(byDisplayName), Is.EqualTo(new[] { "filter.two" }));
        Assert.That(UserNames(gridMembers).Count(), Is.EqualTo(3));
        Assert.That(gridMembers.GetProperty("next").GetString(), Is.EqualTo(UserNames(gridMembers).Last()));
        Assert.That(gridMembers.GetProperty("items")[0].GetProperty("role").GetString(), Is.EqualTo(nameof(Role.GridMember)));
    }

    [TestCase("unit=14052", "unit")]
    [TestCase("role=Boss", "role")]
    [TestCase("role=2", "role")]
    [TestCase("status=gone", "status")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=201", "limit")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field) =>
        await FieldProblemAsync(await _county.GetAsync("/api/admin/users?" + query), field);
}
