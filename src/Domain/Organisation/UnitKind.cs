namespace GridCase.Domain.Organisation;

/// <summary>Area units form the grid hierarchy; departments (职能部门, 站所) hang off an area.</summary>
public enum UnitKind
{
    Area,
    Department,
}
