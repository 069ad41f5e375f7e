using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Decisions;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Decisions;

public sealed class SetVariableTests
{
    private readonly SetVariableActivity _activity = new();

    [TestCase("""{"value":3}""", ProblemCodes.MissingProperty, "'name' is required")]
    [TestCase("""{"name":"level","value":3}""", ProblemCodes.UnknownVariable, "'level' is not a declared variable")]
    [TestCase("""{"name":"difficulty"}""", ProblemCodes.MissingProperty, "either a value or an expression")]
    [TestCase("""{"name":"difficulty","value":3,"expression":"1"}""", ProblemCodes.InvalidProperty, "either a value or an expression")]
    [TestCase("""{"name":"difficulty","value":"three"}""", ProblemCodes.InvalidProperty, "is not an int")]
    [TestCase("""{"name":"difficulty","value":2.5}""", ProblemCodes.InvalidProperty, "is not an int")]
    [TestCase("""{"name":"urgent","value":{"a":1}}""", ProblemCodes.InvalidProperty, "is not a bool")]
    [TestCase("""{"name":"scope","expression":"difficulty + 1"}""", ProblemCodes.BadCondition, "gives an int but variable 'scope' is string")]
    [TestCase("""{"name":"difficulty","expression":"difficulty / 2"}""", ProblemCodes.BadCondition, "gives a number but variable 'difficulty' is int")]
    [TestCase("""{"name":"difficulty","expression":"difficulty +"}""", ProblemCodes.BadCondition, "ends too early")]
    [TestCase("""{"name":"difficulty","expression":"level + 1"}""", ProblemCodes.BadCondition, "unknown name 'level'")]
    [TestCase("""{"name":"difficulty","value":1,"note":"x"}""", ProblemCodes.InvalidProperty, "unknown property 'note'")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)),
            () => string.Join(Environment.NewLine, problems.Select(p => $"{p.Code} {p.Message}")));
    }

    [TestCase("""{"name":"difficulty","value":3}""", 3L)]
    [TestCase("""{"name":"difficulty","value":3.0}""", 3L)]
    [TestCase("""{"name":"score","value":3}""", 3.0)]
    [TestCase("""{"name":"scope","value":"County"}""", "County")]
    [TestCase("""{"name":"urgent","value":true}""", true)]
    [TestCase("""{"name":"scope","value":null}""", null)]
    [TestCase("""{"name":"difficulty","expression":"difficulty + 1"}""", 3L)]
    [TestCase("""{"name":"score","expression":"difficulty * 1.5"}""", 3.0)]
    [TestCase("""{"name":"score","expression":"difficulty"}""", 2.0)]
    [TestCase("""{"name":"urgent","expression":"difficulty >= 2"}""", true)]
    [TestCase("""{"name":"targetLevel","expression":"'T-' + scope"}""", "T-Township")]
    [TestCase("""{"name":"timeLimitHours","expression":"timeLimitHours + 1"}""", null)]
    public void Setting_a_variable_is_an_effect_and_continues(string props, object? expected)
    {
        var node = Compile(_activity, props);

        var result = Continued(node.Execute(Context(Values(("difficulty", 2L), ("scope", "Township")))));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        var effect = (SetVariable)result.Effects.Single();
        Assert.That(effect.Value, Is.EqualTo(expected));
        Assert.That(effect.Value?.GetType(), Is.EqualTo(expected?.GetType()));
    }

    [Test]
    public void The_expression_is_offered_to_the_validator()
    {
        Assert.That(Compile(_activity, """{"name":"difficulty","expression":" difficulty + 1 "}""").Conditions, Is.EqualTo(new[] { "difficulty + 1" }));
        Assert.That(Compile(_activity, """{"name":"difficulty","value":1}""").Conditions, Is.Empty);
    }
}
