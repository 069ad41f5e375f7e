namespace GridCase.Domain;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Code"/> is a stable machine code
/// (e.g. <c>case.push-down</c>) that the API turns into a ProblemDetails <c>type</c>.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>An operation is not allowed in the aggregate's current state (maps to 409).</summary>
public sealed class InvalidTransitionException(string code, string message) : DomainException(code, message);

/// <summary>The input breaks a domain rule independent of state (maps to 422).</summary>
public sealed class DomainRuleException(string code, string message) : DomainException(code, message);
