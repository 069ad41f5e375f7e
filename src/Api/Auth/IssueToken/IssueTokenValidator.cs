using FluentValidation;

namespace GridCase.Api.Auth.IssueToken;

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Username).NotEmpty().WithMessage("请输入用户名 / username is required.")
            .MaximumLength(64).WithMessage("用户名过长 / username has at most 64 characters.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("请输入密码 / password is required.")
            .MaximumLength(256).WithMessage("密码过长 / password has at most 256 characters.");
    }
}
