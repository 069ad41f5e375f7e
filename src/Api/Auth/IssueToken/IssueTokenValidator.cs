using FluentValidation;

namespace GridCase.Api.Auth.IssueToken;

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Username).NotEmpty().MaximumLength(64).WithMessage("请输入用户名 / username is required (at most 64 characters).");
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256).WithMessage("请输入密码 / password is required.");
    }
}
