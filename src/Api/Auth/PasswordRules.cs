using FluentValidation;

namespace GridCase.Api.Auth;

/// <summary>What a new password must be: 8–256 characters (a longer one only costs hashing time).</summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 256;

    public static bool IsAcceptable(string? password) => password is { Length: >= MinLength and <= MaxLength };

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(IsAcceptable).WithMessage($"密码须为 {MinLength}–{MaxLength} 个字符 / {field} must have {MinLength}–{MaxLength} characters.");
}
