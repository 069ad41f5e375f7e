namespace GridCase.Api.Infrastructure;

/// <summary>The thing asked for does not exist, or the caller may not know it exists (404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The caller is known but their role may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Sign-in failed (401). The message never says which of user name or password was wrong.</summary>
public sealed class AuthenticationFailedException() : Exception("用户名或密码错误 / Wrong user name or password.");

/// <summary>
/// Not now: too many attempts (429) or too busy (503). The answer carries <c>Retry-After</c>, in whole seconds.
/// </summary>
public sealed class RetryLaterException(int status, string code, string message, TimeSpan retryAfter) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public string RetryAfterSeconds => ((long)Math.Max(1, Math.Ceiling(RetryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
