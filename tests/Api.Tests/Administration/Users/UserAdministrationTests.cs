using System.Net;
using System.Net.Http.Json;
using System.Text;
using GridCase.Api.Tests.Events.Paths;
using GridCase.Api.Tests.Support;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>
/// User administration in detail, on one demo-mode API on SQLite: <c>sysadmin</c> administers the city, <c>sa.qinshui</c>
/// (created here) 沁水县 only. Each test works on users and grids of its own. Split by topic into partial files.
/// </summary>
public sealed partial class UserAdministrationTests
{
    private const string CountyAdmin = "sa.qinshui";

    private GridCaseApiFactory _api = null!;
    private HttpClient _city = null!;
    private HttpClient _county = null!;
    private EventDriver _driver = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = new GridCaseApiFactory();
        _city = await _api.ClientForAsync("sysadmin");
        await JsonAsync(await _city.CreateUserAsync(CountyAdmin, "SystemAdmin", "140521", "沁水县系统管理员"), HttpStatusCode.Created);
        _county = await _api.ClientAsync(CountyAdmin, Password);
        _driver = new EventDriver(_api);
        await _api.AddSampleCountyAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _city?.Dispose();
        _county?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [TestCase("bad name!", "坏名", "Handler", "140521GA", Password, "userName")]
    [TestCase("", "无名", "Handler", "140521GA", Password, "userName")]
    [TestCase("ok.display", "", "Handler", "140521GA", Password, "displayName")]
    [TestCase("ok.role", "角色", "Boss", "140521GA", Password, "role")]
    [TestCase("ok.role.number", "角色", "1", "140521GA", Password, "role")]
    [TestCase("ok.unit", "单位", "Handler", "14052", Password, "unitCode")]
    [TestCase("ok.password", "密码", "Handler", "140521GA", "seven77", "password")]
    public async Task A_bad_field_is_400_naming_it_and_writes_nothing(string userName, string displayName, string role, string unitCode, string password, string field)
    {
        var before = await _api.CountAsync();

        await FieldProblemAsync(await _county.CreateUserAsync(userName, role, unitCode, displayName, password), field);

        Assert.That(await _api.CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_request_that_sets_what_only_the_server_sets_is_400()
    {
        var response = await _county.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "ok.stamp", displayName = "戳", role = "Handler", unitCode = "140521GA", password = Password, securityStamp = "x",
        });

        await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(await _api.StoredUserAsync("ok.stamp"), Is.Null);
    }

    [TestCase("GridMember", "140521100001")]
    [TestCase("GridMember", "140521GA")]
    [TestCase("Dispatcher", "140521100001")]
    [TestCase("Dispatcher", "140521100001003")]
    [TestCase("Handler", "140521100001004")]
    [TestCase("SystemAdmin", "140521100")]
    [TestCase("PolicyAdmin", "140521100001")]
    [TestCase("Auditor", "140521GA")]
    public async Task A_role_that_does_not_fit_the_unit_is_422_naming_the_unit(string role, string unitCode)
    {
        var problem = await ProblemAsync(await _county.CreateUserAsync("misfit." + role.ToLowerInvariant(), role, unitCode), HttpStatusCode.UnprocessableEntity, "role-unit");

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unitCode).And.Contain(" / "));
        Assert.That(await _api.StoredUserAsync("misfit." + role.ToLowerInvariant()), Is.Null);
    }

    [TestCase("fit.village", "Handler", "140521100005")]
    [TestCase("fit.township", "Handler", "140521102")]
    [TestCase("fit.station", "Handler", "140521100GA")]
    [TestCase("fit.centre", "Dispatcher", "140521102")]
    [TestCase("fit.policy", "PolicyAdmin", "140521")]
    [TestCase("fit.auditor", "Auditor", "140521")]
    public async Task A_role_that_fits_its_unit_is_created(string userName, string role, string unitCode)
    {
        var created = await JsonAsync(await _county.CreateUserAsync(userName, role, unitCode), HttpStatusCode.Created);

        Assert.That((created.GetProperty("role").GetString(), created.GetProperty("unitCode").GetString()), Is.EqualTo((role, unitCode)));
        Assert.That((await _api.StoredUserAsync(userName))?.Role.ToString(), Is.EqualTo(role));
    }

    [Test]
    public async Task A_retired_unit_takes_no_new_users()
    {
        var retired = await _api.AddRetiredVillageAsync("140521100099");

        await ProblemAsync(await _county.CreateUserAsync("to.retired", "Handler", retired), HttpStatusCode.UnprocessableEntity, "unit-retired");

        Assert.That(await _api.StoredUserAsync("to.retired"), Is.Null);
    }

    [Test]
    public async Task A_unit_that_does_not_exist_in_the_area_is_400_naming_unitCode() =>
        await FieldProblemAsync(await _county.CreateUserAsync("to.nowhere", "Handler", "140521100098"), "unitCode");

    [Test]
    public async Task A_taken_user_name_is_409()
    {
        var problem = await ProblemAsync(await _county.CreateUserAsync("d140521", "Dispatcher", "140521"), HttpStatusCode.Conflict, "user-exists");

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("d140521"));
        Assert.That((await _api.StoredUserAsync("d140521"))!.DisplayName, Does.Not.Contain("测试"));
    }

    [TestCase("d140521")]
    [TestCase("admin")]
    [TestCase("auditor")]
    [TestCase("g140521101001001")]
    public async Task Only_system_administrators_reach_user_administration(string userName)
    {
        var client = await _api.ClientForAsync(userName);

        await ProblemAsync(await client.GetAsync("/api/admin/users"), HttpStatusCode.Forbidden);
        await ProblemAsync(await client.CreateUserAsync("by." + userName, "Handler", "140521GA"), HttpStatusCode.Forbidden);
        Assert.That(await _api.StoredUserAsync("by." + userName), Is.Null);
    }

    [Test]
    public async Task Without_a_token_user_administration_is_401() =>
        Assert.That((await _api.CreateClient().GetAsync("/api/admin/users")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

    [Test]
    public async Task Every_change_is_logged_with_its_actor_and_never_a_password_or_hash()
    {
        await JsonAsync(await _county.CreateUserAsync("logged.one", "Handler", "140521MZ"), HttpStatusCode.Created);
        await JsonAsync(await _county.PatchJsonAsync("/api/admin/users/logged.one", new { displayName = "民政 李明" }), HttpStatusCode.OK);
        Assert.That((await _county.PostAsJsonAsync("/api/admin/users/logged.one/reset-password", new { password = "Reset-pass-1" })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await JsonAsync(await _county.PostAsync("/api/admin/users/logged.one/disable", null), HttpStatusCode.OK);
        await JsonAsync(await _county.PostAsync("/api/admin/users/logged.one/enable", null), HttpStatusCode.OK);

        var changes = await _api.ChangesOfAsync("logged.one");

        Assert.That(changes.Select(c => c.Kind), Is.EqualTo(new[] { "UserCreated", "UserChanged", "UserPasswordReset", "UserDisabled", "UserEnabled" }));
        Assert.That(changes.Select(c => (c.ActorUserId, c.ActorRole, c.ActorUnit, c.Area)), Is.All.EqualTo((CountyAdmin, "SystemAdmin", "140521", "140521MZ")));
        var stored = await _api.StoredUserAsync("logged.one");
        Assert.That(changes.Select(c => c.Data), Has.None.Contains(Password).And.None.Contains("Reset-pass-1")
            .And.None.Contains(stored!.PasswordHash).And.None.Contains(stored.SecurityStamp));
        Assert.That(changes[1].Data, Does.Contain("民政 李明"));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
}
