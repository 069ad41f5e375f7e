using GridCase.Domain.Organisation;

namespace GridCase.Domain;

/// <summary>
/// Who did something: a signed-in user (with the role and unit they acted in) or the system (timers,
/// the engine). Every change to a case carries one.
/// </summary>
public sealed record Actor
{
    private Actor(string userId, Role? role, UnitCode? unit)
    {
        UserId = userId;
        Role = role;
        Unit = unit;
    }

    public string UserId { get; }
    public Role? Role { get; }
    public UnitCode? Unit { get; }

    public const string SystemUserId = "system";

    public static Actor System { get; } = new(SystemUserId, null, null);

    public bool IsSystem => UserId == SystemUserId;

    public static Actor ForUser(string userId, Role role, UnitCode unit)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId == SystemUserId)
        {
            throw new DomainRuleException("actor.user", "An actor needs a real user id.");
        }

        return new Actor(userId, role, unit);
    }
}
