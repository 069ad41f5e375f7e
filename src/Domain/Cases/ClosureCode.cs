namespace GridCase.Domain.Cases;

/// <summary>
/// Why a case closed. <see cref="Invalid"/> and <see cref="Duplicate"/> come from <see cref="Case.MarkInvalid"/>;
/// <see cref="Resolved"/> and <see cref="Parked"/> (挂账) from <see cref="Case.Close"/>.
/// </summary>
public enum ClosureCode
{
    Resolved,
    Invalid,
    Duplicate,
    Parked,
}
