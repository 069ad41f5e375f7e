using FluentValidation;

namespace GridCase.Api.Administration.Catalogue.WithdrawItem;

public sealed class WithdrawItemValidator : AbstractValidator<WithdrawItemCommand>
{
    public const int MaxReasonLength = 500;

    public WithdrawItemValidator() =>
        RuleFor(c => c.Reason)
            .NotEmpty().WithMessage("请说明退出理由 / reason is required.")
            .MaximumLength(MaxReasonLength).WithMessage($"退出理由过长 / reason has at most {MaxReasonLength} characters.");
}
