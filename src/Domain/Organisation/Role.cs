namespace GridCase.Domain.Organisation;

public enum Role
{
    GridMember,
    Dispatcher,
    Handler,
    PolicyAdmin,
    Auditor,
}
