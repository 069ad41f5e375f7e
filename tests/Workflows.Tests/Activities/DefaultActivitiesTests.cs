using System.Text.Json;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities;

public sealed class DefaultActivitiesTests
{
    private static readonly string[] Categories = ["Flow", "Tasks", "Routing", "Decisions", "Timing", "Messaging"];

    // A valid props document for every type, run below against every responsible unit.
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["Start"] = "{}",
        ["End"] = """{"closureCode":"resolved"}""",
        ["Fork"] = """{"branches":["lead","assist"]}""",
        ["Join"] = """{"mode":"all"}""",
        ["HumanTask"] = """{"queue":{"dispatching":true},"form":"handle","outcomes":["done","return"],"deadline":{"fromCatalogue":true}}""",
        ["Route"] = """{"target":{"owningDepartment":true}}""",
        ["Escalate"] = "{}",
        ["Supervise"] = "{}",
        ["Decision"] = """{"conditions":[{"outcome":"hard","when":"difficulty >= 3"}],"default":"easy"}""",
        ["DecisionTable"] = """{"inputs":["difficulty"],"rows":[{"id":"r1","when":{"difficulty":"<=2"},"outcome":"easy"}],"default":"hard"}""",
        ["SetVariable"] = """{"name":"timeLimitHours","expression":"difficulty * 4"}""",
        ["Timer"] = """{"workingHours":4}""",
        ["Notify"] = """{"recipient":"hotline12345","message":"已办结"}""",
    };

    [Test]
    public void The_registry_holds_every_activity_of_the_library()
    {
        var registry = DefaultActivities.Create();

        Assert.That(registry.All.Select(a => a.Type), Is.EquivalentTo(Samples.Keys));
        Assert.That(registry.Find("HumanTask"), Is.Not.Null);
        Assert.That(registry.Find("Script"), Is.Null);
    }

    [Test]
    public void Every_descriptor_is_complete_for_the_palette()
    {
        foreach (var activity in DefaultActivities.Create().All)
        {
            var descriptor = activity.Descriptor;
            Assert.That(descriptor.Type, Is.EqualTo(activity.Type));
            Assert.That(descriptor.Title, Does.Match(@"\p{IsCJKUnifiedIdeographs}"), activity.Type);
            Assert.That(descriptor.TitleEn, Is.Not.Empty);
            Assert.That(Categories, Does.Contain(descriptor.Category));
            Assert.That(descriptor.Description, Is.Not.Empty.And.Not.Contains("\n"));
            Assert.That(descriptor.Outcomes.Count > 0 || descriptor.OutcomesFromProps is not null || activity.Type == "End", activity.Type);

            using var schema = JsonDocument.Parse(descriptor.PropertySchema);
            Assert.That(schema.RootElement.GetProperty("type").GetString(), Is.EqualTo("object"), activity.Type);
        }
    }

    [TestCase("HumanTask")]
    [TestCase("Route")]
    [TestCase("Escalate")]
    [TestCase("Supervise")]
    [TestCase("Decision")]
    [TestCase("DecisionTable")]
    [TestCase("SetVariable")]
    [TestCase("Timer")]
    [TestCase("Notify")]
    public void The_schemas_of_the_library_are_draft_2020_12_and_closed(string type)
    {
        using var schema = JsonDocument.Parse(DefaultActivities.Create().Find(type)!.Descriptor.PropertySchema);

        Assert.That(schema.RootElement.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        Assert.That(schema.RootElement.GetProperty("additionalProperties").GetBoolean(), Is.False);
    }

    [Test]
    public void The_schemas_name_every_property_the_sample_props_use()
    {
        foreach (var (type, props) in Samples)
        {
            using var schema = JsonDocument.Parse(DefaultActivities.Create().Find(type)!.Descriptor.PropertySchema);
            using var sample = JsonDocument.Parse(props);
            var declared = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

            Assert.That(sample.RootElement.EnumerateObject().Select(p => p.Name), Is.SubsetOf(declared), type);
        }
    }

    [TestCase("purpose")]
    [TestCase("forEach")]
    [TestCase("separateFrom")]
    [TestCase("claimFromAbove")]
    public void The_human_task_schema_offers_each_v2_prop_with_a_chinese_and_english_title(string prop)
    {
        using var schema = JsonDocument.Parse(DefaultActivities.Create().Find("HumanTask")!.Descriptor.PropertySchema);

        var title = schema.RootElement.GetProperty("properties").GetProperty(prop).GetProperty("title").GetString();

        Assert.That(title, Does.Match(@"^\p{IsCJKUnifiedIdeographs}.* [A-Z]"));
    }

    [Test]
    public void The_human_task_schema_offers_the_new_queue_field_and_deadline_options()
    {
        var text = DefaultActivities.Create().Find("HumanTask")!.Descriptor.PropertySchema;
        using var schema = JsonDocument.Parse(text);
        var properties = schema.RootElement.GetProperty("properties");

        Assert.That(properties.GetProperty("deadline").GetProperty("properties").TryGetProperty("overdueInterrupts", out _), Is.True);
        Assert.That(properties.GetProperty("queue").GetProperty("oneOf").EnumerateArray().Select(o => o.GetProperty("required")[0].GetString()),
            Is.SupersetOf(new[] { "item", "variable", "supervising" }));
        Assert.That(properties.GetProperty("fields").GetProperty("items").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
            Is.SupersetOf(new[] { "unit", "units" }));
    }

    [Test]
    public void Fixed_ports_of_a_descriptor_are_the_ports_of_the_compiled_node()
    {
        foreach (var activity in DefaultActivities.Create().All.Where(a => a.Descriptor.OutcomesFromProps is null))
        {
            var node = Compile(activity, Samples[activity.Type]);

            Assert.That(node.Outcomes, Is.EqualTo(activity.Descriptor.Outcomes), activity.Type);
        }
    }

    [TestCase("grid")]
    [TestCase("village")]
    [TestCase("township")]
    [TestCase("station")]
    [TestCase("county")]
    [TestCase("countyDepartment")]
    [TestCase("city")]
    [TestCase("cityDepartment")]
    [TestCase("140521999")]
    public void No_activity_throws_whoever_is_responsible(string responsible)
    {
        foreach (var activity in DefaultActivities.Create().All)
        {
            var node = Compile(activity, Samples[activity.Type]);
            foreach (var variables in new[] { Values(), Values(("difficulty", 9L)), Values(("difficulty", "x"), ("scope", 3)) })
            {
                var context = Context(variables, responsible: ActivityTestOrg.Code(responsible));

                Assert.That(() => node.Execute(context), Throws.Nothing, activity.Type);
                Assert.That(() => node.Complete(context, "done", new Dictionary<string, object?>()), Throws.Nothing, activity.Type);
            }
        }
    }

    [Test]
    public void A_grid_outside_the_organisation_faults_rather_than_throws()
    {
        var node = Compile(DefaultActivities.Create().Find("Route")!, """{"target":{"level":"Township"}}""");

        Assert.That(node.Execute(Context(grid: UnitCode.Parse("140599100001001"))), Is.TypeOf<ActivityResult.Faulted>());
    }
}
