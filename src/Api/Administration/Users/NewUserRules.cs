using FluentValidation;
using GridCase.Api.Auth;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Users;

/// <summary>The fields of a new user, as a request body or a line of an import file.</summary>
public interface INewUser
{
    string? UserName { get; }
    string? DisplayName { get; }
    string? Role { get; }
    string? UnitCode { get; }
    string? Password { get; }
}

/// <summary>The field rules a new user follows, whether created alone or imported (each failure names its field).</summary>
public abstract class NewUserRules<T> : AbstractValidator<T>
    where T : INewUser
{
    protected NewUserRules()
    {
        RuleFor(u => u.UserName).Must(User.IsValidUserName)
            .WithMessage($"用户名为 1–{User.MaxUserNameLength} 个字母、数字或 . _ - @ / userName is 1–{User.MaxUserNameLength} letters, digits, '.', '_', '-' or '@'.");
        RuleFor(u => u.DisplayName).DisplayName();
        RuleFor(u => u.Role).Role();
        RuleFor(u => u.UnitCode).UnitCode();
        RuleFor(u => u.Password).NewPassword("password");
    }
}

public static class UserFieldRules
{
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(d => !string.IsNullOrWhiteSpace(d) && d.Trim().Length <= User.MaxDisplayNameLength)
            .WithMessage($"姓名须为 1–{User.MaxDisplayNameLength} 个字符 / displayName must have 1–{User.MaxDisplayNameLength} characters.");

    public static IRuleBuilderOptions<T, string?> Role<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(r => TryParseRole(r, out _))
            .WithMessage($"角色须为 {string.Join("、", Enum.GetNames<Role>())} 之一 / role must be one of {string.Join(", ", Enum.GetNames<Role>())}.");

    public static IRuleBuilderOptions<T, string?> UnitCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(u => Domain.Organisation.UnitCode.TryParse(u, out _))
            .WithMessage("单位编码无效，如 140521100001001 / unitCode must be a unit code such as 140521100001001.");

    /// <summary>A role by its name, in any case; never by its number.</summary>
    public static bool TryParseRole(string? text, out Role role)
    {
        role = default;
        return text is not null && Enum.GetNames<Role>().Contains(text.Trim(), StringComparer.OrdinalIgnoreCase)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out role);
    }

    public static Role ParseRole(string text) =>
        TryParseRole(text, out var role) ? role : throw new ArgumentException($"'{text}' is not a role.", nameof(text));
}
