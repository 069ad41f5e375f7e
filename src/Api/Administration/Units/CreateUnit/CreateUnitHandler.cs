using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units.CreateUnit;

public sealed class CreateUnitHandler(GridCaseDb db, UnitWrites writes, AdminLog log) : ICommandHandler<CreateUnitCommand, UnitDetailResponse>
{
    public async ValueTask<UnitDetailResponse> Handle(CreateUnitCommand command, CancellationToken cancellationToken) =>
        await writes.CommitAsync(async () =>
        {
            var problems = new List<UnitProblem>();
            var input = command.ToInput().Parse(problems)!;
            var parent = await db.FindInAreaAsync(CallerScope.For(command.Caller), input.ParentCode.Value, cancellationToken);
            if (parent.IsRetired)
            {
                throw new DomainRuleException("org.parent-retired", $"上级单位 {parent.Code}（{parent.Name}）已撤销 / parent {parent.Code} is retired and takes no new units.");
            }

            var unit = NewUnit.Build(input, parent, problems)
                ?? throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Message)));
            if (await db.OrgUnits.AnyAsync(u => u.Code == unit.Code, cancellationToken))
            {
                throw new InvalidTransitionException("org.duplicate-code", $"单位代码 {unit.Code} 已存在 / unit code {unit.Code} is already in use.");
            }

            db.OrgUnits.Add(unit);
            log.Record(command.Caller, AdminChangeKinds.UnitCreated, unit.Code.Value, unit.Code.Value, new
            {
                name = unit.Name, level = unit.Level.ToString(), kind = unit.Kind.ToString(), parentCode = parent.Code.Value,
                gridType = unit.GridType?.ToString(), population = unit.Population, boundary = unit.Boundary,
            });
            return UnitDetailResponse.From(unit, 0);
        }, cancellationToken);
}
