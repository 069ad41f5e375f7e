using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence.Catalogue;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.WithdrawItem;

/// <summary>
/// A withdrawal is one administrator's act (no second approval: it admits nothing new); it makes a new catalogue
/// version, so earlier versions keep the item as they had it and running cases of the item go on.
/// </summary>
public sealed class WithdrawItemHandler(OrgSnapshot org, CatalogueStore catalogues, AdminLog log)
    : ICommandHandler<WithdrawItemCommand, WithdrawnItemResponse>
{
    public async ValueTask<WithdrawnItemResponse> Handle(WithdrawItemCommand command, CancellationToken cancellationToken)
    {
        var county = AdministeredCounty.Resolve(org.Current, command.County, command.Caller);
        var catalogue = await catalogues.LoadAsync(county.Code, cancellationToken);
        var item = catalogue?.Find(command.Code) ?? throw new NotFoundException($"{county.Code} 的事项 {command.Code}", $"Catalogue item {command.Code} of {county.Code}");

        var version = catalogue!.Withdraw(item.Code);
        log.Record(command.Caller, AdminChangeKinds.CatalogueItemWithdrawn, item.Code, county.Code.Value,
            new { version, name = item.Name, reason = command.Reason!.Trim() });
        try
        {
            // One commit: the withdrawal, the new version and the log entry.
            await catalogues.SaveAsync(catalogue, cancellationToken);
        }
        catch (CatalogueVersionConflictException)
        {
            throw new InvalidTransitionException("concurrent-change",
                "清单刚被他人修改，请重试 / The catalogue changed at the same moment; withdraw the item again.");
        }

        return new WithdrawnItemResponse(county.Code.Value, item.Code, item.Name, version, catalogue.Version);
    }
}
