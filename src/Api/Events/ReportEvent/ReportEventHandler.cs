using FluentValidation;
using FluentValidation.Results;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Cases;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Workflows;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Events.ReportEvent;

public sealed class ReportEventHandler(
    OrgSnapshot org,
    CatalogueStore catalogues,
    WorkflowBindings bindings,
    IDefinitionStore definitions,
    CaseStore cases,
    CaseWorkflow workflow,
    CaseNumberPrefixes prefixes,
    GridCaseSettings settings,
    TimeProvider clock) : ICommandHandler<ReportEventCommand, EventCreatedResponse>
{
    public async ValueTask<EventCreatedResponse> Handle(ReportEventCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        if (caller.Role is Role.Auditor)
        {
            throw new ForbiddenException("审计人员只读 / Auditors read; they do not report events.");
        }

        var grid = org.Current.Find(UnitCode.Parse(command.GridCode))
            ?? throw Invalid("gridCode", $"网格 {command.GridCode} 不存在 / grid {command.GridCode} does not exist.");
        if (!CallerScope.For(caller).Covers(grid.Code.Value))
        {
            throw Invalid("gridCode", $"网格 {grid.Code} 不在您的辖区 / grid {grid.Code} is outside your area.");
        }

        if (grid.IsRetired)
        {
            throw Invalid("gridCode", $"网格已撤销 / grid {grid.Code} is retired and takes no new reports.");
        }

        var county = org.Current.AreaAt(grid.Code, OrgLevel.County)!;
        var item = (await catalogues.LoadAsync(county.Code, cancellationToken))?.Find(command.CatalogueItemCode!)
            ?? throw Invalid("catalogueItemCode", $"{county.Name}入格事项清单中没有 {command.CatalogueItemCode} / not in the catalogue of {county.Code}.");
        if (item.WithdrawnInVersion is { } withdrawn)
        {
            throw Invalid("catalogueItemCode", $"事项已退出清单：{item.Code}（第 {withdrawn} 版）/ item {item.Code} was withdrawn from the catalogue of {county.Code} in version {withdrawn}.");
        }

        var definitionId = await DefinitionAsync(command, grid, county, cancellationToken);
        var version = settings.StartVersionFor(definitionId);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (command.HandledOnSite == true)
        {
            if (caller.Role is not Role.GridMember)
            {
                throw Invalid("handledOnSite", "只有网格员可以上报即办事件 / only grid members report an event as handled on the spot.");
            }

            var definition = await definitions.GetVersionAsync(definitionId, version ?? await definitions.LatestPublishedVersionAsync(definitionId, cancellationToken) ?? 0, cancellationToken);
            if (definition is null || !definition.Variables.ContainsKey(OnSiteVariable))
            {
                throw Invalid("handledOnSite", $"流程 {definitionId} 不办理即办事件 / workflow '{definitionId}' does not take events handled on the spot.");
            }

            variables[OnSiteVariable] = true;
            variables["resolution"] = command.Resolution!.Trim();
        }

        var now = clock.GetUtcNow();
        var occurredAt = command.OccurredAt is { } at && at < now ? at : now;
        var location = command.Location is { } l ? new GeoLocation(l.Latitude!.Value, l.Longitude!.Value, l.Address ?? "") : null;
        var reporter = command.Reporter is { } r ? new ReporterContact(Blank(r.Name), Blank(r.Phone)) : null;
        var channel = Enum.Parse<ReportChannel>(command.Channel!);
        var year = now.ToOffset(TimeSpan.FromHours(8)).Year;

        var caseId = CaseId.New();
        var facts = new SubjectFacts(grid.Code, item.Code, item.CategoryCode, item.OwningDepartment, channel.ToString(), item.TimeLimitHours);
        var start = await workflow.PrepareStartAsync(definitionId, version,
            new StartStimulus(caseId.Value, facts, grid.Code, variables, caller, now), cancellationToken);

        var (response, _) = await workflow.RunAsync(
            async () =>
            {
                // The number is taken inside the unit of work: a report that fails leaves a gap, never a duplicate.
                await workflow.BeginWritesAsync(cancellationToken);
                var number = await cases.NextNumberAsync(prefixes.For(county.Code), year, cancellationToken);
                var subject = Case.Report(caseId, number, item.Code, grid.Code, channel, command.Title!.Trim(), command.Description,
                    location, reporter, occurredAt, caller, now);
                if (command.HandledOnSite == true)
                {
                    subject.RecordHandledOnSite(command.Resolution!, caller, now);
                }

                var outcome = await workflow.StartAsync(subject, start, cancellationToken);
                var state = outcome.State!;
                return (new EventCreatedResponse(subject.Id.Value, subject.Number.Value, subject.Status.ToString(),
                    new WorkflowRef(state.DefinitionId, state.Version), state.Tasks.Select(t => TaskResponse.From(subject.Id.Value, t)).ToList()), outcome);
            },
            StatusCodes.Status201Created,
            created => $"/api/events/{created.Id}",
            cancellationToken);
        return response;
    }

    /// <summary>The variable a workflow declares when it takes events handled on the spot (即办).</summary>
    public const string OnSiteVariable = "handledOnSite";

    private async Task<string> DefinitionAsync(ReportEventCommand command, OrgUnit grid, OrgUnit county, CancellationToken cancellationToken)
    {
        if (command.WorkflowDefinitionId is not { Length: > 0 } requested)
        {
            var township = org.Current.AreaAt(grid.Code, OrgLevel.Township)!;
            return await bindings.ResolveAsync([township.Code, county.Code], cancellationToken);
        }

        if (command.Caller.Role is not (Role.PolicyAdmin or Role.Dispatcher))
        {
            throw new ForbiddenException("只有调度员和政策管理员可以指定流程 / Only dispatchers and policy administrators choose the workflow.");
        }

        return await definitions.LatestPublishedVersionAsync(requested, cancellationToken) is null
            ? throw Invalid("workflowDefinitionId", $"流程 {requested} 没有已发布的版本 / '{requested}' has no published version.")
            : requested;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
