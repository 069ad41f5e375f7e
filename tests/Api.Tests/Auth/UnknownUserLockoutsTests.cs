using GridCase.Api.Auth.SignInProtection;
using GridCase.Api.Infrastructure;
using GridCase.Persistence;

namespace GridCase.Api.Tests.Auth;

public sealed class UnknownUserLockoutsTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private static UnknownUserLockouts Create() => new(new GridCaseSettings(
        new PersistenceOptions(DatabaseProvider.Sqlite, "Data Source=:memory:", "/tmp"), Demo: true, SigningKey: null, TimeSpan.FromHours(8))
    {
        SignIn = SignInSettings.Default with { LockoutThreshold = 3, LockoutDuration = TimeSpan.FromMinutes(15) },
    });

    [Test]
    public void An_unknown_name_locks_after_the_threshold_until_the_lock_expires()
    {
        var lockouts = Create();

        var results = Enumerable.Range(0, 3).Select(i => lockouts.RecordFailure("nobody", Start.AddSeconds(i))).ToList();

        Assert.That(results, Is.EqualTo(new DateTime?[] { null, null, Start.AddSeconds(2).AddMinutes(15) }));
        Assert.That(lockouts.LockedUntil("nobody"), Is.EqualTo(Start.AddSeconds(2).AddMinutes(15)));
        Assert.That(lockouts.RecordFailure("nobody", Start.AddMinutes(20)), Is.Null, "after the lock the count starts again");
    }

    [Test]
    public void The_table_is_bounded_and_idle_names_are_forgotten()
    {
        var lockouts = Create();
        for (var i = 0; i < UnknownUserLockouts.MaxNames; i++)
        {
            lockouts.RecordFailure($"n{i}", Start);
        }

        lockouts.RecordFailure("late", Start);
        lockouts.RecordFailure("late", Start);
        var whileFull = lockouts.RecordFailure("late", Start);
        lockouts.RecordFailure("later", Start.AddMinutes(16));
        lockouts.RecordFailure("later", Start.AddMinutes(16));
        var afterIdle = lockouts.RecordFailure("later", Start.AddMinutes(16));

        Assert.That(whileFull, Is.Null, "a new name is not counted while the table is full");
        Assert.That(afterIdle, Is.EqualTo(Start.AddMinutes(31)), "names idle for a lockout period made room");
    }
}
