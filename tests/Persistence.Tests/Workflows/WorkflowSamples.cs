using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Ports;
using GridCase.Workflows.Runtime;

namespace GridCase.Persistence.Tests.Workflows;

/// <summary>Test data for the workflow store contracts: states, journal chains, task and timer rows.</summary>
internal static class WorkflowSamples
{
    /// <summary>Whole microseconds (what PostgreSQL keeps), but not whole seconds.</summary>
    public static readonly DateTime At = new DateTime(2026, 3, 2, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_560);

    public static readonly Actor Dispatcher = Actor.ForUser("d140521100", Role.Dispatcher, UnitCode.Parse("140521100"));

    public static string NewQueue() => "Q" + Guid.NewGuid().ToString("N")[..12];

    public static WorkflowState State(Guid id, long lastSeq = 0, string lastHash = JournalChain.GenesisHash) => new()
    {
        InstanceId = id,
        DefinitionId = "event-handling",
        Version = 3,
        Subject = new SubjectFacts(
            UnitCode.Parse("140521100001001"),
            "QS-01-001",
            "QS-01",
            UnitCode.Parse("140521HB"),
            "Hotline12345",
            new Dictionary<Difficulty, int> { [Difficulty.Simple] = 4, [Difficulty.Major] = 72 }),
        Responsibility = new Responsibility(UnitCode.Parse("140521100"), UnitCode.Parse("140521"), OrgLevel.Township),
        LastSeq = lastSeq,
        LastHash = lastHash,
    };

    /// <summary>A state using every member: variables of each value type, tasks, timers, join arrivals.</summary>
    public static WorkflowState RichState(Guid id) => State(id, lastSeq: 7, lastHash: new string('a', 64)) with
    {
        Status = WorkflowStatus.Running,
        Variables = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, object?>
        {
            ["text"] = "下水道堵塞，污水外溢",
            ["yes"] = true,
            ["no"] = false,
            ["difficulty"] = 3L,
            ["max"] = long.MaxValue,
            ["min"] = long.MinValue,
            ["ratio"] = 0.8,
            ["whole"] = 2.0,
            ["huge"] = 1e20,
            ["tiny"] = -1.5e-7,
            ["nothing"] = null,
            ["list"] = new List<object?> { 1L, "二", null, 3.25, false, new List<object?> { 4.0 } },
            ["map"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["b"] = 1L,
                ["B"] = new List<object?> { "x" },
                ["nested"] = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["d"] = 2.5, ["e"] = null },
            },
        }),
        Tasks =
        [
            new OpenTask(
                DeterministicId.For(id, 1), "handle", TaskKind.Work, UnitCode.Parse("140521HB"), "handle-form",
                ["办结", "退回"], At, At.AddHours(6.4), At.AddHours(8))
            {
                ClaimedBy = "h140521HB",
                Warned = true,
                Purpose = TaskPurpose.Check,
                Item = "140521HB",
                ClaimFromAbove = true,
            },
            new OpenTask(
                DeterministicId.For(id, 2), "incident", TaskKind.Incident, UnitCode.Parse("140521"), "incident", ["done"], At.AddMinutes(1), null, null)
            {
                Overdue = true,
            },
        ],
        Timers =
        [
            new PendingTimer(DeterministicId.For(id, 3), "handle", TimerPurpose.Warning, At.AddHours(6.4), DeterministicId.For(id, 1)),
            new PendingTimer(DeterministicId.For(id, 4), "wait", TimerPurpose.Delay, At.AddDays(2), null),
        ],
        JoinArrivals = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ImmutableSortedSet<string>>
        {
            ["join"] = ImmutableSortedSet.Create(StringComparer.Ordinal, "lead", "Assist", "assist"),
            ["other"] = ImmutableSortedSet.Create<string>(StringComparer.Ordinal),
        }),
        Performers = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, ImmutableSortedSet<string>>
        {
            ["handle"] = ImmutableSortedSet.Create(StringComparer.Ordinal, "h140521HB", "H2"),
        }),
        SupervisedBy = UnitCode.Parse("140521"),
        ClosureCode = "resolved",
        LastDecision = "difficulty >= 3 && scope == 'County'",
        IdCounter = 4,
    };

    /// <summary>Entries <paramref name="from"/>…<paramref name="from"/>+count-1, chained from <paramref name="prevHash"/>.</summary>
    public static IReadOnlyList<JournalEntry> Entries(Guid id, long from, int count, string prevHash = JournalChain.GenesisHash)
    {
        var entries = new List<JournalEntry>();
        for (var i = 0; i < count; i++)
        {
            var seq = from + i;
            var system = seq % 3 == 0;
            var entry = new JournalEntry(
                id,
                seq,
                At.AddSeconds(seq),
                system ? JournalActor.From(Actor.System) : JournalActor.From(Dispatcher),
                system ? JournalKinds.TimerFired : JournalKinds.NodeEntered,
                system ? null : "node-" + seq,
                "event-handling",
                3,
                system ? null : "row 2",
                CanonicalJson.Write(new Dictionary<string, object?> { ["seq"] = seq, ["说明"] = "第" + seq + "步" }),
                "",
                "");
            entries.Add(JournalChain.Seal(entry, prevHash));
            prevHash = entries[^1].Hash;
        }

        return entries;
    }

    public static TaskRecord TaskRow(Guid instanceId, string queue, DateTime? dueAt, WorkTaskStatus status = WorkTaskStatus.Open, string? taskId = null) => new(
        taskId ?? Guid.NewGuid().ToString("D"),
        instanceId,
        "handle",
        TaskKind.Work,
        queue,
        "handle-form",
        ["办结", "退回"],
        status,
        null,
        At,
        dueAt?.AddHours(-1),
        dueAt,
        false,
        false,
        status == WorkTaskStatus.Open ? null : "办结",
        status == WorkTaskStatus.Open ? null : At.AddHours(1));

    public static TimerRecord TimerRow(Guid instanceId, DateTime dueAt, TimerStatus status = TimerStatus.Pending) =>
        new(Guid.NewGuid().ToString("D"), instanceId, "wait", TimerPurpose.Delay, dueAt, status);

    public static WorkflowCommit NewInstance(WorkflowState state, Guid stamp, IReadOnlyList<JournalEntry>? entries = null, IReadOnlyList<TaskRecord>? tasks = null, IReadOnlyList<TimerRecord>? timers = null) =>
        new(state, null, stamp, entries ?? [], tasks ?? [], timers ?? []);

    public static WorkflowCommit Change(WorkflowState state, Guid expected, Guid stamp, IReadOnlyList<JournalEntry>? entries = null, IReadOnlyList<TaskRecord>? tasks = null, IReadOnlyList<TimerRecord>? timers = null) =>
        new(state, expected, stamp, entries ?? [], tasks ?? [], timers ?? []);

    /// <summary>A value with its type spelled out, containers included: 2L and 2.0 differ here, unlike in NUnit's equality.</summary>
    public static string Typed(object? value) => value switch
    {
        null => "null",
        string s => "string:" + s,
        bool b => "bool:" + b,
        long l => "long:" + l.ToString(CultureInfo.InvariantCulture),
        double d => "double:" + d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, object?>> map =>
            map.GetType().Name + "{" + string.Join(", ", map.Select(p => p.Key + "=" + Typed(p.Value))) + "}",
        IEnumerable list => list.GetType().Name + "[" + string.Join(", ", list.Cast<object?>().Select(Typed)) + "]",
        _ => value.GetType().Name + ":" + value,
    };

    /// <summary>A definition document with a unique id, using every part of the format.</summary>
    public static WorkflowDefinition Definition(string id, string name = "事件分级流转")
    {
        var json = $$"""
            {
              "id": "{{id}}", "version": 7, "name": "{{name}}", "changeNote": "ignored",
              "variables": { "difficulty": "int", "scope": "string", "ratio": "number", "urgent": "bool" },
              "nodes": [
                { "id": "start", "type": "Start", "layout": { "x": 40, "y": 80.5 } },
                { "id": "triage", "type": "HumanTask", "title": "研判分类", "layout": { "x": 240, "y": 80 },
                  "props": { "queue": { "level": "Township" }, "form": "triage", "outcomes": ["filed", "invalid"],
                             "deadline": { "workingHours": 2, "warnAt": 0.8 }, "nested": [ { "a": null }, true ] } },
                { "id": "end", "type": "End", "props": { "closure": "resolved" } }
              ],
              "connections": [
                { "from": "start", "outcome": "done", "to": "triage" },
                { "from": "triage", "outcome": "filed", "to": "end" },
                { "from": "triage", "to": "end" }
              ]
            }
            """;
        var (definition, problems) = DefinitionJson.Parse(json);
        return definition ?? throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
    }
}
