using System.Net;
using System.Security.Claims;
using GridCase.Api.Auth;
using GridCase.Api.Infrastructure;
using GridCase.Api.Tests.Support;
using GridCase.Api.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static GridCase.Api.Tests.Administration.Users.UsersKit;

namespace GridCase.Api.Tests.Administration.Users;

/// <summary>
/// Tokens follow the live account on every node. Two API hosts on one SQLite database (sharing the demo signing key):
/// the first is where the administrator works; the second runs on a clock the test moves, so the time its memory of
/// an account lasts is shown without waiting for it.
/// </summary>
public sealed class LiveAccountsTests
{
    private string _data = null!;
    private GridCaseApiFactory _first = null!;
    private GridCaseApiFactory _second = null!;
    private FakeTimeProvider _secondClock = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _data = Path.Combine(Path.GetTempPath(), "gridcase-api-tests", Guid.NewGuid().ToString("N"));
        _first = new GridCaseApiFactory(dataDirectory: _data);
        _admin = await _first.ClientForAsync("sysadmin");
        _secondClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _second = new GridCaseApiFactory(dataDirectory: _data, services: s => s.AddSingleton<TimeProvider>(_secondClock).RemoveTimerDelivery());
        _second.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _admin?.Dispose();
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (_data is not null && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Test]
    public void A_node_remembers_an_account_for_at_most_half_the_promised_minute() =>
        Assert.That(LiveAccounts.Ttl, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));

    [Test]
    public async Task A_disabled_users_token_is_refused_at_once_where_it_was_disabled_and_on_another_node_within_the_ttl()
    {
        CatchUp();
        await JsonAsync(await _admin.CreateUserAsync("two.nodes", "Dispatcher", "140521100"), HttpStatusCode.Created);
        var token = (await JsonAsync(await SignInAsync(_first.CreateClient(), "two.nodes", Password), HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
        using var onFirst = _first.WithToken(token);
        using var onSecond = _second.WithToken(token);
        await JsonAsync(await onFirst.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        await JsonAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);

        await JsonAsync(await _admin.PostAsync("/api/admin/users/two.nodes/disable", null), HttpStatusCode.OK);

        await ProblemAsync(await onFirst.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        // The second node answers from memory until its memory of the account is Ttl old: no query per request.
        await JsonAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        _secondClock.Advance(LiveAccounts.Ttl - TimeSpan.FromSeconds(1));
        await JsonAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        _secondClock.Advance(TimeSpan.FromSeconds(1));
        await ProblemAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
    }

    [Test]
    public async Task A_password_changed_on_one_node_ends_the_old_token_on_the_other_within_the_ttl()
    {
        CatchUp();
        await JsonAsync(await _admin.CreateUserAsync("two.passwords", "Handler", "140521GA"), HttpStatusCode.Created);
        using var onFirst = await _first.ClientAsync("two.passwords", Password);
        using var onSecond = _second.WithToken(onFirst.DefaultRequestHeaders.Authorization!.Parameter!);
        await JsonAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);

        var fresh = await JsonAsync(await onFirst.PostAsync("/api/auth/password",
            JsonContent(new { currentPassword = Password, newPassword = "Another-pass-2" })), HttpStatusCode.OK);
        _secondClock.Advance(LiveAccounts.Ttl);

        await ProblemAsync(await onSecond.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
        using var renewed = _second.WithToken(fresh.GetProperty("accessToken").GetString()!);
        await JsonAsync(await renewed.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
    }

    [TestCase(null)]
    [TestCase("not-the-stamp")]
    public async Task A_token_signed_with_the_key_but_without_the_accounts_stamp_is_refused(string? stamp)
    {
        var claims = new List<Claim> { new("sub", "d140521"), new("role", "Dispatcher"), new("unit", "140521") };
        if (stamp is not null)
        {
            claims.Add(new Claim("stamp", stamp));
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer,
            Audience = TokenIssuer.Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(_first.Services.GetRequiredService<SigningKey>().Key, SecurityAlgorithms.HmacSha256),
        });
        using var client = _first.WithToken(token);

        await ProblemAsync(await client.GetAsync("/api/org-units?level=County"), HttpStatusCode.Unauthorized, "account-not-live");
    }

    [Test]
    public async Task A_wrong_current_password_or_a_short_new_one_is_400_naming_the_field()
    {
        await JsonAsync(await _admin.CreateUserAsync("two.wrong", "Handler", "140521HB"), HttpStatusCode.Created);
        using var client = await _first.ClientAsync("two.wrong", Password);

        await FieldProblemAsync(await client.PostAsync("/api/auth/password", JsonContent(new { currentPassword = "Wrong-pass-0", newPassword = "Another-pass-2" })), "currentPassword");
        await FieldProblemAsync(await client.PostAsync("/api/auth/password", JsonContent(new { currentPassword = Password, newPassword = "short" })), "newPassword");

        await JsonAsync(await client.GetAsync("/api/org-units?level=County"), HttpStatusCode.OK);
        await JsonAsync(await SignInAsync(_first.CreateClient(), "two.wrong", Password), HttpStatusCode.OK);
    }

    /// <summary>Brings the second node's clock to the real time, unless an earlier test moved it past that.</summary>
    private void CatchUp()
    {
        if (DateTimeOffset.UtcNow > _secondClock.GetUtcNow())
        {
            _secondClock.SetUtcNow(DateTimeOffset.UtcNow);
        }
    }

    private static System.Net.Http.Json.JsonContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);
}
