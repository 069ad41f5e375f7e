using System.Text.Json;
using FluentValidation;
using GridCase.Api.Administration.Units.CreateUnit;
using GridCase.Domain.Organisation;

namespace GridCase.Api.Administration.Units.ChangeUnit;

public sealed class ChangeUnitValidator : AbstractValidator<ChangeUnitCommand>
{
    public ChangeUnitValidator()
    {
        RuleFor(c => c).Must(c => c.Name is not null || c.Describes).OverridePropertyName("")
            .WithMessage("没有要修改的内容 / nothing to change: give name, gridType, boundary or population.");
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= OrgUnit.MaxNameLength).When(c => c.Name is not null)
            .WithMessage($"名称须为 1–{OrgUnit.MaxNameLength} 字 / name must have 1–{OrgUnit.MaxNameLength} characters.");
        RuleFor(c => c.GridType).Must(t => GridTypes.Parse(t) is not null).When(c => c.GridType is not null)
            .WithMessage("网格类型须为 Urban（城镇）、Rural（农村）或 Dedicated（专属） / gridType must be Urban, Rural or Dedicated.");
        RuleFor(c => c.Population).Must(p => p.ValueKind == JsonValueKind.Null || p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n >= 0)
            .When(c => c.Population.ValueKind != JsonValueKind.Undefined)
            .WithMessage("人口须为非负整数 / population must be a whole number, 0 or more (or null to clear it).");
        RuleFor(c => c.Boundary).Custom((boundary, context) =>
        {
            if (CreateUnitCommand.BoundaryText(boundary) is { } text && GeoJsonBoundary.Problem(text) is { } problem)
            {
                context.AddFailure("boundary", problem);
            }
        });
    }
}
