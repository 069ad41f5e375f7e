using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Units.RetireUnit;

public sealed class RetireUnitHandler(GridCaseDb db, UnitWrites writes, AdminLog log, TimeProvider clock) : ICommandHandler<RetireUnitCommand, UnitDetailResponse>
{
    private const int NamedChildren = 10;

    public async ValueTask<UnitDetailResponse> Handle(RetireUnitCommand command, CancellationToken cancellationToken) =>
        await writes.CommitAsync(async () =>
        {
            var unit = await db.FindInAreaAsync(CallerScope.For(command.Caller), command.Code, cancellationToken);
            if (unit.IsRetired)
            {
                throw new InvalidTransitionException("org.retired", $"单位 {unit.Code} 已于 {unit.RetiredAt:yyyy-MM-dd} 撤销 / unit {unit.Code} is already retired.");
            }

            var active = db.OrgUnits.AsNoTracking().Where(u => u.ParentCode == unit.Code && u.RetiredAt == null);
            var count = await active.CountAsync(cancellationToken);
            if (count > 0)
            {
                var named = await active.OrderBy(u => u.Code).Take(NamedChildren).Select(u => u.Code).ToListAsync(cancellationToken);
                var list = string.Join(", ", named) + (count > NamedChildren ? $" … (+{count - NamedChildren})" : "");
                throw new InvalidTransitionException("org.active-children",
                    $"请先撤销 {unit.Code} 的 {count} 个下级单位：{list} / retire the {count} active units under {unit.Code} first: {list}.");
            }

            unit.Retire(clock.GetUtcNow().UtcDateTime);
            log.Record(command.Caller, AdminChangeKinds.UnitRetired, unit.Code.Value, unit.Code.Value,
                new { name = unit.Name, reason = command.Reason!.Trim(), retiredAt = unit.RetiredAt });
            return UnitDetailResponse.From(unit, await db.ChildCountAsync(unit.Code, cancellationToken));
        }, cancellationToken);
}
