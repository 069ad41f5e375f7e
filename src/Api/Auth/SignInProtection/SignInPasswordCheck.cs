using System.Threading.RateLimiting;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// Checks a sign-in password. PBKDF2 is slow on purpose (tens of milliseconds of one core), so at most
/// <see cref="SignInSettings.ConcurrentPasswordChecks"/> run at once and <see cref="SignInSettings.QueuedPasswordChecks"/>
/// wait their turn; beyond that the answer is 503 at once. The checks run on as many threads of lower priority
/// (<see cref="LowPriorityWorkers"/>). A flood of wrong passwords thus leaves the cores to everyone else first
/// instead of piling up. An unknown user name is checked against a dummy hash made with the same
/// parameters, so it costs what a wrong password costs.
/// </summary>
public sealed class SignInPasswordCheck : IDisposable
{
    private const string Busy = "登录繁忙，请稍后再试 / Sign-in is busy; try again in a moment.";

    private readonly PasswordHashing _hashing;
    private readonly ConcurrencyLimiter _checks;
    private readonly LowPriorityWorkers _workers;
    private readonly Lazy<string> _dummyHash;

    public SignInPasswordCheck(PasswordHashing hashing, GridCaseSettings settings)
    {
        _hashing = hashing;
        _checks = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.SignIn.ConcurrentPasswordChecks,
            QueueLimit = settings.SignIn.QueuedPasswordChecks,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _workers = new LowPriorityWorkers(settings.SignIn.ConcurrentPasswordChecks, "password check");
        // Made at the first unknown name rather than at start, which would delay the first sign-in by one PBKDF2.
        _dummyHash = new Lazy<string>(() => hashing.Hash(Guid.NewGuid().ToString("N")));
    }

    /// <summary>Whether <paramref name="user"/> exists and <paramref name="password"/> is theirs; the same work either way.</summary>
    public async Task<bool> MatchesAsync(User? user, string password, CancellationToken cancellationToken)
    {
        using var turn = await _checks.AcquireAsync(1, cancellationToken);
        if (!turn.IsAcquired)
        {
            throw new RetryLaterException(StatusCodes.Status503ServiceUnavailable, "sign-in-busy", Busy, TimeSpan.FromSeconds(1));
        }

        var hash = user?.PasswordHash;
        var matches = await _workers.RunAsync(() => _hashing.Matches(hash ?? _dummyHash.Value, password));
        return user is not null && matches;
    }

    public void Dispose()
    {
        _checks.Dispose();
        _workers.Dispose();
    }
}
