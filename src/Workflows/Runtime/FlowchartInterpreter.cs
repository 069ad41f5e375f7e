using GridCase.Domain.Calendar;
using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;

namespace GridCase.Workflows.Runtime;

/// <summary>
/// The pure heart of the engine: (state, stimulus) → (new state, journal entries, task and timer rows).
/// It reads no clock (the stimulus carries the time), touches no store, and produces the same output for
/// the same input, which is what makes re-execution of a journal possible.
/// </summary>
public sealed class FlowchartInterpreter(OrgDirectory org, WorkingCalendar calendar, IResponsibilityRules rules)
{
    /// <summary>Activations one stimulus may run before the instance is faulted (a loop without a wait).</summary>
    public const int MaxActivationsPerStimulus = 1_000;

    public OrgDirectory Org { get; } = org;

    public InterpreterResult Run(CompiledWorkflow workflow, WorkflowState? state, Stimulus stimulus)
    {
        // Journals keep milliseconds (PostgreSQL keeps microseconds, SQLite text more): what is hashed must survive storage.
        stimulus = stimulus with { At = Truncate(stimulus.At) };
        if (stimulus is StartStimulus start)
        {
            if (state is not null)
            {
                return InterpreterResult.Refused(state, new Refusal(RefusalKind.Conflict, "already-started", $"流程实例 {start.InstanceId} 已经启动 / Instance {start.InstanceId} has already started."));
            }

            var step = new InterpreterStep(workflow, NewState(workflow, start), stimulus, Org, calendar, rules);
            step.Start(start);
            return step.Finish();
        }

        if (state is null)
        {
            return InterpreterResult.Refused(null, new Refusal(RefusalKind.NotFound, "instance-not-found", "流程实例不存在 / The instance does not exist."));
        }

        if (state.Status != WorkflowStatus.Running && stimulus is not TimerFiredStimulus)
        {
            return InterpreterResult.Refused(state, new Refusal(RefusalKind.Conflict, "instance-ended", $"流程已结束，不能再办理 / The instance has ended ({state.Status})."));
        }

        var run = new InterpreterStep(workflow, state, stimulus, Org, calendar, rules);
        return stimulus switch
        {
            CompleteTaskStimulus complete => run.CompleteTask(complete),
            ClaimTaskStimulus claim => run.Claim(claim),
            ReleaseTaskStimulus release => run.Release(release),
            TimerFiredStimulus fired => run.TimerFired(fired),
            ReassignStimulus reassign => run.Reassign(reassign),
            SuperviseStimulus supervise => run.Supervise(supervise),
            UrgeStimulus urge => run.Urge(urge),
            RelocateStimulus relocate => run.Relocate(relocate),
            ReclassifyStimulus reclassify => run.Reclassify(reclassify),
            MigrateStimulus => InterpreterResult.Refused(state, new Refusal(RefusalKind.Invalid, "migration-needs-target", "迁移须指定目标版本 / A migration runs through Migrate, with the target version.")),
            _ => InterpreterResult.Refused(state, new Refusal(RefusalKind.Invalid, "unknown-stimulus", $"无法识别的操作 / Unknown stimulus {stimulus.GetType().Name}.")),
        };
    }

    /// <summary>
    /// Moves a running instance of <paramref name="from"/> (its pinned version) onto <paramref name="to"/>, another
    /// version of the same definition. Pure, like <see cref="Run"/>.
    /// </summary>
    public InterpreterResult Migrate(CompiledWorkflow from, CompiledWorkflow to, WorkflowState state, MigrateStimulus migrate)
    {
        migrate = migrate with { At = Truncate(migrate.At) };
        if (state.Status != WorkflowStatus.Running)
        {
            return InterpreterResult.Refused(state, new Refusal(RefusalKind.Conflict, "instance-ended", $"流程已结束，不能再办理 / The instance has ended ({state.Status})."));
        }

        if (from.Definition.Id != state.DefinitionId || from.Definition.Version != state.Version || to.Definition.Id != state.DefinitionId || to.Definition.Version != migrate.ToVersion)
        {
            return InterpreterResult.Refused(state, new Refusal(RefusalKind.Invalid, "other-definition", $"迁移只在同一流程的版本之间进行 / A migration moves between versions of {state.DefinitionId} only."));
        }

        if (migrate.ToVersion == state.Version)
        {
            return InterpreterResult.Refused(state, new Refusal(RefusalKind.Conflict, "same-version", $"案件已在 v{state.Version} / The instance is already on v{state.Version}."));
        }

        return new InterpreterStep(from, state, migrate, Org, calendar, rules).Migrate(to, migrate);
    }

    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private WorkflowState NewState(CompiledWorkflow workflow, StartStimulus start)
    {
        var initial = Org.Find(start.InitialUnit);
        return new WorkflowState
        {
            InstanceId = start.InstanceId,
            DefinitionId = workflow.Definition.Id,
            Version = workflow.Definition.Version,
            Subject = start.Subject,
            Responsibility = new Responsibility(start.InitialUnit, null, initial?.Level ?? OrgLevel.Grid),
        };
    }
}
