using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Messaging;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Messaging;

public sealed class NotifyTests
{
    private readonly NotifyActivity _activity = new();

    [TestCase("""{"message":"已受理"}""", ProblemCodes.MissingProperty, "'recipient' is required")]
    [TestCase("""{"recipient":"reporter"}""", ProblemCodes.MissingProperty, "'message' is required")]
    [TestCase("""{"recipient":"mayor","message":"已受理"}""", ProblemCodes.InvalidProperty, "recipient must be one of")]
    [TestCase("""{"recipient":"unit:xyz","message":"已受理"}""", ProblemCodes.InvalidProperty, "recipient must be one of")]
    [TestCase("""{"recipient":"reporter","message":"请联系 13912345678"}""", ProblemCodes.InvalidProperty, "personal data")]
    [TestCase("""{"recipient":"reporter","message":"身份证 14052119900101123X"}""", ProblemCodes.InvalidProperty, "personal data")]
    [TestCase("""{"recipient":"reporter","message":"已受理","to":"x"}""", ProblemCodes.InvalidProperty, "unknown property 'to'")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)));
    }

    [Test]
    public void A_message_longer_than_500_characters_is_a_problem()
    {
        var props = $$"""{"recipient":"reporter","message":"{{new string('办', 501)}}"}""";

        Assert.That(Problems(_activity, props).Select(p => p.Message), Has.Some.Contains("at most 500 characters"));
    }

    [TestCase("reporter", "county", "reporter")]
    [TestCase("hotline12345", "county", "hotline12345")]
    [TestCase("responsible", "county", "unit:140521100001")]
    [TestCase("dispatching", "county", "unit:140521")]
    [TestCase("dispatching", "none", "unit:140521100")]
    [TestCase("unit:140521GA", "county", "unit:140521GA")]
    public void A_notification_is_recorded_for_the_recipient(string recipient, string dispatching, string recorded)
    {
        var node = Compile(_activity, $$"""{"recipient":"{{recipient}}","message":"您反映的问题已受理"}""");
        var context = Context(responsible: ActivityTestOrg.Village, dispatching: dispatching == "none" ? null : ActivityTestOrg.Code(dispatching));

        var result = Continued(node.Execute(context));

        Assert.That(result.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new Notify(recorded, "您反映的问题已受理") }));
    }

    [Test]
    public void An_unknown_unit_recipient_faults_at_run_time()
    {
        var node = Compile(_activity, """{"recipient":"unit:140521ZZ","message":"督办"}""");

        Assert.That(node.Execute(Context()), Is.EqualTo(ActivityResult.Fault("n1: unit 140521ZZ is not in the organisation.")));
    }
}
