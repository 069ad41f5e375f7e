using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Decisions;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Decisions;

public sealed class DecisionTableTests
{
    private const string Props = """
        {
          "inputs": ["difficulty", "scope"],
          "rows": [
            { "id": "r1", "when": { "difficulty": "1..2", "scope": "Grid" }, "outcome": "grid", "outputs": { "timeLimitHours": 4 } },
            { "id": "r2", "when": { "difficulty": "<=2", "scope": ["Village", "Township"] }, "outcome": "township", "outputs": { "timeLimitHours": 8, "targetLevel": "Township" } },
            { "id": "r3", "when": { "difficulty": ">=3" }, "outcome": "county" }
          ],
          "default": "township"
        }
        """;

    private readonly DecisionTableActivity _activity = new();

    private static string Table(string rows, string inputs = """["difficulty","scope"]""", string? fallback = null) =>
        $$"""{"inputs":{{inputs}},"rows":{{rows}}{{(fallback is null ? "" : $",\"default\":\"{fallback}\"")}}}""";

    [TestCase("""{"rows":[{"id":"r1","outcome":"a"}]}""", ProblemCodes.MissingProperty, "'inputs' is required")]
    [TestCase("""{"inputs":["difficulty"]}""", ProblemCodes.MissingProperty, "'rows' is required")]
    [TestCase("""{"inputs":[],"rows":[{"id":"r1","outcome":"a"}]}""", ProblemCodes.InvalidProperty, "at least one input")]
    [TestCase("""{"inputs":["level"],"rows":[{"id":"r1","outcome":"a"}]}""", ProblemCodes.UnknownVariable, "input 'level'")]
    [TestCase("""{"inputs":["difficulty"],"rows":[]}""", ProblemCodes.InvalidProperty, "at least one row")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"outcome":"a"}]}""", ProblemCodes.MissingProperty, "rows[0] needs an id")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1"}]}""", ProblemCodes.MissingProperty, "row 'r1' needs an outcome")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","outcome":"a"},{"id":"r1","outcome":"b"}]}""", ProblemCodes.InvalidProperty, "row id 'r1' is used twice")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"scope":"Grid"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "'scope' is not one of the inputs")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":"abc"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "cannot match input 'difficulty'")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":"3..1"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "the range \"3..1\" is empty")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":5},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "5 is not a value of 'difficulty'")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":1.5},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "is a whole number")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":[]},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "an empty list")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":[[1]]},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "not '*' or another list")]
    [TestCase("""{"inputs":["scope"],"rows":[{"id":"r1","when":{"scope":"Province"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "\"Province\" is not a value of 'scope'")]
    [TestCase("""{"inputs":["scope"],"rows":[{"id":"r1","when":{"scope":3},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "cannot match input 'scope'")]
    [TestCase("""{"inputs":["channel"],"rows":[{"id":"r1","when":{"channel":"Phone"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "is not a value of 'channel'")]
    [TestCase("""{"inputs":["urgent"],"rows":[{"id":"r1","when":{"urgent":"yes"},"outcome":"a"}]}""", ProblemCodes.InvalidProperty, "expected true, false")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","outcome":"a","outputs":{"level":"County"}}]}""", ProblemCodes.UnknownVariable, "output 'level' is not a declared variable")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","outcome":"a","outputs":{"timeLimitHours":"four"}}]}""", ProblemCodes.InvalidProperty, "is not an int")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","outcome":"a","then":"b"}]}""", ProblemCodes.InvalidProperty, "unknown property 'then'")]
    [TestCase("""{"inputs":["difficulty"],"rows":[{"id":"r1","outcome":"a","when":"difficulty > 1"}]}""", ProblemCodes.InvalidProperty, "when must be an object")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)),
            () => string.Join(Environment.NewLine, problems.Select(p => $"{p.Code} {p.Message}")));
    }

    [Test]
    public void Outcomes_are_the_distinct_row_outcomes_in_order_then_the_default()
    {
        Assert.That(Compile(_activity, Props).Outcomes, Is.EqualTo(new[] { "grid", "township", "county" }));
        Assert.That(Compile(_activity, Table("""[{"id":"r1","outcome":"a"}]""", fallback: "b")).Outcomes, Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase(1L, "Grid", "grid", "table:n1:r1", "timeLimitHours=4")]
    [TestCase(2L, "Township", "township", "table:n1:r2", "timeLimitHours=8,targetLevel=Township")]
    [TestCase(3L, "Grid", "county", "table:n1:r3", "")]
    [TestCase(4L, null, "county", "table:n1:r3", "")]
    [TestCase(2L, "County", "township", "table:n1:default", "")]
    [TestCase(null, "Grid", "township", "table:n1:default", "")]
    public void The_first_matching_row_decides_sets_its_outputs_and_is_recorded_as_the_rule(object? difficulty, string? scope, string outcome, string rule, string outputs)
    {
        var node = Compile(_activity, Props);

        var result = Continued(node.Execute(Context(Values(("difficulty", difficulty), ("scope", scope)))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { outcome }));
        Assert.That(result.Rule, Is.EqualTo(rule));
        Assert.That(string.Join(",", result.Effects.Cast<SetVariable>().Select(e => $"{e.Name}={e.Value}")), Is.EqualTo(outputs));
    }

    [Test]
    public void Without_a_default_a_value_no_row_matches_faults()
    {
        var node = Compile(_activity, Table("""[{"id":"r1","when":{"difficulty":"1..4"},"outcome":"a"}]""", """["difficulty"]"""));

        var result = node.Execute(Context());

        Assert.That(result, Is.EqualTo(ActivityResult.Fault("n1: no row matches difficulty = null and the table has no default.")));
    }

    [TestCase("\"*\"", 1L, true)]
    [TestCase("\"*\"", null, true)]
    [TestCase("2", 2L, true)]
    [TestCase("2", 3L, false)]
    [TestCase("2", null, false)]
    [TestCase("\"2\"", 2L, true)]
    [TestCase("\"2\"", 2.0, true)]
    [TestCase("[1, 3]", 3L, true)]
    [TestCase("[1, 3]", 2L, false)]
    [TestCase("\"1..2\"", 1L, true)]
    [TestCase("\"1..2\"", 2L, true)]
    [TestCase("\"1..2\"", 3L, false)]
    [TestCase("\"1..2\"", null, false)]
    [TestCase("\">=3\"", 3L, true)]
    [TestCase("\">=3\"", 2L, false)]
    [TestCase("\">3\"", 3L, false)]
    [TestCase("\">3\"", 4L, true)]
    [TestCase("\"<=2\"", 2L, true)]
    [TestCase("\"<2\"", 2L, false)]
    [TestCase("\"<2\"", 1L, true)]
    [TestCase("\"< 2\"", 1L, true)]
    [TestCase("[\"1..2\", 4]", 4L, true)]
    [TestCase("[\"1..2\", 4]", 3L, false)]
    [TestCase("2", "2", false)]
    public void Cells_match_as_documented(string cell, object? difficulty, bool matches)
    {
        var node = Compile(_activity, Table($$"""[{"id":"r1","when":{"difficulty":{{cell}}},"outcome":"yes"}]""", """["difficulty"]""", "no"));

        var result = Continued(node.Execute(Context(Values(("difficulty", difficulty)))));

        Assert.That(result.Outcomes.Single(), Is.EqualTo(matches ? "yes" : "no"));
    }

    [Test]
    public void A_missing_cell_matches_anything()
    {
        var node = Compile(_activity, Table("""[{"id":"r1","when":{"difficulty":1},"outcome":"yes"}]""", fallback: "no"));

        Assert.That(Continued(node.Execute(Context(Values(("difficulty", 1L), ("scope", "County"))))).Outcomes, Is.EqualTo(new[] { "yes" }));
    }

    [Test]
    public void A_table_that_covers_every_combination_once_has_no_problems()
    {
        var node = Compile(_activity, Table("""
            [
              { "id": "simple", "when": { "difficulty": "<=2", "scope": ["Grid", "Village"] }, "outcome": "village" },
              { "id": "town", "when": { "difficulty": "<=2", "scope": ["Township", "County", "CrossDepartment"] }, "outcome": "township" },
              { "id": "hard", "when": { "difficulty": ">=3" }, "outcome": "county" }
            ]
            """));

        Assert.That(node.Check(), Is.Empty);
    }

    [Test]
    public void Gaps_are_reported_with_an_example_when_there_is_no_default()
    {
        var node = Compile(_activity, Table("""
            [
              { "id": "r1", "when": { "difficulty": "1..2", "scope": "Grid" }, "outcome": "grid" },
              { "id": "r2", "when": { "difficulty": ">=3" }, "outcome": "county" }
            ]
            """));

        var problem = node.Check().Single();

        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.TableGap));
        Assert.That(problem.NodeIds, Is.EqualTo(new[] { "n1" }));
        Assert.That(problem.Message, Does.Contain(" / n1: no row covers 8 input combinations, e.g. difficulty = 1, scope = 'Village'"));
        Assert.That(problem.Message, Does.Contain("(and 5 more)"));
    }

    [Test]
    public void A_default_closes_every_gap()
    {
        var node = Compile(_activity, Table("""[{ "id": "r1", "when": { "difficulty": 1 }, "outcome": "grid" }]""", fallback: "township"));

        Assert.That(node.Check(), Is.Empty);
    }

    [Test]
    public void Overlapping_rows_that_decide_differently_are_reported_by_row_id_with_an_example()
    {
        var node = Compile(_activity, Table("""
            [
              { "id": "r1", "when": { "difficulty": "1..2" }, "outcome": "grid" },
              { "id": "r2", "when": { "difficulty": 2, "scope": "Township" }, "outcome": "township" },
              { "id": "r3", "when": { "difficulty": ">=3" }, "outcome": "county" },
              { "id": "r4", "when": { "difficulty": 4, "scope": "County" }, "outcome": "county" }
            ]
            """));

        var problems = node.Check().ToList();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Code, Is.EqualTo(ProblemCodes.TableOverlap));
        Assert.That(problems[0].Message, Does.EndWith(
            " / n1: rows 'r1' and 'r2' both match difficulty = 2, scope = 'Township' but decide differently ('r1' → grid, 'r2' → township); the first row wins."));
    }

    [Test]
    public void Overlapping_rows_with_the_same_outcome_but_different_outputs_are_reported()
    {
        var node = Compile(_activity, Table("""
            [
              { "id": "r1", "when": { "difficulty": ">=3" }, "outcome": "county", "outputs": { "timeLimitHours": 24 } },
              { "id": "r2", "when": { "difficulty": 4 }, "outcome": "county", "outputs": { "timeLimitHours": 48 } }
            ]
            """, """["difficulty"]""", "township"));

        var problem = node.Check().Single();

        Assert.That(problem.Code, Is.EqualTo(ProblemCodes.TableOverlap));
        Assert.That(problem.Message, Does.Contain("'r1' → county (timeLimitHours = 24), 'r2' → county (timeLimitHours = 48)"));
    }

    [Test]
    public void Channel_has_its_fixed_domain()
    {
        var node = Compile(_activity, Table(
            """[{ "id": "r1", "when": { "channel": ["GridPatrol", "Hotline12345", "Video", "Public", "Department"] }, "outcome": "a" }]""",
            """["channel"]"""));

        Assert.That(node.Check().Single().Message, Does.Contain("no row covers 1 input combination, e.g. channel = 'Superior'"));
    }

    [Test]
    public void Other_text_inputs_take_the_named_values_and_one_other_value()
    {
        var node = Compile(_activity, Table(
            """[{ "id": "r1", "when": { "category": "HB" }, "outcome": "a" }, { "id": "r2", "when": { "category": "SC" }, "outcome": "b" }]""",
            """["category"]"""));

        Assert.That(node.Check().Single().Message, Does.Contain("no row covers 1 input combination, e.g. category = (any other value)"));
    }

    [TestCase("\">=3\"", "\"<3\"", "")]
    [TestCase("\">3\"", "\"<3\"", "timeLimitHours = 3")]
    [TestCase("\"1..10\"", "\">=10\"", "timeLimitHours = 0")]
    [TestCase("\"<=0\"", "\">=1\"", "")]
    public void Whole_number_variables_are_checked_at_and_around_every_bound(string first, string second, string gap)
    {
        var node = Compile(_activity, Table(
            $$"""[{ "id": "r1", "when": { "timeLimitHours": {{first}} }, "outcome": "a" }, { "id": "r2", "when": { "timeLimitHours": {{second}} }, "outcome": "a" }]""",
            """["timeLimitHours"]"""));

        var gaps = node.Check().Where(p => p.Code == ProblemCodes.TableGap).Select(p => p.Message).ToList();

        Assert.That(gaps, gap.Length == 0 ? Is.Empty : Has.One.Contains(gap));
    }

    [Test]
    public void Number_variables_are_checked_between_close_bounds()
    {
        var node = Compile(_activity, Table(
            """[{ "id": "r1", "when": { "score": "<=1.5" }, "outcome": "a" }, { "id": "r2", "when": { "score": ">=1.6" }, "outcome": "a" }]""",
            """["score"]"""));

        Assert.That(node.Check().Single().Message, Does.Contain("score = 1.55"));
    }

    [Test]
    public void Bool_variables_take_both_values()
    {
        var node = Compile(_activity, Table("""[{ "id": "r1", "when": { "urgent": true }, "outcome": "a" }]""", """["urgent"]"""));

        Assert.That(node.Check().Single().Message, Does.Contain("urgent = false"));
    }
}
