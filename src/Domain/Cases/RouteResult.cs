namespace GridCase.Domain.Cases;

/// <summary>
/// The outcome of <see cref="Case.TryRoute"/> or <see cref="Case.TryReturn"/>: accepted (with the
/// <see cref="CaseEventKind.Routed"/> or <see cref="CaseEventKind.Returned"/> event) or refused by the
/// no-push-down rule (with the <see cref="CaseEventKind.EscalationBlocked"/> event, already pending on the case).
/// </summary>
public sealed record RouteResult
{
    private RouteResult(CaseEvent @event, string? refusalCode, string? refusalMessage)
    {
        Event = @event;
        RefusalCode = refusalCode;
        RefusalMessage = refusalMessage;
    }

    public bool IsAccepted => RefusalCode is null;

    public CaseEvent Event { get; }

    public string? RefusalCode { get; }

    public string? RefusalMessage { get; }

    public void ThrowIfRefused()
    {
        if (RefusalCode is not null)
        {
            throw new InvalidTransitionException(RefusalCode, RefusalMessage ?? RefusalCode);
        }
    }

    internal static RouteResult Accepted(CaseEvent @event) => new(@event, null, null);

    internal static RouteResult Refused(CaseEvent @event, string code, string message) => new(@event, code, message);
}
