using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Administration.Units.CreateUnit;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;

namespace GridCase.Api.Administration.Units.ChangeUnit;

public sealed class ChangeUnitHandler(GridCaseDb db, UnitWrites writes, AdminLog log) : ICommandHandler<ChangeUnitCommand, UnitDetailResponse>
{
    public async ValueTask<UnitDetailResponse> Handle(ChangeUnitCommand command, CancellationToken cancellationToken) =>
        await writes.CommitAsync(async () =>
        {
            var unit = await db.FindInAreaAsync(CallerScope.For(command.Caller), command.Code, cancellationToken);
            if (unit.IsRetired)
            {
                throw new InvalidTransitionException("org.retired", $"单位 {unit.Code} 已撤销，不能修改 / unit {unit.Code} is retired and cannot be changed.");
            }

            var area = unit.Code.Value;
            if (command.Name is { } name && name.Trim() != unit.Name)
            {
                var old = unit.Name;
                unit.Rename(name);
                log.Record(command.Caller, AdminChangeKinds.UnitRenamed, area, area, new { old, @new = unit.Name });
            }

            if (command.Describes)
            {
                Describe(unit, command);
            }

            return UnitDetailResponse.From(unit, await db.ChildCountAsync(unit.Code, cancellationToken));
        }, cancellationToken);

    private void Describe(OrgUnit unit, ChangeUnitCommand command)
    {
        var old = new Description(unit.GridType?.ToString(), unit.Population, unit.Boundary);
        var gridType = command.GridType is null ? unit.GridType : GridTypes.Parse(command.GridType);
        var boundary = command.Boundary.ValueKind == JsonValueKind.Undefined ? unit.Boundary : CreateUnitCommand.BoundaryText(command.Boundary)?.Trim();
        var population = command.Population.ValueKind switch
        {
            JsonValueKind.Undefined => unit.Population,
            JsonValueKind.Null => null,
            _ => command.Population.GetInt32(),
        };

        var @new = new Description(gridType?.ToString(), population, boundary);
        if (@new == old)
        {
            return;
        }

        try
        {
            unit.Describe(gridType, boundary, population);
        }
        catch (DomainRuleException e)
        {
            var field = e.Code == "org.grid-only" && command.GridType is null ? "boundary" : NewUnit.FieldOf(e.Code);
            var message = e.Code switch
            {
                "org.grid-only" => "只有网格有网格类型和边界 / only a grid has a gridType and a boundary.",
                "org.grid-type" => "网格须注明类型：城镇、农村或专属 / a grid needs a gridType: Urban, Rural or Dedicated.",
                _ => e.Message,
            };
            throw new ValidationException([new ValidationFailure(field, message)]);
        }

        log.Record(command.Caller, AdminChangeKinds.UnitDescribed, unit.Code.Value, unit.Code.Value, new { old, @new });
    }

    private sealed record Description(string? GridType, int? Population, string? Boundary);
}
