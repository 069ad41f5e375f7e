using System.Collections.Concurrent;
using GridCase.Api.Infrastructure;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// Wrong passwords for user names that do not exist, counted in memory by the same rule as an account's
/// (<see cref="GridCase.Domain.Organisation.User.RecordFailedSignIn"/>): otherwise only existing names would ever be
/// locked, and a lockout would tell which names exist. Per node, and bounded: names idle for a lockout period are
/// forgotten, and while <see cref="MaxNames"/> names are tracked new ones are not counted.
/// </summary>
public sealed class UnknownUserLockouts(GridCaseSettings settings)
{
    public const int MaxNames = 10_000;

    private readonly ConcurrentDictionary<string, Attempts> _names = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    public DateTime? LockedUntil(string userName) => _names.TryGetValue(userName, out var attempts) ? attempts.LockedUntil : null;

    /// <summary>Counts a wrong password for an unknown name; returns until when it is locked, if it is.</summary>
    public DateTime? RecordFailure(string userName, DateTime now)
    {
        if (_names.Count >= MaxNames && !_names.ContainsKey(userName))
        {
            Forget(now);
            if (_names.Count >= MaxNames)
            {
                return null;
            }
        }

        var until = _names.AddOrUpdate(userName, (_, at) => Fail(new Attempts(0, null, at), at), (_, attempts, at) => Fail(attempts, at), now).LockedUntil;
        return until > now ? until : null;
    }

    private Attempts Fail(Attempts attempts, DateTime now)
    {
        if (attempts.LockedUntil > now)
        {
            return attempts with { LastSeen = now };
        }

        var failures = attempts.Failures + 1;
        return failures >= settings.SignIn.LockoutThreshold
            ? new Attempts(0, now + settings.SignIn.LockoutDuration, now)
            : new Attempts(failures, attempts.LockedUntil, now);
    }

    private void Forget(DateTime now)
    {
        // A full sweep at most once a minute: a flood of new names must not walk the whole table at every attempt.
        var last = new DateTime(Interlocked.Read(ref _lastSweepTicks), DateTimeKind.Utc);
        if (now - last < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastSweepTicks, now.Ticks, last.Ticks) != last.Ticks)
        {
            return;
        }

        foreach (var (name, attempts) in _names)
        {
            if (attempts.LastSeen + settings.SignIn.LockoutDuration <= now && !(attempts.LockedUntil > now))
            {
                _names.TryRemove(new KeyValuePair<string, Attempts>(name, attempts));
            }
        }
    }

    private sealed record Attempts(int Failures, DateTime? LockedUntil, DateTime LastSeen);
}
