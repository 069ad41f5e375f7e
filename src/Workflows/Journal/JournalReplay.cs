using System.Collections.Immutable;
using GridCase.Domain;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Runtime;

namespace GridCase.Workflows.Journal;

/// <summary>The state an auditor sees at one step of the trace.</summary>
public sealed record ReplayState(
    long Seq,
    IReadOnlyList<string> ActiveNodeIds,
    string? ResponsibleUnit,
    string? Floor,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyList<string> OpenTaskIds,
    string Status,
    string? ClosureCode)
{
    /// <summary>The version the instance runs on at this step (changes at a Migrated entry).</summary>
    public int? Version { get; init; }

    public string? GridCode { get; init; }

    public string? CatalogueItemCode { get; init; }

    public string? SupervisedBy { get; init; }
}

/// <summary>The result of checking a journal: the chain, and re-execution of the pinned version.</summary>
public sealed record VerifyResult(bool ChainValid, bool ReplayMatches, long? FirstBadSeq, string? Detail);

/// <summary>Replay in both senses: fold the journal to a step, and re-execute it to compare.</summary>
public static class JournalReplay
{
    /// <summary>Folds entries 1..<paramref name="seq"/> into the state at that step.</summary>
    public static ReplayState StateAt(IReadOnlyList<JournalEntry> entries, long seq)
    {
        var active = new List<string>();
        var tasks = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        string? responsible = null, floor = null, closure = null, grid = null, item = null, supervisedBy = null;
        int? version = null;
        var status = "Running";
        foreach (var entry in entries.TakeWhile(e => e.Seq <= seq))
        {
            var data = CanonicalJson.ReadObject(entry.DataJson);
            version ??= entry.DefinitionVersion;
            switch (entry.Kind)
            {
                case JournalKinds.Reported:
                    responsible = data.GetValueOrDefault("initialUnit") as string;
                    grid = (data.GetValueOrDefault("subject") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("gridCode") as string;
                    item = (data.GetValueOrDefault("subject") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("catalogueItemCode") as string;
                    floor = "Grid";
                    foreach (var (name, value) in (IReadOnlyDictionary<string, object?>)data["variables"]!)
                    {
                        variables[name] = value;
                    }

                    break;
                case JournalKinds.NodeEntered or JournalKinds.JoinWaiting when entry.NodeId is not null:
                    if (!active.Contains(entry.NodeId))
                    {
                        active.Add(entry.NodeId);
                    }

                    break;
                case JournalKinds.NodeExited when entry.NodeId is not null:
                    active.Remove(entry.NodeId);
                    break;
                case JournalKinds.TaskOpened:
                    tasks[(string)data["taskId"]!] = entry.NodeId ?? "";
                    break;
                case JournalKinds.TaskCompleted or JournalKinds.TaskCancelled:
                    tasks.Remove((string)data["taskId"]!);
                    if (entry.Kind == JournalKinds.TaskCancelled && entry.NodeId is not null && !tasks.ContainsValue(entry.NodeId))
                    {
                        active.Remove(entry.NodeId);
                    }

                    break;
                case JournalKinds.VariableSet:
                    variables[(string)data["name"]!] = data["value"];
                    break;
                case JournalKinds.Routed or JournalKinds.Escalated:
                    responsible = data["to"] as string;
                    floor = data["floor"] as string;
                    break;
                case JournalKinds.SupervisionFlagged:
                    supervisedBy = data.GetValueOrDefault("supervisingUnit") as string;
                    break;
                case JournalKinds.Relocated:
                    grid = data.GetValueOrDefault("toGrid") as string;
                    break;
                case JournalKinds.Reclassified:
                    item = data.GetValueOrDefault("toItem") as string;
                    break;
                case JournalKinds.Migrated:
                    version = (int)(long)data["toVersion"]!;
                    var renamed = (IReadOnlyDictionary<string, object?>)data["nodeMap"]!;
                    string Rename(string node) => renamed.GetValueOrDefault(node) as string ?? node;
                    for (var i = 0; i < active.Count; i++)
                    {
                        active[i] = Rename(active[i]);
                    }

                    foreach (var taskId in tasks.Keys.ToList())
                    {
                        tasks[taskId] = Rename(tasks[taskId]);
                    }

                    break;
                case JournalKinds.Closed:
                    closure = data["closureCode"] as string;
                    break;
                case JournalKinds.Completed:
                    status = "Completed";
                    active.Clear();
                    break;
                case JournalKinds.Faulted:
                    status = "Faulted";
                    break;
            }
        }

        return new ReplayState(Math.Min(seq, entries.Count), active.Distinct(StringComparer.Ordinal).ToList(), responsible, floor, variables, tasks.Keys.ToList(), status, closure)
        {
            Version = version,
            GridCode = grid,
            CatalogueItemCode = item,
            SupervisedBy = supervisedBy,
        };
    }

    /// <summary>
    /// Checks the chain, then runs the pinned version again from the recorded stimuli and compares every
    /// entry it produces with the stored one. Names the first entry that differs.
    /// </summary>
    public static VerifyResult Verify(IReadOnlyList<JournalEntry> stored, CompiledWorkflow workflow, FlowchartInterpreter interpreter) =>
        Verify(stored, version => version == workflow.Definition.Version ? workflow : null, interpreter);

    /// <summary>
    /// As above, for a journal that may cross a migration: each step re-executes on the version the instance was on
    /// (after a Migrated entry, its target). <paramref name="versions"/> answers null for a version it does not know.
    /// </summary>
    public static VerifyResult Verify(IReadOnlyList<JournalEntry> stored, Func<int, CompiledWorkflow?> versions, FlowchartInterpreter interpreter)
    {
        var broken = JournalChain.FirstBrokenSeq(stored);
        var (matches, firstDiff, detail) = Reexecute(stored, versions, interpreter);
        var first = (broken, firstDiff) switch
        {
            (null, null) => (long?)null,
            (null, _) => firstDiff,
            (_, null) => broken,
            _ => Math.Min(broken.Value, firstDiff.Value),
        };
        return new VerifyResult(broken is null, matches, first, broken is not null ? $"Chain broken at seq {broken}." : detail);
    }

    /// <summary>The versions a journal runs on: the pinned one and every migration's target.</summary>
    public static IReadOnlyList<int> VersionsOf(IReadOnlyList<JournalEntry> entries) =>
        entries.Select(e => e.DefinitionVersion)
            .Concat(entries.Where(e => e.Kind == JournalKinds.Migrated).Select(e => CanonicalJson.ReadObject(e.DataJson).GetValueOrDefault("toVersion")).OfType<long>().Select(v => (int)v))
            .Distinct()
            .Order()
            .ToList();

    private static (bool Matches, long? FirstDiff, string? Detail) Reexecute(IReadOnlyList<JournalEntry> stored, Func<int, CompiledWorkflow?> versions, FlowchartInterpreter interpreter)
    {
        WorkflowState? state = null;
        var produced = new List<JournalEntry>();
        try
        {
            foreach (var entry in stored.Where(JournalKinds.IsStimulus))
            {
                var stimulus = ToStimulus(entry);
                var workflow = versions(state?.Version ?? entry.DefinitionVersion)
                    ?? throw new KeyNotFoundException($"Version {state?.Version ?? entry.DefinitionVersion} of the definition is not available.");
                var result = stimulus is MigrateStimulus migrate && state is not null
                    ? interpreter.Migrate(workflow, versions(migrate.ToVersion) ?? throw new KeyNotFoundException($"Version {migrate.ToVersion} of the definition is not available."), state, migrate)
                    : interpreter.Run(workflow, state, stimulus);
                if (result.HasChanges)
                {
                    produced.AddRange(result.Entries);
                    state = result.State;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidCastException or KeyNotFoundException or FormatException or DomainException or NullReferenceException)
        {
            var at = produced.Count + 1;
            return (false, at, $"Re-execution could not rebuild a stimulus near seq {at}: {ex.Message}");
        }

        for (var i = 0; i < Math.Max(stored.Count, produced.Count); i++)
        {
            if (i >= stored.Count || i >= produced.Count || !SameEntry(stored[i], produced[i]))
            {
                var seq = i + 1L;
                return (false, seq, $"Re-execution differs at seq {seq}: stored {Describe(stored, i)}, re-executed {Describe(produced, i)}.");
            }
        }

        return (true, null, null);
    }

    private static bool SameEntry(JournalEntry a, JournalEntry b) =>
        a.Seq == b.Seq && a.At == b.At && a.Actor == b.Actor && a.Kind == b.Kind && a.NodeId == b.NodeId
        && a.DefinitionId == b.DefinitionId && a.DefinitionVersion == b.DefinitionVersion && a.Rule == b.Rule && a.DataJson == b.DataJson;

    private static string Describe(IReadOnlyList<JournalEntry> entries, int i) =>
        i < entries.Count ? $"{entries[i].Kind} at {entries[i].NodeId ?? "-"}" : "nothing";

    /// <summary>Rebuilds the stimulus a stimulus entry recorded.</summary>
    public static Stimulus ToStimulus(JournalEntry entry)
    {
        var data = CanonicalJson.ReadObject(entry.DataJson);
        var at = new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc));
        var actor = ToActor(entry.Actor);
        return entry.Kind switch
        {
            JournalKinds.Reported => new StartStimulus(
                entry.InstanceId,
                ToSubject((IReadOnlyDictionary<string, object?>)data["subject"]!),
                UnitCode.Parse((string)data["initialUnit"]!),
                (IReadOnlyDictionary<string, object?>)data["variables"]!,
                actor,
                at),
            JournalKinds.TaskCompleted => new CompleteTaskStimulus(
                (string)data["taskId"]!, (string)data["outcome"]!, (IReadOnlyDictionary<string, object?>)data["data"]!, actor, at),
            JournalKinds.TaskClaimed => new ClaimTaskStimulus((string)data["taskId"]!, actor, at),
            JournalKinds.TaskReleased => new ReleaseTaskStimulus((string)data["taskId"]!, actor, at),
            JournalKinds.TimerFired => new TimerFiredStimulus((string)data["timerId"]!, at),
            JournalKinds.Reassigned => new ReassignStimulus(UnitCode.Parse((string)data["unit"]!), (string)data["reason"]!, actor, at),
            JournalKinds.SupervisionFlagged => new SuperviseStimulus(UnitCode.Parse((string)data["supervisingUnit"]!), (string)data["note"]!, actor, at),
            JournalKinds.Urged => new UrgeStimulus((string)data["note"]!, actor, at),
            JournalKinds.Relocated => new RelocateStimulus(UnitCode.Parse((string)data["toGrid"]!), (string)data["reason"]!, actor, at),
            JournalKinds.Reclassified => new ReclassifyStimulus(ToSubject((IReadOnlyDictionary<string, object?>)data["subject"]!), (string)data["reason"]!, actor, at),
            JournalKinds.Migrated => new MigrateStimulus(
                (int)(long)data["toVersion"]!,
                ((IReadOnlyDictionary<string, object?>)data["nodeMap"]!).ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal),
                actor,
                at),
            _ => throw new FormatException($"{entry.Kind} is not a stimulus."),
        };
    }

    public static Actor ToActor(JournalActor actor) =>
        actor.UserId == Actor.SystemUserId || actor.Role is null || actor.Unit is null
            ? Actor.System
            : Actor.ForUser(actor.UserId, Enum.Parse<Role>(actor.Role), UnitCode.Parse(actor.Unit));

    private static SubjectFacts ToSubject(IReadOnlyDictionary<string, object?> data) => new(
        UnitCode.Parse((string)data["gridCode"]!),
        (string)data["catalogueItemCode"]!,
        (string)data["categoryCode"]!,
        UnitCode.Parse((string)data["owningDepartment"]!),
        (string)data["channel"]!,
        ((IReadOnlyDictionary<string, object?>)data["timeLimitHours"]!).ToImmutableDictionary(
            p => (Difficulty)int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture),
            p => (int)(long)p.Value!));
}
