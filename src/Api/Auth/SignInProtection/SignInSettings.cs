using System.Globalization;
using GridCase.Api.Infrastructure;

namespace GridCase.Api.Auth.SignInProtection;

/// <summary>
/// <c>GridCase:Auth:SignIn:*</c>: how often a user name and a client address may try to sign in, when repeated wrong
/// passwords lock an account and for how long, and how many password checks (PBKDF2, CPU-heavy) run at once.
/// </summary>
public sealed record SignInSettings(
    int PerUserPerMinute,
    int PerAddressPerMinute,
    int LockoutThreshold,
    TimeSpan LockoutDuration,
    int ConcurrentPasswordChecks,
    int QueuedPasswordChecks)
{
    public const string Section = "GridCase:Auth:SignIn";

    /// <summary>Half the cores check passwords at most, so a flood of wrong passwords leaves the other half to everyone else.</summary>
    public static SignInSettings Default { get; } = new(10, 30, 5, TimeSpan.FromMinutes(15), Math.Max(1, Environment.ProcessorCount / 2), 32);

    public static SignInSettings From(IConfiguration configuration)
    {
        var d = Default;
        return new SignInSettings(
            Whole(configuration, nameof(PerUserPerMinute), d.PerUserPerMinute, minimum: 1),
            Whole(configuration, nameof(PerAddressPerMinute), d.PerAddressPerMinute, minimum: 1),
            Whole(configuration, nameof(LockoutThreshold), d.LockoutThreshold, minimum: 1),
            Duration(configuration, nameof(LockoutDuration), d.LockoutDuration),
            Whole(configuration, nameof(ConcurrentPasswordChecks), d.ConcurrentPasswordChecks, minimum: 1),
            Whole(configuration, nameof(QueuedPasswordChecks), d.QueuedPasswordChecks, minimum: 0));
    }

    private static int Whole(IConfiguration configuration, string name, int fallback, int minimum)
    {
        var text = configuration[$"{Section}:{name}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ConfigurationException($"{Section}:{name} must be a whole number of at least {minimum}, not '{text}'.");
    }

    private static TimeSpan Duration(IConfiguration configuration, string name, TimeSpan fallback)
    {
        var text = configuration[$"{Section}:{name}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ConfigurationException($"{Section}:{name} must be a positive time span such as 00:15:00, not '{text}'.");
    }
}
