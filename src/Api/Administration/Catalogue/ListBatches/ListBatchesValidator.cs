using FluentValidation;
using GridCase.Persistence.Catalogue;

namespace GridCase.Api.Administration.Catalogue.ListBatches;

public sealed class ListBatchesValidator : AbstractValidator<ListBatchesQuery>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public ListBatchesValidator()
    {
        RuleFor(q => q.Status)
            .Must(s => Enum.TryParse<CatalogueBatchStatus>(s, ignoreCase: true, out var status) && Enum.IsDefined(status) && !char.IsAsciiDigit(s![0]))
            .When(q => q.Status is not null)
            .WithMessage($"批次状态无效 / status must be one of {string.Join(", ", Enum.GetNames<CatalogueBatchStatus>())}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"每页数量须在 1 到 {MaxLimit} 之间 / limit must be 1–{MaxLimit}.");
    }
}
