using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using Mediator;

namespace GridCase.Api.Administration.Catalogue.ProposeBatch;

/// <summary>
/// Checks the batch up front as the county's next version (the domain's rules, on a copy of the current catalogue)
/// and records it as proposed; nothing enters the catalogue until another administrator approves it.
/// </summary>
public sealed class ProposeBatchHandler(GridCaseDb db, OrgSnapshot org, CatalogueStore catalogues, AdminLog log, TimeProvider clock)
    : ICommandHandler<ProposeBatchCommand, BatchResponse>
{
    public async ValueTask<BatchResponse> Handle(ProposeBatchCommand command, CancellationToken cancellationToken)
    {
        var county = AdministeredCounty.Resolve(org.Current, command.County, command.Caller);
        var catalogue = await catalogues.LoadAsync(county.Code, cancellationToken) ?? new MatterCatalogue(county.Code);
        var content = new BatchContent(
            catalogue.Version,
            (command.Categories ?? []).Select(c => new BatchCategory(c!.Code!, c.Name!.Trim())).ToList(),
            command.Items!.Select(i => new BatchItem(i!.Code!, i.Name!.Trim(), i.CategoryCode!, i.OwningDepartment!,
                Enum.Parse<OrgLevel>(i.DefaultLevel!).ToString(),
                new BatchTimeLimits(i.TimeLimits!.Simple!.Value, i.TimeLimits.Ordinary!.Value, i.TimeLimits.Complex!.Value, i.TimeLimits.Major!.Value),
                i.CountsTowardClosureRate ?? true)).ToList());

        var problems = content.AdmitTo(catalogue, org.Current);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Message)));
        }

        var batch = new CatalogueBatchRow
        {
            Id = Guid.CreateVersion7(),
            County = county.Code,
            Status = CatalogueBatchStatus.Proposed,
            Note = command.Note!.Trim(),
            Content = content.ToJson(),
            ProposedBy = command.Caller.UserId,
            ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.CatalogueBatches.Add(batch);
        log.Record(command.Caller, AdminChangeKinds.CatalogueBatchProposed, batch.Id.ToString(), county.Code.Value, new
        {
            note = batch.Note,
            baseVersion = content.BaseVersion,
            categories = content.Categories.Select(c => c.Code),
            items = content.Items.Select(i => i.Code),
        });
        await db.SaveChangesAsync(cancellationToken);
        return BatchResponse.From(batch);
    }
}
