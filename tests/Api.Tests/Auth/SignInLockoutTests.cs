using GridCase.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GridCase.Api.Tests.Auth;

/// <summary>
/// The temporary lockout after repeated wrong passwords, on each database: the counters live on the user row.
/// Every test signs in as its own demo users from its own address, so one test's lockouts and limits do not reach
/// another; the clock is the application's, moved by hand.
/// </summary>
public abstract class SignInLockoutTests
{
    private GridCaseApiFactory _factory = null!;
    private FakeTimeProvider _clock = null!;

    protected WebApplicationFactory<Program> App { get; private set; } = null!;

    protected abstract Task<GridCaseApiFactory> CreateFactoryAsync();

    [OneTimeSetUp]
    public async Task Start()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _factory = await CreateFactoryAsync();
        App = _factory.WithRealSignInLimits(_clock, concurrentChecks: 8);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await App.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Twenty_wrong_passwords_lock_the_user_out_while_another_user_signs_in()
    {
        var users = await App.GridMembersAsync(skip: 0, take: 2);
        var (target, other) = (users[0], users[1]);

        var answers = new List<SignInAnswer>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await App.SignInAsync(target, "wrong-" + i, "192.0.2.10"));
            if (i is 2 or 10 or 19)
            {
                var signedIn = await App.SignInAsync(other, "demo", "192.0.2.10");
                Assert.That(signedIn.Status, Is.EqualTo(200), $"{other} signs in after {i + 1} wrong passwords of {target}: {signedIn}");
            }
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answers.Take(4).Select(a => a.Status), Is.All.EqualTo(401), string.Join("\n", answers));
            Assert.That(answers.Skip(4).Select(a => a.Status), Is.All.EqualTo(429), string.Join("\n", answers));
            Assert.That(answers[4].Type, Is.EqualTo(SignInClient.ProblemBase + "locked-out"), "the fifth wrong password locks the account");
            Assert.That(answers[4].Title, Does.StartWith("因密码多次错误").And.Contain(" / Too many wrong passwords"));
            Assert.That(int.Parse(answers[4].RetryAfter!), Is.InRange(14 * 60, 15 * 60));
        }
    }

    [Test]
    public async Task A_locked_user_with_the_right_password_is_refused_until_the_lock_expires()
    {
        var user = (await App.GridMembersAsync(skip: 2, take: 1))[0];
        for (var i = 0; i < 5; i++)
        {
            await App.SignInAsync(user, "wrong", "192.0.2.11");
        }

        var locked = await App.SignInAsync(user, "demo", "192.0.2.11");
        _clock.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await App.SignInAsync(user, "demo", "192.0.2.11");
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterwards = await App.SignInAsync(user, "demo", "192.0.2.11");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked.Status, Is.EqualTo(429), locked.ToString());
            Assert.That(locked.Type, Is.EqualTo(SignInClient.ProblemBase + "locked-out"));
            Assert.That(stillLocked.Status, Is.EqualTo(429), stillLocked.ToString());
            Assert.That(int.Parse(stillLocked.RetryAfter!), Is.InRange(59, 60), "Retry-After counts down to the end of the lock");
            Assert.That(afterwards.Status, Is.EqualTo(200), afterwards.ToString());
            Assert.That(await App.CountersAsync(user), Is.EqualTo((0, (DateTime?)null)), "a sign-in clears the counters");
        }
    }

    [Test]
    public async Task Wrong_passwords_sent_at_once_all_count()
    {
        var user = (await App.GridMembersAsync(skip: 3, take: 1))[0];

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => App.SignInAsync(user, "wrong-" + i, "192.0.2.12"))));

        Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(401));
        Assert.That((await App.CountersAsync(user)).FailedSignIns, Is.EqualTo(4), "no lost update between concurrent wrong passwords");
        Assert.That((await App.SignInAsync(user, "wrong-5", "192.0.2.12")).Type, Is.EqualTo(SignInClient.ProblemBase + "locked-out"));
    }

    [Test]
    public async Task A_right_password_clears_the_count_of_wrong_ones()
    {
        var user = (await App.GridMembersAsync(skip: 4, take: 1))[0];
        for (var i = 0; i < 4; i++)
        {
            await App.SignInAsync(user, "wrong", "192.0.2.13");
        }

        Assert.That((await App.SignInAsync(user, "demo", "192.0.2.13")).Status, Is.EqualTo(200));
        for (var i = 0; i < 4; i++)
        {
            Assert.That((await App.SignInAsync(user, "wrong", "192.0.2.13")).Status, Is.EqualTo(401), $"wrong password {i + 1} after the sign-in");
        }
    }

    [Test]
    public async Task An_unknown_name_locks_like_an_existing_one_so_the_lockout_tells_nothing()
    {
        var user = (await App.GridMembersAsync(skip: 5, take: 1))[0];
        var unknown = "g" + new string('9', 15);

        var known = new List<SignInAnswer>();
        var nobody = new List<SignInAnswer>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await App.SignInAsync(user, "wrong", "192.0.2.14"));
            nobody.Add(await App.SignInAsync(unknown, "wrong", "192.0.2.14"));
        }

        Assert.That(nobody.Select(a => (a.Status, a.Type, a.Title)), Is.EqualTo(known.Select(a => (a.Status, a.Type, a.Title))));
        Assert.That(nobody[^1].Status, Is.EqualTo(429));
    }
}

public sealed class SqliteSignInLockoutTests : SignInLockoutTests
{
    protected override Task<GridCaseApiFactory> CreateFactoryAsync() => Task.FromResult(new GridCaseApiFactory());
}

public sealed class PostgresSignInLockoutTests : SignInLockoutTests
{
    protected override Task<GridCaseApiFactory> CreateFactoryAsync() => GridCaseApiFactory.OnPostgresAsync("gridcase_signin");
}
