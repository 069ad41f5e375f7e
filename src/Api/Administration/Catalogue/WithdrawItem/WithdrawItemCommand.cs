using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.WithdrawItem;

/// <summary>Withdraw an item from a county's catalogue (退出清单) as its next version: refused for new reports from then on.</summary>
public sealed record WithdrawItemCommand(string County, string Code, string? Reason, Actor Caller) : ICommand<WithdrawnItemResponse>;

public sealed record WithdrawItemBody(string? Reason);

public sealed record WithdrawnItemResponse(string County, string Code, string Name, int WithdrawnInVersion, int CatalogueVersion);
