using System.Collections.Concurrent;
using GridCase.Api.Infrastructure;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// Wrong passwords for user names that do not exist, counted in memory by the same rule as an account's
/// (<see cref="GridCase.Domain.Organisation.User.RecordFailedSignIn"/>): otherwise only existing names would ever be
/// locked, and a lockout would tell which names exist. Per node, and bounded: names idle for a lockout period are
/// forgotten, and while <see cref="MaxNames"/> names are tracked new ones are not.
/// </summary>
public sealed class UnknownUserLockouts(GridCaseSettings settings)
{
    public const int MaxNames = 10_000;

    private readonly ConcurrentDictionary<string, Attempts> _names = new(StringComparer.Ordinal);

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

        return _names.AddOrUpdate(userName, (_, at) => Fail(new Attempts(0, null, at), at), (_, attempts, at) => Fail(attempts, at), now).LockedUntil;
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
