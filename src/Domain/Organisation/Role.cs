namespace GridCase.Domain.Organisation;

public enum Role
{
    GridMember,
    Dispatcher,
    Handler,
    PolicyAdmin,
    Auditor,

    /// <summary>系统管理员: manages units, users, catalogue batches and calendars within its unit's area.</summary>
    SystemAdmin,
}
