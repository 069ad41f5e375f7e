namespace GridCase.Domain.Cases;

/// <summary>How far a case reaches, set at triage.</summary>
public enum CaseScope
{
    Grid,
    Village,
    Township,
    County,
    CrossDepartment,
}
