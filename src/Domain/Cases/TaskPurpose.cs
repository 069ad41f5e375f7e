namespace GridCase.Domain.Cases;

/// <summary>
/// What a task asks of the unit it is queued at. Only disposal (处置) makes that unit do the case's work, so only
/// disposal counts as an assignment under the no-push-down rule; a check (核查) or a visit (回访) at grid level does not.
/// </summary>
public enum TaskPurpose
{
    Disposal,
    Check,
    Visit,
}
