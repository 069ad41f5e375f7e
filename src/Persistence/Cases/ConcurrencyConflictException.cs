namespace GridCase.Persistence.Cases;

/// <summary>Someone else changed the case since it was loaded; reload and try again (the API answers 409).</summary>
public sealed class ConcurrencyConflictException(string message, Exception inner) : Exception(message, inner);
