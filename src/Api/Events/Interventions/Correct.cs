using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Events.Interventions;

/// <summary>改派网格: the reported grid was wrong; allowed while the case has never been above village level.</summary>
public sealed record RelocateCommand(Guid EventId, string? GridCode, string? Reason) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

/// <summary>重新分类: triage corrects the catalogue item before the case is dispatched.</summary>
public sealed record ReclassifyCommand(Guid EventId, string? CatalogueItemCode, string? Reason) : ICommand<TaskStepResponse>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class RelocateValidator : AbstractValidator<RelocateCommand>
{
    public RelocateValidator()
    {
        RuleFor(c => c.GridCode).Must(g => UnitCode.TryParse(g, out var code) && code.AreaLevel == OrgLevel.Grid)
            .WithMessage("gridCode 须为 15 位网格编码 / gridCode must be a 15-digit grid code.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写理由 / reason is required.").MaximumLength(Case.ReasonMaxLength);
    }
}

public sealed class ReclassifyValidator : AbstractValidator<ReclassifyCommand>
{
    public ReclassifyValidator()
    {
        RuleFor(c => c.CatalogueItemCode).NotEmpty().WithMessage("请选择入格事项 / catalogueItemCode is required.").MaximumLength(Case.CatalogueItemCodeMaxLength);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写理由 / reason is required.").MaximumLength(Case.ReasonMaxLength);
    }
}

public sealed class RelocateHandler(CaseIntervention intervention, OrgSnapshot org, TimeProvider clock) : ICommandHandler<RelocateCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(RelocateCommand command, CancellationToken cancellationToken)
    {
        var grid = org.Current.Find(UnitCode.Parse(command.GridCode));
        if (grid is null || grid.IsRetired || !CallerScope.For(command.Caller).Covers(grid.Code.Value))
        {
            throw new ValidationException([new ValidationFailure("gridCode",
                $"网格 {command.GridCode} 不存在、已撤销或不在您的辖区 / grid {command.GridCode} does not exist, is retired or is outside your area.")]);
        }

        return await intervention.RunAsync(command.EventId, command.Caller, "改派网格", _ =>
            Task.FromResult<Stimulus>(new RelocateStimulus(grid.Code, command.Reason!.Trim(), command.Caller, clock.GetUtcNow())), cancellationToken);
    }
}

public sealed class ReclassifyHandler(CaseIntervention intervention, OrgSnapshot org, CatalogueStore catalogues, TimeProvider clock)
    : ICommandHandler<ReclassifyCommand, TaskStepResponse>
{
    public async ValueTask<TaskStepResponse> Handle(ReclassifyCommand command, CancellationToken cancellationToken) =>
        await intervention.RunAsync(command.EventId, command.Caller, "重新分类", async subject =>
        {
            var county = org.Current.AreaAt(subject.GridCode, OrgLevel.County)!;
            var item = (await catalogues.LoadAsync(county.Code, cancellationToken))?.Find(command.CatalogueItemCode!);
            if (item is null || item.WithdrawnInVersion is not null)
            {
                throw new ValidationException([new ValidationFailure("catalogueItemCode",
                    $"{county.Name}入格事项清单中没有可用的 {command.CatalogueItemCode} / {command.CatalogueItemCode} is not a current item of the catalogue of {county.Code}.")]);
            }

            var facts = new SubjectFacts(subject.GridCode, item.Code, item.CategoryCode, item.OwningDepartment, subject.Channel.ToString(), item.TimeLimitHours);
            return new ReclassifyStimulus(facts, command.Reason!.Trim(), command.Caller, clock.GetUtcNow());
        }, cancellationToken);
}
