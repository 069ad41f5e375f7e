namespace GridCase.Domain.Organisation;

/// <summary>
/// A person who signs in: one role, one unit. The password is kept only as a hash. The security stamp changes
/// whenever what a token vouches for changes (password, role, unit, disabling), so tokens issued before stop working.
/// </summary>
public sealed class User
{
    public const int MaxUserNameLength = 64;
    public const int MaxDisplayNameLength = 100;

    public string UserName { get; private set; }
    public string DisplayName { get; private set; }
    public Role Role { get; private set; }
    public UnitCode UnitCode { get; private set; }
    public string PasswordHash { get; private set; }

    /// <summary>Changes with the password, the role, the unit and disabling; tokens carry it and die with it.</summary>
    public string SecurityStamp { get; private set; }

    /// <summary>When the account was disabled (UTC); a disabled user cannot sign in and its tokens are refused.</summary>
    public DateTime? DisabledAt { get; private set; }

    /// <summary>Wrong passwords since the last successful sign-in.</summary>
    public int FailedSignIns { get; private set; }

    /// <summary>Sign-in is refused until then (UTC) after repeated wrong passwords.</summary>
    public DateTime? LockedUntil { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    // For the persistence layer's materialiser.
    private User()
    {
        UserName = DisplayName = PasswordHash = SecurityStamp = "";
    }

    public User(string userName, string displayName, Role role, UnitCode unitCode, string passwordHash)
    {
        if (!IsValidUserName(userName))
        {
            throw new DomainRuleException("user.name", $"用户名须为 1–{MaxUserNameLength} 个字母、数字或 . _ - @ / A user name is 1–{MaxUserNameLength} letters, digits, '.', '_', '-' or '@'.");
        }

        if (string.IsNullOrEmpty(passwordHash))
        {
            throw new DomainRuleException("user.password", "A user needs a password hash.");
        }

        UserName = userName;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim();
        Role = role;
        UnitCode = unitCode;
        PasswordHash = passwordHash;
        SecurityStamp = NewStamp();
    }

    /// <summary>Letters (any script), digits and <c>. _ - @</c>, 1–64 characters.</summary>
    public static bool IsValidUserName(string? userName) =>
        !string.IsNullOrWhiteSpace(userName) && userName.Length <= MaxUserNameLength
        && userName.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    public void ChangePasswordHash(string passwordHash)
    {
        if (string.IsNullOrEmpty(passwordHash))
        {
            throw new DomainRuleException("user.password", "A user needs a password hash.");
        }

        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        SecurityStamp = NewStamp();
    }

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > MaxDisplayNameLength)
        {
            throw new DomainRuleException("user.display-name", $"姓名须为 1–{MaxDisplayNameLength} 个字 / A display name is 1–{MaxDisplayNameLength} characters.");
        }

        DisplayName = displayName.Trim();
    }

    /// <summary>Moves the user to another role or unit; tokens issued before stop working.</summary>
    public void Assign(Role role, UnitCode unitCode)
    {
        if (role == Role && unitCode == UnitCode)
        {
            return;
        }

        Role = role;
        UnitCode = unitCode;
        SecurityStamp = NewStamp();
    }

    public void Disable(DateTime at)
    {
        if (DisabledAt is null)
        {
            DisabledAt = at;
            SecurityStamp = NewStamp();
        }
    }

    public void Enable()
    {
        DisabledAt = null;
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong password; after <paramref name="threshold"/> in a row the account is locked for <paramref name="lockout"/>.</summary>
    public void RecordFailedSignIn(DateTime now, int threshold, TimeSpan lockout)
    {
        FailedSignIns++;
        if (FailedSignIns >= threshold)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
