using FluentValidation;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Reference.GetCatalogue;

public sealed class GetCatalogueValidator : AbstractValidator<GetCatalogueQuery>
{
    public GetCatalogueValidator() =>
        RuleFor(q => q.County)
            .Must(county => UnitCode.TryParse(county, out var code) && code.AreaLevel == OrgLevel.County)
            .When(q => q.County is not null)
            .WithMessage("县（区）代码须为 6 位数字，如 140521 / county must be a 6-digit county code such as 140521.");
}
