using GridCase.Workflows.Activities.Decisions;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Decisions;

public sealed class DecisionTests
{
    private const string Props = """
        {
          "conditions": [
            { "outcome": "hard", "when": "difficulty >= 3 && scope == 'County'" },
            { "outcome": "department", "when": "scope == 'CrossDepartment'" },
            { "outcome": "hard", "when": "difficulty == 4" }
          ],
          "default": "easy"
        }
        """;

    private readonly DecisionActivity _activity = new();

    [TestCase("""{"default":"easy"}""", ProblemCodes.MissingProperty, "'conditions' is required")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"true"}]}""", ProblemCodes.MissingProperty, "'default' is required")]
    [TestCase("""{"conditions":[],"default":"easy"}""", ProblemCodes.InvalidProperty, "at least one condition")]
    [TestCase("""{"conditions":[{"when":"true"}],"default":"easy"}""", ProblemCodes.MissingProperty, "conditions[0] needs an outcome")]
    [TestCase("""{"conditions":[{"outcome":"a"}],"default":"easy"}""", ProblemCodes.MissingProperty, "conditions[0] needs a condition")]
    [TestCase("""{"conditions":[{"outcome":"a","when":true}],"default":"easy"}""", ProblemCodes.InvalidProperty, "conditions[0] needs a condition ('when') as text")]
    [TestCase("""{"conditions":["difficulty > 1"],"default":"easy"}""", ProblemCodes.InvalidProperty, "conditions[0] must be an object")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"difficulty >="}],"default":"easy"}""", ProblemCodes.BadCondition, "ends too early")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"level == 'County'"}],"default":"easy"}""", ProblemCodes.BadCondition, "unknown name 'level'")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"difficulty + 1"}],"default":"easy"}""", ProblemCodes.BadCondition, "not true or false")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"scope >= 3"}],"default":"easy"}""", ProblemCodes.BadCondition, "compares numbers")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"true","else":"b"}],"default":"easy"}""", ProblemCodes.InvalidProperty, "unknown property 'else'")]
    [TestCase("""{"conditions":[{"outcome":"a","when":"true"}],"default":"easy","mode":"first"}""", ProblemCodes.InvalidProperty, "unknown property 'mode'")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)),
            () => string.Join(Environment.NewLine, problems.Select(p => $"{p.Code} {p.Message}")));
    }

    [Test]
    public void A_condition_holding_a_slash_splits_into_its_Chinese_and_English_halves_at_the_pair_separator()
    {
        var problem = Problems(_activity, """{"conditions":[{"outcome":"a","when":"difficulty / 2"}],"default":"easy"}""").Single();

        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.BadCondition));
        var at = ProblemCodes.PairSeparatorAt(problem.Message);
        Assert.That(problem.Message[..at], Is.EqualTo("n1：conditions[0] 的条件 'difficulty / 2' 有误：条件的结果是数值，不是 true 或 false"));
        Assert.That(problem.Message[(at + 3)..], Is.EqualTo("n1: conditions[0] ('difficulty / 2'): the condition is a number, not true or false."));
    }

    [Test]
    public void Outcomes_are_the_distinct_condition_outcomes_in_order_then_the_default()
    {
        var node = Compile(_activity, Props);

        Assert.That(node.Outcomes, Is.EqualTo(new[] { "hard", "department", "easy" }));
        Assert.That(node.Conditions, Is.EqualTo(new[] { "difficulty >= 3 && scope == 'County'", "scope == 'CrossDepartment'", "difficulty == 4" }));
    }

    [Test]
    public void A_default_that_is_also_a_condition_outcome_is_one_port()
    {
        var node = Compile(_activity, """{"conditions":[{"outcome":"a","when":"urgent"}],"default":"a"}""");

        Assert.That(node.Outcomes, Is.EqualTo(new[] { "a" }));
    }

    [TestCase(3L, "County", "hard", "decision:n1:hard when difficulty >= 3 && scope == 'County'")]
    [TestCase(4L, "Township", "hard", "decision:n1:hard when difficulty == 4")]
    [TestCase(4L, "CrossDepartment", "department", "decision:n1:department when scope == 'CrossDepartment'")]
    [TestCase(2L, "County", "easy", "decision:n1:default")]
    [TestCase(null, "County", "easy", "decision:n1:default")]
    [TestCase(null, null, "easy", "decision:n1:default")]
    public void The_first_true_condition_decides_and_is_recorded_as_the_rule(object? difficulty, string? scope, string outcome, string rule)
    {
        var node = Compile(_activity, Props);

        var result = Continued(node.Execute(Context(Values(("difficulty", difficulty), ("scope", scope)))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { outcome }));
        Assert.That(result.Rule, Is.EqualTo(rule));
        Assert.That(result.Effects, Is.Empty);
    }

    [Test]
    public void Conditions_can_read_the_subjects_facts()
    {
        var node = Compile(_activity, """{"conditions":[{"outcome":"hotline","when":"channel == 'Hotline12345'"}],"default":"other"}""");

        Assert.That(Continued(node.Execute(Context(channel: "Hotline12345"))).Outcomes, Is.EqualTo(new[] { "hotline" }));
        Assert.That(Continued(node.Execute(Context(channel: "Video"))).Outcomes, Is.EqualTo(new[] { "other" }));
    }
}
