namespace GridCase.Domain.Organisation;

/// <summary>
/// Which units a role may belong to: a grid member to a grid; a dispatcher to the command centre of a township,
/// county or city; a handler to a department, a village, a township or a county (the centres' own handling staff, so that
/// whoever verifies is not whoever handled); policy administrators, auditors and system
/// administrators to a county or the city.
/// </summary>
public static class RolePlacement
{
    /// <summary>Why <paramref name="role"/> does not fit <paramref name="unit"/>, or <c>null</c> when it does.</summary>
    public static string? Problem(Role role, OrgUnit unit)
    {
        var area = unit.Kind == UnitKind.Area;
        return role switch
        {
            Role.GridMember when area && unit.Level == OrgLevel.Grid => null,
            Role.GridMember => $"网格员只能属于网格，{unit.Code} 不是网格 / A grid member belongs to a grid; {unit.Code} is not one.",
            Role.Dispatcher when area && unit.Level is OrgLevel.Township or OrgLevel.County or OrgLevel.City => null,
            Role.Dispatcher =>
                $"调度员属于乡镇（街道）、县（区）或市，{unit.Code} 不是 / A dispatcher belongs to a township, county or city area; {unit.Code} is not one.",
            Role.Handler when !area || unit.Level is OrgLevel.Village or OrgLevel.Township or OrgLevel.County => null,
            Role.Handler =>
                $"处置人员属于职能部门、村（社区）、乡镇（街道）或县（区），{unit.Code} 不是 / A handler belongs to a department, a village, a township or a county; {unit.Code} is not one.",
            Role.PolicyAdmin or Role.Auditor or Role.SystemAdmin when area && unit.Level is OrgLevel.County or OrgLevel.City => null,
            _ => $"{role} 属于县（区）或市，{unit.Code} 不是 / A {role} belongs to a county or city area; {unit.Code} is not one.",
        };
    }
}
