namespace GridCase.Domain.Organisation;

/// <summary>A person who signs in: one role, one unit. The password is kept only as a hash.</summary>
public sealed class User
{
    public string UserName { get; private set; }
    public string DisplayName { get; private set; }
    public Role Role { get; private set; }
    public UnitCode UnitCode { get; private set; }
    public string PasswordHash { get; private set; }

    // For the persistence layer's materialiser.
    private User()
    {
        UserName = DisplayName = PasswordHash = "";
    }

    public User(string userName, string displayName, Role role, UnitCode unitCode, string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 64)
        {
            throw new DomainRuleException("user.name", "A user name is 1–64 characters.");
        }

        if (string.IsNullOrEmpty(passwordHash))
        {
            throw new DomainRuleException("user.password", "A user needs a password hash.");
        }

        UserName = userName;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName;
        Role = role;
        UnitCode = unitCode;
        PasswordHash = passwordHash;
    }

    public void ChangePasswordHash(string passwordHash)
    {
        if (string.IsNullOrEmpty(passwordHash))
        {
            throw new DomainRuleException("user.password", "A user needs a password hash.");
        }

        PasswordHash = passwordHash;
    }
}
