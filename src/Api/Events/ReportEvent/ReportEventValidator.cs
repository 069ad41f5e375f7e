using FluentValidation;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Events.ReportEvent;

public sealed class ReportEventValidator : AbstractValidator<ReportEventCommand>
{
    public ReportEventValidator(TimeProvider clock)
    {
        RuleFor(c => c.CatalogueItemCode).NotEmpty().WithMessage("请选择入格事项 / catalogueItemCode is required.").MaximumLength(Case.CatalogueItemCodeMaxLength);
        RuleFor(c => c.GridCode).Must(g => UnitCode.TryParse(g, out var code) && code.AreaLevel == OrgLevel.Grid)
            .WithMessage("网格代码须为 15 位数字 / gridCode must be a 15-digit grid code.");
        RuleFor(c => c.Channel).Must(c => Enum.TryParse<ReportChannel>(c, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage($"来源渠道须为以下之一：{string.Join("、", Enum.GetNames<ReportChannel>())} / channel must be one of {string.Join(", ", Enum.GetNames<ReportChannel>())}.");
        RuleFor(c => c.Title).NotEmpty().WithMessage("请填写标题 / title is required.").MaximumLength(Case.TitleMaxLength);
        RuleFor(c => c.Description).MaximumLength(Case.DescriptionMaxLength);
        RuleFor(c => c.OccurredAt).Must(at => at is null || at <= clock.GetUtcNow().AddMinutes(5))
            .WithMessage("发生时间不能晚于现在 / occurredAt cannot be in the future.");
        When(c => c.HandledOnSite == true, () =>
        {
            RuleFor(c => c.Resolution).NotEmpty().WithMessage("即办须填写处置情况 / resolution is required when handledOnSite is true.")
                .MaximumLength(Case.ResolutionNoteMaxLength);
            RuleFor(c => c.Channel).Equal(nameof(ReportChannel.GridPatrol))
                .WithMessage("即办只适用于网格员巡查上报 / handledOnSite is for grid patrol reports (channel GridPatrol).");
        });
        RuleFor(c => c.Resolution).Empty().When(c => c.HandledOnSite != true)
            .WithMessage("处置情况只随即办上报 / resolution is only sent with handledOnSite true.");
        When(c => c.Location is not null, () =>
        {
            RuleFor(c => c.Location!.Latitude).NotNull().InclusiveBetween(-90, 90).OverridePropertyName("location.latitude");
            RuleFor(c => c.Location!.Longitude).NotNull().InclusiveBetween(-180, 180).OverridePropertyName("location.longitude");
            RuleFor(c => c.Location!.Address).MaximumLength(GeoLocation.AddressMaxLength).OverridePropertyName("location.address");
        });
        When(c => c.Reporter is not null, () =>
        {
            RuleFor(c => c.Reporter!.Name).MaximumLength(ReporterContact.NameMaxLength).OverridePropertyName("reporter.name");
            RuleFor(c => c.Reporter!.Phone).Matches(@"^[0-9+\- ]{3,20}$").When(c => !string.IsNullOrEmpty(c.Reporter!.Phone))
                .OverridePropertyName("reporter.phone").WithMessage("请填写正确的电话号码 / reporter.phone must be a phone number.");
            RuleFor(c => c.Reporter).Must(r => !string.IsNullOrWhiteSpace(r!.Name) || !string.IsNullOrWhiteSpace(r.Phone))
                .WithMessage("请填写上报人姓名或电话 / reporter needs a name or a phone.");
        });
    }
}
