using System.Net;
using GridCase.Api.Auth.SignInProtection;
using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCase.Api.Tests.Auth;

/// <summary>
/// The limits on <c>POST /api/auth/token</c> ahead of any password check (per client address, per user name), the
/// bound on password checks running at once, and what a refusal tells: every test from its own addresses.
/// </summary>
public sealed class SignInRateLimitTests
{
    private GridCaseApiFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new GridCaseApiFactory();
        // One password check at a time and none waiting: the test of the bound sees 503s without a flood.
        _app = _factory.WithRealSignInLimits(TimeProvider.System, concurrentChecks: 1, queuedChecks: 0);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task The_31st_attempt_from_one_address_in_a_minute_is_429_with_Retry_After()
    {
        var answers = new List<SignInAnswer>();
        for (var i = 0; i < 31; i++)
        {
            answers.Add(await _app.SignInAsync($"nobody{i}", "wrong", "198.51.100.7"));
        }

        var elsewhere = await _app.SignInAsync("d140521", "demo", "198.51.100.8");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(30).Select(a => a.Status), Is.All.EqualTo(401));
            Assert.That(answers[30].Status, Is.EqualTo(429), answers[30].ToString());
            Assert.That(answers[30].Type, Is.EqualTo(SignInClient.ProblemBase + "too-many-sign-ins"));
            Assert.That(answers[30].Title, Does.StartWith("登录尝试过于频繁").And.Contain(" / Too many sign-in attempts"));
            Assert.That(int.Parse(answers[30].RetryAfter!), Is.InRange(1, 60));
            Assert.That(elsewhere.Status, Is.EqualTo(200), "another address is not limited");
        }
    }

    [Test]
    public async Task The_11th_attempt_for_one_user_name_in_a_minute_is_429_from_any_address()
    {
        var answers = new List<SignInAnswer>();
        for (var i = 0; i < 11; i++)
        {
            // Right passwords (and two in capitals, an unknown name), so no lockout: only the per-name limit is in play.
            answers.Add(await _app.SignInAsync(i is 3 or 6 ? "H140521HB" : "h140521HB", "demo", $"203.0.113.{i + 1}"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(10).Select(a => a.Status), Is.EqualTo(new[] { 200, 200, 200, 401, 200, 200, 401, 200, 200, 200 }),
                "names are counted without regard to case, and matched exactly when signing in");
            Assert.That(answers[10].Status, Is.EqualTo(429), answers[10].ToString());
            Assert.That(answers[10].Type, Is.EqualTo(SignInClient.ProblemBase + "too-many-sign-ins"));
            Assert.That(answers[10].RetryAfter, Is.Not.Null);
        }
    }

    [Test]
    public async Task Password_checks_beyond_the_bound_are_503_at_once()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => _app.SignInAsync($"flood{i}", "wrong", $"198.51.100.{20 + i}"))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Select(a => a.Status), Is.All.AnyOf(401, 503));
            Assert.That(answers.Count(a => a.Status == 503), Is.GreaterThan(0), string.Join("\n", answers));
            Assert.That(answers.Where(a => a.Status == 503).Select(a => a.RetryAfter), Is.All.EqualTo("1"));
            Assert.That(answers.Where(a => a.Status == 503).Select(a => a.Type), Is.All.EqualTo(SignInClient.ProblemBase + "sign-in-busy"));
        }
    }

    [Test]
    public async Task An_unknown_user_costs_the_time_of_a_wrong_password_and_gets_the_same_answer()
    {
        var existing = await _app.GridMembersAsync(skip: 10, take: 10);
        var wrong = new List<SignInAnswer>();
        var unknown = new List<SignInAnswer>();
        for (var i = 0; i < 10; i++)
        {
            wrong.Add(await _app.SignInAsync(existing[i], "wrong", "198.51.100.40"));
            unknown.Add(await _app.SignInAsync(existing[i] + "x", "wrong", "198.51.100.40"));
        }

        static double Median(IEnumerable<SignInAnswer> answers) => answers.Select(a => a.Took.TotalMilliseconds).Order().ElementAt(5);
        var (wrongMs, unknownMs) = (Median(wrong), Median(unknown));
        TestContext.Out.WriteLine($"median of 10: wrong password {wrongMs:F1} ms, unknown user {unknownMs:F1} ms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown.Concat(wrong).Select(a => (a.Status, a.Type, a.Title)).Distinct().Count(), Is.EqualTo(1), "one answer for both");
            Assert.That(unknown[0].Status, Is.EqualTo(401));
            Assert.That(Math.Max(wrongMs, unknownMs) / Math.Min(wrongMs, unknownMs), Is.LessThanOrEqualTo(3),
                $"wrong password {wrongMs:F1} ms, unknown user {unknownMs:F1} ms");
        }
    }

    [TestCase(null, "-")]
    [TestCase("192.0.2.1", "192.0.2.1")]
    [TestCase("::ffff:192.0.2.1", "192.0.2.1")]
    [TestCase("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void Addresses_are_limited_one_by_one_and_IPv6_by_its_64_bit_network(string? address, string partition) =>
        Assert.That(SignInProtection.AddressKey(address is null ? null : IPAddress.Parse(address)), Is.EqualTo(partition));
}
