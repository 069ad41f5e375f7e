using FluentValidation;

namespace GridCase.Api.Administration.Changes.ListChanges;

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.Subject).NotEmpty().MaximumLength(64).When(q => q.Subject is not null);
        RuleFor(q => q.Kind).NotEmpty().MaximumLength(64).When(q => q.Kind is not null);
        RuleFor(q => q.Before).GreaterThan(0).When(q => q.Before is not null)
            .WithMessage("游标无效，请使用上一页返回的 next / before must be the next of the previous page (a positive id).");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListChangesQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"每页数量须在 1 到 {ListChangesQuery.MaxLimit} 之间 / limit must be between 1 and {ListChangesQuery.MaxLimit}.");
    }
}
