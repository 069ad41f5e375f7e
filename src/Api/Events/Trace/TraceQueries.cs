using System.Text.Json.Nodes;
using FluentValidation;
using GridCase.Domain;
using GridCase.Persistence;
using Microsoft.EntityFrameworkCore;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;
using Mediator;

namespace GridCase.Api.Events.Trace;

public sealed record GetJournalQuery(Guid EventId, Actor Caller) : IQuery<IReadOnlyList<JournalEntryResponse>>;

public sealed record ReplayQuery(Guid EventId, long? At, Actor Caller) : IQuery<ReplayResponse>;

public sealed record VerifyQuery(Guid EventId, Actor Caller) : IQuery<VerifyResponse>;

public sealed record JournalEntryResponse(
    long Seq, DateTime At, JournalActorResponse Actor, string Kind, string? NodeId, WorkflowRef Definition, string? Rule, JsonNode? Data, string PrevHash, string Hash);

/// <summary>Who caused an entry, with the person's display name (null for <c>system</c> and for a user no longer known).</summary>
public sealed record JournalActorResponse(string UserId, string? Role, string? Unit, string? Name);

public sealed record ReplayResponse(
    long Seq, long LastSeq, IReadOnlyList<string> ActiveNodeIds, string? ResponsibleUnit, string? Floor,
    IReadOnlyDictionary<string, object?> Variables, IReadOnlyList<string> OpenTaskIds, string Status, string? ClosureCode, WorkflowRef Workflow);

public sealed record VerifyResponse(bool ChainValid, bool ReplayMatches, long? FirstBadSeq, string? Detail, int Entries);

public sealed class ReplayValidator : AbstractValidator<ReplayQuery>
{
    public ReplayValidator() => RuleFor(q => q.At).GreaterThanOrEqualTo(0).When(q => q.At is not null).WithMessage("步骤序号须为 0 或更大的整数 / at must be a seq (0 or more).");
}

/// <summary>The auditor's three views of a case's trace: the entries, the state at a step, and the verification.</summary>
public sealed class TraceHandlers(
    EventAccess access,
    IJournalStore journals,
    IWorkflowStore instances,
    IDefinitionStore definitions,
    CompiledWorkflowCache cache,
    FlowchartInterpreter interpreter,
    GridCaseDb db)
    : IQueryHandler<GetJournalQuery, IReadOnlyList<JournalEntryResponse>>, IQueryHandler<ReplayQuery, ReplayResponse>, IQueryHandler<VerifyQuery, VerifyResponse>
{
    public async ValueTask<IReadOnlyList<JournalEntryResponse>> Handle(GetJournalQuery query, CancellationToken cancellationToken)
    {
        await access.VisibleAsync(query.EventId, query.Caller, cancellationToken);
        var entries = await journals.ReadAsync(query.EventId, cancellationToken);
        var names = await NamesAsync(entries, cancellationToken);
        return entries.Select(e => new JournalEntryResponse(
            e.Seq, e.At, new JournalActorResponse(e.Actor.UserId, e.Actor.Role, e.Actor.Unit, names.GetValueOrDefault(e.Actor.UserId)), e.Kind, e.NodeId, new WorkflowRef(e.DefinitionId, e.DefinitionVersion), e.Rule, JsonNode.Parse(e.DataJson), e.PrevHash, e.Hash)).ToList();
    }

    /// <summary>
    /// Auditors have no user lookup, so the trace names its people: one primary-key query for the distinct actors of this
    /// trace (a handful per case), never a scan of the users table.
    /// </summary>
    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Actor.UserId).Where(id => id != Actor.SystemUserId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.UserName))
            .ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
    }

    public async ValueTask<ReplayResponse> Handle(ReplayQuery query, CancellationToken cancellationToken)
    {
        await access.VisibleAsync(query.EventId, query.Caller, cancellationToken);
        var entries = await journals.ReadAsync(query.EventId, cancellationToken);
        var at = Math.Min(query.At ?? entries.Count, entries.Count);
        var state = JournalReplay.StateAt(entries, at);
        // The version at that step: a migrated case shows its new version's flowchart from the Migrated entry on.
        var pinned = entries.Count > 0 ? new WorkflowRef(entries[0].DefinitionId, state.Version ?? entries[0].DefinitionVersion) : new WorkflowRef("", 0);
        return new ReplayResponse(at, entries.Count, state.ActiveNodeIds, state.ResponsibleUnit, state.Floor, state.Variables, state.OpenTaskIds, state.Status, state.ClosureCode, pinned);
    }

    public async ValueTask<VerifyResponse> Handle(VerifyQuery query, CancellationToken cancellationToken)
    {
        await access.VisibleAsync(query.EventId, query.Caller, cancellationToken);
        var stored = await instances.LoadAsync(query.EventId, cancellationToken)
            ?? throw new Infrastructure.NotFoundException($"事件 {query.EventId} 的流程", $"The workflow of event {query.EventId}");
        var entries = await journals.ReadAsync(query.EventId, cancellationToken);

        // A migrated case re-executes on each version it ran on.
        var versions = new Dictionary<int, CompiledWorkflow>();
        foreach (var version in JournalReplay.VersionsOf(entries).Append(stored.State.Version).Distinct())
        {
            if (await cache.GetAsync(definitions, stored.State.DefinitionId, version, cancellationToken) is { } workflow)
            {
                versions[version] = workflow; // an unknown version named by a forged entry fails re-execution
            }
        }

        var result = JournalReplay.Verify(entries, versions.GetValueOrDefault, interpreter);
        return new VerifyResponse(result.ChainValid, result.ReplayMatches, result.FirstBadSeq, result.Detail, entries.Count);
    }
}
