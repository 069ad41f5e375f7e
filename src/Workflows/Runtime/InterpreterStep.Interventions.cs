using System.Collections.Immutable;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Journal;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// Interventions from outside the flowchart: supervision (督办) and urging (催办) by a centre, correcting the grid
/// (改派网格) or the catalogue item (重新分类), and moving a running instance to another version (迁移). Each is
/// journalled first, with everything re-execution needs to rebuild it.
/// </summary>
internal sealed partial class InterpreterStep
{
    public const string ManualIssue = "manual";

    public InterpreterResult Supervise(SuperviseStimulus supervise)
    {
        if (org.Find(supervise.SupervisingUnit) is not { } supervising)
        {
            return Refuse(RefusalKind.Invalid, "unknown-unit", $"单位 {supervise.SupervisingUnit} 不存在 / Unit {supervise.SupervisingUnit} does not exist.");
        }

        var responsible = org.Find(_state.Responsibility.ResponsibleUnit);
        if (responsible is null || !MaySupervise(supervising, responsible))
        {
            return Refuse(RefusalKind.Conflict, "supervision-level",
                $"只有责任单位所在区域的上级可以督办（部门：其所属县区或以上），{supervising.Code} 不是 / Only an area above the responsible unit {_state.Responsibility.ResponsibleUnit} (for a department: its own area or above) supervises; {supervising.Code} is not.");
        }

        if (_state.SupervisedBy == supervising.Code)
        {
            return Refuse(RefusalKind.Conflict, "already-supervised", $"{supervising.Code} 已在督办此案件 / {supervising.Code} already supervises this case.");
        }

        var data = new Dictionary<string, object?>
        {
            ["supervisingUnit"] = supervising.Code.Value,
            ["note"] = supervise.Note,
            ["issued"] = ManualIssue,
        };
        if (_state.SupervisedBy is { } previous)
        {
            data["previousSupervisingUnit"] = previous.Value;
        }

        Append(JournalKinds.SupervisionFlagged, null, null, data);
        _state = _state with { SupervisedBy = supervising.Code };
        Append(JournalKinds.Notified, null, null, new Dictionary<string, object?> { ["recipient"] = "responsible", ["message"] = $"上级督办：{supervise.Note}" });
        return Finish();
    }

    /// <summary>An area containing the responsible unit, above its level (a department's own area also counts).</summary>
    private bool MaySupervise(OrgUnit supervising, OrgUnit responsible) =>
        supervising.Kind == UnitKind.Area
        && org.IsWithin(responsible.Code, supervising.Code)
        && (supervising.Level > responsible.Level || (responsible.Kind == UnitKind.Department && supervising.Level >= responsible.Level));

    public InterpreterResult Urge(UrgeStimulus urge)
    {
        Append(JournalKinds.Urged, null, null, new Dictionary<string, object?>
        {
            ["byUnit"] = Actor.Unit?.Value,
            ["note"] = urge.Note,
            ["responsibleUnit"] = _state.Responsibility.ResponsibleUnit.Value,
        });
        return Finish();
    }

    public InterpreterResult Relocate(RelocateStimulus relocate)
    {
        if (org.Find(relocate.GridCode) is not { } grid)
        {
            return Refuse(RefusalKind.Invalid, "unknown-unit", $"网格 {relocate.GridCode} 不存在 / Unit {relocate.GridCode} does not exist.");
        }

        if (grid.Kind != UnitKind.Area || grid.Level != OrgLevel.Grid)
        {
            return Refuse(RefusalKind.Invalid, "not-a-grid", $"{grid.Code} 不是网格 / {grid.Code} is not a grid.");
        }

        var current = _state.Responsibility;
        if (!rules.MayRelocate(current.Floor, current.DispatchingUnit == current.ResponsibleUnit))
        {
            return Refuse(RefusalKind.Conflict, NoPushDownRule,
                $"{NoPushDownPolicy.RuleText}：案件已由 {current.ResponsibleUnit} 承办，不能再改派网格 / the case has been at {current.Floor} and is handled by {current.ResponsibleUnit}, so its grid can no longer be changed.");
        }

        var oldGrid = _state.Subject.GridCode;
        if (grid.Code == oldGrid)
        {
            return Refuse(RefusalKind.Conflict, "same-grid", $"案件已在网格 {grid.Code} / The case is already in grid {grid.Code}.");
        }

        Append(JournalKinds.Relocated, null, null, new Dictionary<string, object?>
        {
            ["fromGrid"] = oldGrid.Value,
            ["toGrid"] = grid.Code.Value,
            ["reason"] = relocate.Reason,
        });
        _state = _state with { Subject = _state.Subject with { GridCode = grid.Code } };

        if (org.Find(current.ResponsibleUnit) is { Kind: UnitKind.Area } responsible
            && org.AreaAt(grid.Code, responsible.Level) is { } moved
            && moved.Code != responsible.Code
            && !Assign(moved.Code, JournalKinds.Routed, nodeId: null))
        {
            return Finish();
        }

        foreach (var task in _state.Tasks.Where(t => t.Kind == TaskKind.Work).ToList())
        {
            if (org.Find(task.Queue) is not { Kind: UnitKind.Area } queue
                || !org.IsWithin(oldGrid, queue.Code)
                || org.IsWithin(grid.Code, queue.Code)
                || org.AreaAt(grid.Code, queue.Level) is not { } to)
            {
                continue;
            }

            Append(JournalKinds.TaskRequeued, task.NodeId, null, new Dictionary<string, object?>
            {
                ["taskId"] = task.TaskId,
                ["from"] = queue.Code.Value,
                ["to"] = to.Code.Value,
            });
            ReplaceTask(task, task with { Queue = to.Code, ClaimedBy = null });
        }

        return Finish();
    }

    public InterpreterResult Reclassify(ReclassifyStimulus reclassify)
    {
        var before = _state.Subject;
        var after = reclassify.Subject;
        if (after.GridCode != before.GridCode)
        {
            return Refuse(RefusalKind.Invalid, "grid-changed", "重新分类不改变网格，请使用改派网格 / Reclassifying keeps the grid; relocate the case to change it.");
        }

        if (after.CatalogueItemCode == before.CatalogueItemCode)
        {
            return Refuse(RefusalKind.Conflict, "same-item", $"案件已属事项 {after.CatalogueItemCode} / The case is already filed under {after.CatalogueItemCode}.");
        }

        Append(JournalKinds.Reclassified, null, null, new Dictionary<string, object?>
        {
            ["fromItem"] = before.CatalogueItemCode,
            ["toItem"] = after.CatalogueItemCode,
            ["fromCategory"] = before.CategoryCode,
            ["toCategory"] = after.CategoryCode,
            ["owningDepartment"] = after.OwningDepartment.Value,
            ["reason"] = reclassify.Reason,
            ["subject"] = SubjectData(after),
        });
        _state = _state with { Subject = after };
        return Finish();
    }

    /// <summary>
    /// Moves the instance onto <paramref name="target"/>: checks every node it waits at against the map, then
    /// renames the nodes in its tasks, timers, join arrivals and stopped clocks. Task ids, queues and deadlines stay.
    /// The Migrated entry carries the pinned version; every entry after it carries the target version.
    /// </summary>
    public InterpreterResult Migrate(CompiledWorkflow target, MigrateStimulus migrate)
    {
        var map = migrate.NodeMap;
        var unknown = map.Where(p => !target.Nodes.ContainsKey(p.Value)).Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Refuse(RefusalKind.Conflict, "unknown-node",
                $"目标版本 v{target.Definition.Version} 没有节点 {string.Join(", ", unknown)} / v{target.Definition.Version} has no node {string.Join(", ", unknown)}.",
                new Dictionary<string, string[]> { ["nodeMap"] = [.. unknown] });
        }

        var active = _state.ActiveNodeIds;
        var unmapped = active.Where(n => !map.ContainsKey(n)).ToList();
        if (unmapped.Count > 0)
        {
            return Refuse(RefusalKind.Conflict, "unmapped-node",
                $"活动节点 {string.Join(", ", unmapped)} 没有对应的目标节点 / The active nodes {string.Join(", ", unmapped)} have no mapping.",
                new Dictionary<string, string[]> { ["nodeMap"] = [.. unmapped] });
        }

        var notTasks = _state.Tasks.Where(t => t.Kind == TaskKind.Work && target.Node(map[t.NodeId]).Node.Type != "HumanTask")
            .Select(t => t.NodeId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (notTasks.Count > 0)
        {
            return Refuse(RefusalKind.Conflict, "not-a-task",
                $"节点 {string.Join(", ", notTasks)} 有待办任务，但目标节点不是人工任务 / Open tasks at {string.Join(", ", notTasks)} map to nodes that are not HumanTasks.",
                new Dictionary<string, string[]> { ["nodeMap"] = [.. notTasks] });
        }

        var pushDown = active.Where(n => target.Node(map[n]).Reach.AssignsToGrid).ToList();
        if (pushDown.Count > 0 && rules.Forbids(_state.Responsibility.Floor, rules.BlockedLevel))
        {
            return Refuse(RefusalKind.Conflict, NoPushDownRule,
                $"{NoPushDownPolicy.RuleText}：v{target.Definition.Version} 的 {string.Join("、", pushDown.Select(n => map[n]))} 会交办网格，低于案件已到达的层级，不能迁移 / No push-down: {string.Join(", ", pushDown.Select(n => map[n]))} in v{target.Definition.Version} assign to grid level below the floor {_state.Responsibility.Floor}.");
        }

        // The pairs this instance uses: its active nodes, and the nodes its stopped clocks and arrived branches name.
        var used = active
            .Concat(_state.CarriedDeadlines.Keys)
            .Concat(_state.JoinArrivals.Values.SelectMany(a => a))
            .Where(map.ContainsKey)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableSortedDictionary(n => n, n => (object?)map[n], StringComparer.Ordinal);
        Append(JournalKinds.Migrated, null, null, new Dictionary<string, object?>
        {
            ["fromVersion"] = (long)_state.Version,
            ["toVersion"] = (long)migrate.ToVersion,
            ["nodeMap"] = used,
        });

        string Map(string node) => used.TryGetValue(node, out var to) ? (string)to! : node;
        foreach (var task in _state.Tasks.ToList())
        {
            // A work task offers what its new node offers: the target's form and outcomes (its deadline ports aside).
            var moved = task with { NodeId = Map(task.NodeId) };
            if (task.Kind == TaskKind.Work && target.Node(moved.NodeId) is { } node && node.Node.Props.TryGetProperty("form", out var form))
            {
                moved = moved with
                {
                    Form = form.GetString() ?? task.Form,
                    Outcomes = [.. node.Outcomes.Where(o => o is not (Activities.Tasks.HumanTaskActivity.Warning or Activities.Tasks.HumanTaskActivity.Overdue))],
                };
            }

            ReplaceTask(task, moved);
        }

        var timers = _state.Timers.Select(t => t with { NodeId = Map(t.NodeId) }).ToImmutableList();
        foreach (var timer in timers)
        {
            _timers[timer.TimerId] = Record(timer, Ports.TimerStatus.Pending);
        }

        _state = _state with
        {
            Version = migrate.ToVersion,
            Timers = timers,
            // Two nodes mapped onto one: their arrivals merge, and the first stopped clock is kept.
            JoinArrivals = _state.JoinArrivals.GroupBy(j => Map(j.Key), StringComparer.Ordinal).ToImmutableSortedDictionary(
                g => g.Key, g => g.SelectMany(j => j.Value).Select(Map).ToImmutableSortedSet(StringComparer.Ordinal), StringComparer.Ordinal),
            CarriedDeadlines = _state.CarriedDeadlines.GroupBy(c => Map(c.Key), StringComparer.Ordinal)
                .ToImmutableSortedDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        };
        return Finish();
    }
}
