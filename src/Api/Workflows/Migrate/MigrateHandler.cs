using GridCase.Api.Events;
using GridCase.Api.Infrastructure;
using GridCase.Domain.Cases;
using GridCase.Persistence.Cases;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Workflows.Migrate;

/// <summary>
/// Finds a page of running cases on the source version and sends each a <see cref="MigrateStimulus"/>: on a dry run
/// only interpreted, otherwise committed one case per unit of work (in a scope of its own), so a blocked or
/// concurrently changed case never holds back the others.
/// </summary>
public sealed class MigrateHandler(
    IDefinitionStore definitions,
    CompiledWorkflowCache cache,
    IInstanceFinder finder,
    IServiceScopeFactory scopes,
    CaseWorkflow workflow,
    IdempotencyScope idempotency,
    TimeProvider clock) : ICommandHandler<MigrateCommand, MigrateResponse>
{
    public async ValueTask<MigrateResponse> Handle(MigrateCommand command, CancellationToken cancellationToken)
    {
        var (from, to) = (command.FromVersion!.Value, command.ToVersion!.Value);
        foreach (var version in new[] { from, to })
        {
            _ = await cache.GetAsync(definitions, command.DefinitionId, version, cancellationToken)
                ?? throw new NotFoundException($"流程 {command.DefinitionId} v{version}", $"Workflow {command.DefinitionId} v{version}");
        }

        var nodeMap = command.NodeMap!.ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var found = await finder.RunningInstancesAsync(command.DefinitionId, from, command.After is { } after ? Guid.Parse(after) : null, command.Limit + 1, cancellationToken);
        var page = found.Take(command.Limit).ToList();
        var moved = new List<MigratedCase>();
        var blocked = new List<BlockedCase>();
        foreach (var instanceId in page)
        {
            var stimulus = new MigrateStimulus(to, nodeMap, command.Caller, clock.GetUtcNow());
            var (migrated, refusal) = await MigrateOneAsync(instanceId, stimulus, command.DryRun, cancellationToken);
            if (migrated is null)
            {
                continue;
            }

            if (refusal is null)
            {
                moved.Add(migrated);
            }
            else
            {
                blocked.Add(new BlockedCase(migrated.CaseId, migrated.Number, migrated.ActiveNodes, refusal.Code, refusal.Message));
            }
        }

        var response = new MigrateResponse(from, to, command.DryRun, moved, blocked, found.Count > command.Limit ? page[^1].ToString() : null);
        if (idempotency.Key is not null)
        {
            await workflow.RunAsync(() => Task.FromResult((response, new RunOutcome(null, [], null))), StatusCodes.Status200OK, _ => null, cancellationToken);
        }

        return response;
    }

    /// <summary>The case as it was (null when it has no case file or ended meanwhile) and why it did not move, if it did not.</summary>
    private async Task<(MigratedCase? Case, Refusal? Refusal)> MigrateOneAsync(Guid instanceId, MigrateStimulus stimulus, bool dryRun, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var subject = await services.GetRequiredService<CaseStore>().FindAsync(new CaseId(instanceId), cancellationToken);
        var stored = await services.GetRequiredService<IWorkflowStore>().LoadAsync(instanceId, cancellationToken);
        if (subject is null || stored is null || stored.State.Status != WorkflowStatus.Running)
        {
            return (null, null);
        }

        var found = new MigratedCase(instanceId, subject.Number.Value, stored.State.ActiveNodeIds);
        if (dryRun)
        {
            var prepared = await services.GetRequiredService<WorkflowRuntime>().PrepareAsync(instanceId, stimulus, cancellationToken);
            return (found, prepared.Unchanged?.Refusal);
        }

        var caseWorkflow = services.GetRequiredService<CaseWorkflow>();
        try
        {
            await caseWorkflow.RunAsync(
                async () => (0, await caseWorkflow.SendAsync(subject, stimulus, cancellationToken)), StatusCodes.Status200OK, _ => null, cancellationToken);
            return (found, null);
        }
        catch (RefusalException refused)
        {
            return (found, refused.Refusal);
        }
        catch (Exception ex) when (ex is WorkflowConcurrencyException or ConcurrencyConflictException)
        {
            return (found, new Refusal(RefusalKind.Conflict, "concurrent-change", $"案件在迁移时被他人修改，请重试 / The case changed during the migration; run it again. {ex.Message}"));
        }
    }
}
