using GridCase.Workflows.Definitions;

namespace GridCase.Workflows.Activities;

/// <summary>
/// An activity type: describes itself for the designer and compiles a node's properties into a
/// <see cref="CompiledActivity"/>. Compilation is where every property is checked, once, at publish time
/// and when a published version is first loaded.
/// </summary>
public interface IActivity
{
    /// <summary>The <c>type</c> nodes use, e.g. <c>HumanTask</c>.</summary>
    string Type { get; }

    ActivityDescriptor Descriptor { get; }

    /// <summary>
    /// Checks the node's properties; adds problems (naming the node) and returns <c>null</c> when they are wrong.
    /// </summary>
    CompiledActivity? Compile(NodeDefinition node, CompileContext context, ICollection<DefinitionProblem> problems);
}

/// <summary>What compilation may know about the definition around a node.</summary>
public sealed record CompileContext(IReadOnlyDictionary<string, VariableType> Variables)
{
    /// <summary>Names an expression may use: declared variables plus the subject's facts.</summary>
    public IReadOnlySet<string> KnownNames { get; } =
        Variables.Keys.Concat(SubjectFacts.Names).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The palette entry of an activity type.</summary>
/// <param name="PropertySchema">A JSON Schema (as JSON text) of the node's <c>props</c>.</param>
/// <param name="Outcomes">Fixed outcome ports; types whose ports depend on props say so in <paramref name="OutcomesFromProps"/>.</param>
public sealed record ActivityDescriptor(
    string Type,
    string Title,
    string TitleEn,
    string Category,
    string Description,
    string PropertySchema,
    IReadOnlyList<string> Outcomes,
    string? OutcomesFromProps = null);

/// <summary>
/// A node with its properties parsed and checked: pure behaviour, no clock, no store, no services.
/// </summary>
public abstract class CompiledActivity(Definitions.NodeDefinition node)
{
    public Definitions.NodeDefinition Node { get; } = node;

    /// <summary>The outcome ports this node declares.</summary>
    public abstract IReadOnlyList<string> Outcomes { get; }

    /// <summary>What this node can do to responsibility, for the no-push-down analysis.</summary>
    public virtual RoutingReach Reach => RoutingReach.None;

    /// <summary>What the interpreter must know about this node's human tasks; null for nodes without tasks.</summary>
    public virtual TaskRules? TaskRules => null;

    /// <summary>Expressions this node uses, for the validator (already parsed by compilation).</summary>
    public virtual IEnumerable<string> Conditions => [];

    /// <summary>Problems only visible with the whole definition (e.g. decision-table gaps).</summary>
    public virtual IEnumerable<DefinitionProblem> Check() => [];

    /// <summary>Runs the node when a token arrives.</summary>
    public abstract ActivityResult Execute(ActivityContext context);

    /// <summary>
    /// A human task of this node is being completed: check the outcome and form, then continue
    /// (or reject, leaving everything unchanged).
    /// </summary>
    public virtual ActivityResult Complete(ActivityContext context, string outcome, IReadOnlyDictionary<string, object?> data) =>
        ActivityResult.Fault($"Node '{Node.Id}' has no task to complete.");
}

/// <summary>
/// How far a node can move responsibility: <see cref="RaisesFloor"/> when it can route to township level or
/// above, or to a department; <see cref="AssignsToGrid"/> when it can assign work to grid level.
/// </summary>
public sealed record RoutingReach(bool RaisesFloor, bool AssignsToGrid)
{
    public static RoutingReach None { get; } = new(false, false);
}

/// <summary>
/// What the interpreter needs to know about a node's human tasks beyond the wait itself.
/// </summary>
/// <param name="Purpose">Disposal, check or visit: only disposal counts under the no-push-down rule.</param>
/// <param name="FollowsResponsibility">The queue is <c>{"responsible":true}</c>: open tasks move when responsibility moves.</param>
/// <param name="SeparateFrom">Nodes whose performers may not claim or complete this node's tasks (监管分离).</param>
/// <param name="OverdueInterrupts">False: the overdue port runs while the task stays open.</param>
/// <param name="ClaimFromAbove">A dispatcher of an area above the queue may claim the task (the API decides).</param>
public sealed record TaskRules(
    Domain.Cases.TaskPurpose Purpose,
    bool FollowsResponsibility,
    IReadOnlyList<string> SeparateFrom,
    bool OverdueInterrupts,
    bool ClaimFromAbove);
