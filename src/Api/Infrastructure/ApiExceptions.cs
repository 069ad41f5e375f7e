namespace GridCase.Api.Infrastructure;

/// <summary>The thing asked for does not exist, or the caller may not know it exists (404); named in both languages.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string chinese, string english)
        : base($"未找到{chinese} / {english} was not found.")
    {
    }

    private NotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>A 404 whose "中文 / English" message says more than "not found" (e.g. not in the caller's area).</summary>
    public static NotFoundException Saying(string message) => new(message);
}

/// <summary>The caller is known but their role or area may not do this (403); <see cref="Code"/> names the rule.</summary>
public sealed class ForbiddenException(string message, string code = "forbidden") : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Sign-in failed (401). The message never says which of user name or password was wrong.</summary>
public sealed class AuthenticationFailedException() : Exception("用户名或密码错误 / Wrong user name or password.");

/// <summary>
/// A refusal whose ProblemDetails carries more than a message: <paramref name="extensions"/> name what it conflicts
/// with (the current grid member) or list what is wrong (an import's bad rows).
/// </summary>
public sealed class ProblemException(int status, string code, string message, IReadOnlyDictionary<string, object?> extensions) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions;
}

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
