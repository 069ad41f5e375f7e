using System.Text.Json;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Activities.Tasks;
using GridCase.Workflows.Definitions;
using static GridCase.Workflows.Tests.Activities.ActivityHarness;

namespace GridCase.Workflows.Tests.Activities.Tasks;

public sealed class HumanTaskTests
{
    private const string Triage = """
        {
          "queue": { "level": "Township" }, "form": "triage",
          "fields": [
            { "name": "difficulty", "type": "int", "min": 1, "max": 4, "requiredFor": ["filed"] },
            { "name": "scope", "type": "string", "enum": ["Grid","Village","Township","County","CrossDepartment"], "requiredFor": ["filed"] },
            { "name": "reason", "type": "string", "maxLength": 500, "requiredFor": ["invalid"] }
          ],
          "outcomes": ["filed", "invalid"],
          "deadline": { "workingHours": 2, "warnAt": 0.8 }
        }
        """;

    private readonly HumanTaskActivity _activity = new();

    private static string WithQueue(string queue) => $$"""{"queue":{{queue}},"form":"handle","outcomes":["done"]}""";

    private static string WithDeadline(string deadline) => $$"""{"queue":{"level":"Township"},"form":"handle","outcomes":["done"],"deadline":{{deadline}}}""";

    private static string WithFields(string fields) => $$"""{"queue":{"level":"Township"},"form":"triage","outcomes":["filed","invalid"],"fields":{{fields}}}""";

    [TestCase("{}", ProblemCodes.MissingProperty, "queue")]
    [TestCase("""{"queue":{"level":"Township"},"outcomes":["done"]}""", ProblemCodes.MissingProperty, "'form'")]
    [TestCase("""{"queue":{"level":"Township"},"form":"f"}""", ProblemCodes.MissingProperty, "'outcomes'")]
    [TestCase("""{"queue":{"level":"Township"},"form":"f","outcomes":[]}""", ProblemCodes.InvalidProperty, "at least one outcome")]
    [TestCase("""{"queue":{"level":"Township"},"form":"f","outcomes":["a","a"]}""", ProblemCodes.InvalidProperty, "repeats")]
    [TestCase("""{"queue":{"level":"Township"},"form":"f","outcomes":["done","overdue"]}""", ProblemCodes.InvalidProperty, "'overdue' is the deadline's port")]
    [TestCase("""{"queue":{"level":"Township"},"form":"f","outcomes":["done"],"deadLine":{"workingHours":2}}""", ProblemCodes.InvalidProperty, "unknown property 'deadLine'")]
    [TestCase("""{"queue":{"level":"Township"},"form":"","outcomes":["done"]}""", ProblemCodes.InvalidProperty, "'form' must be a non-empty string")]
    [TestCase("""[1,2]""", ProblemCodes.InvalidProperty, "props must be an object")]
    public void Missing_or_invalid_props_are_problems_naming_the_node(string props, string code, string fragment)
    {
        var problems = Problems(_activity, props);

        Assert.That(problems, Has.Some.Matches<DefinitionProblem>(p => p.Code == code && p.Message.Contains(fragment)),
            () => string.Join(Environment.NewLine, problems.Select(p => $"{p.Code} {p.Message}")));
    }

    [TestCase("\"Township\"", "'queue' must be an object")]
    [TestCase("{}", "exactly one of level, owningDepartment, unit, responsible, dispatching")]
    [TestCase("""{"level":"Province"}""", "level must be one of Grid, Village, Township, County, City")]
    [TestCase("""{"level":"2"}""", "level must be one of")]
    [TestCase("""{"level":"township"}""", "level must be one of")]
    [TestCase("""{"level":"Township","unit":"140521GA"}""", "exactly one of")]
    [TestCase("""{"unit":"14052"}""", "unit must be a unit code")]
    [TestCase("""{"unit":"140521ga"}""", "unit must be a unit code")]
    [TestCase("""{"owningDepartment":false}""", "owningDepartment must be true")]
    [TestCase("""{"responsible":"yes"}""", "responsible must be true")]
    [TestCase("""{"floor":"Township"}""", "unknown property 'floor'")]
    public void Invalid_queues_are_problems(string queue, string fragment)
    {
        var problems = Problems(_activity, WithQueue(queue));

        Assert.That(problems.Select(p => p.Message), Has.Some.Contains(fragment));
    }

    [TestCase("{}", "exactly one of workingHours, duration or fromCatalogue")]
    [TestCase("""{"workingHours":2,"duration":"PT1H"}""", "exactly one of")]
    [TestCase("""{"workingHours":0}""", "above zero")]
    [TestCase("""{"workingHours":-1}""", "above zero")]
    [TestCase("""{"workingHours":20000}""", "at most 10000")]
    [TestCase("""{"workingHours":"2"}""", "above zero")]
    [TestCase("""{"duration":"P1M"}""", "ISO-8601 duration")]
    [TestCase("""{"duration":"P1Y"}""", "ISO-8601 duration")]
    [TestCase("""{"duration":"5 minutes"}""", "ISO-8601 duration")]
    [TestCase("""{"duration":"PT0S"}""", "longer than zero")]
    [TestCase("""{"duration":"-PT5S"}""", "ISO-8601 duration")]
    [TestCase("""{"workingHours":2,"warnAt":1}""", "warnAt must be a fraction")]
    [TestCase("""{"workingHours":2,"warnAt":0}""", "warnAt must be a fraction")]
    [TestCase("""{"fromCatalogue":false}""", "fromCatalogue must be true")]
    [TestCase("""{"workingHours":2,"warn":0.5}""", "unknown property 'warn'")]
    [TestCase("\"PT5S\"", "'deadline' must be an object")]
    public void Invalid_deadlines_are_problems(string deadline, string fragment)
    {
        var problems = Problems(_activity, WithDeadline(deadline));

        Assert.That(problems.Select(p => p.Message), Has.Some.Contains(fragment));
    }

    [TestCase("""[{"type":"int"}]""", "needs a name")]
    [TestCase("""[{"name":"x"}]""", "needs a type")]
    [TestCase("""[{"name":"x","type":"date"}]""", "needs a type: int, number, string, bool, unit or units")]
    [TestCase("""[{"name":"x","type":"string","min":1}]""", "min applies to int and number fields only")]
    [TestCase("""[{"name":"x","type":"int","min":5,"max":1}]""", "min must not be above max")]
    [TestCase("""[{"name":"x","type":"int","maxLength":5}]""", "maxLength is a whole number above zero, for string fields only")]
    [TestCase("""[{"name":"x","type":"string","maxLength":0}]""", "maxLength is a whole number above zero")]
    [TestCase("""[{"name":"x","type":"int","enum":["1"]}]""", "enum is a list of distinct non-empty strings, for string fields only")]
    [TestCase("""[{"name":"x","type":"string","enum":[]}]""", "enum is a list")]
    [TestCase("""[{"name":"x","type":"string","requiredFor":["closed"]}]""", "requiredFor names 'closed', which is not one of the outcomes")]
    [TestCase("""[{"name":"x","type":"string","required":true,"requiredFor":["filed"]}]""", "either required")]
    [TestCase("""[{"name":"x","type":"string","required":"yes"}]""", "required must be true or false")]
    [TestCase("""[{"name":"x","type":"string"},{"name":"x","type":"int"}]""", "declared twice")]
    [TestCase("""[{"name":"x","type":"string","requird":true}]""", "unknown property 'requird'")]
    [TestCase("""[{"name":"difficulty","type":"string"}]""", "field 'difficulty' is string but variable 'difficulty' is int")]
    [TestCase("""[{"name":"score","type":"bool"}]""", "variable 'score' is number")]
    [TestCase("""["difficulty"]""", "fields[0] must be an object")]
    [TestCase("""{"difficulty":"int"}""", "'fields' must be an array")]
    public void Invalid_fields_are_problems(string fields, string fragment)
    {
        var problems = Problems(_activity, WithFields(fields));

        Assert.That(problems.Select(p => p.Message), Has.Some.Contains(fragment));
    }

    [Test]
    public void The_triage_task_compiles_with_warning_and_overdue_ports()
    {
        var node = Compile(_activity, Triage);

        Assert.That(node.Outcomes, Is.EqualTo(new[] { "filed", "invalid", "warning", "overdue" }));
        Assert.That(node.Reach, Is.EqualTo(RoutingReach.None));
    }

    [Test]
    public void A_task_without_a_deadline_has_only_its_outcomes()
    {
        Assert.That(Compile(_activity, WithQueue("""{"level":"Township"}""")).Outcomes, Is.EqualTo(new[] { "done" }));
    }

    [TestCase("""{"level":"Grid"}""", true)]
    [TestCase("""{"unit":"140521100001001"}""", true)]
    [TestCase("""{"level":"Village"}""", false)]
    [TestCase("""{"level":"Township"}""", false)]
    [TestCase("""{"unit":"140521100001"}""", false)]
    [TestCase("""{"owningDepartment":true}""", false)]
    [TestCase("""{"responsible":true}""", false)]
    [TestCase("""{"dispatching":true}""", false)]
    public void A_task_assigns_to_grid_level_only_with_a_grid_queue(string queue, bool assignsToGrid)
    {
        var reach = Compile(_activity, WithQueue(queue)).Reach;

        Assert.That(reach, Is.EqualTo(new RoutingReach(RaisesFloor: false, AssignsToGrid: assignsToGrid)));
    }

    // Responsible: the village; dispatched by the county (unless "none").
    [TestCase("""{"level":"Grid"}""", "grid", "county")]
    [TestCase("""{"level":"Village"}""", "village", "county")]
    [TestCase("""{"level":"Township"}""", "township", "county")]
    [TestCase("""{"level":"County"}""", "county", "county")]
    [TestCase("""{"level":"City"}""", "city", "county")]
    [TestCase("""{"owningDepartment":true}""", "countyDepartment", "county")]
    [TestCase("""{"unit":"140521100AJ"}""", "station", "county")]
    [TestCase("""{"responsible":true}""", "village", "county")]
    [TestCase("""{"dispatching":true}""", "county", "county")]
    [TestCase("""{"dispatching":true}""", "township", "none")]
    public void The_queue_resolves_to_a_unit_of_the_organisation(string queue, string expected, string dispatching)
    {
        var node = Compile(_activity, WithQueue(queue));
        var context = Context(
            responsible: ActivityTestOrg.Village,
            dispatching: dispatching == "none" ? null : ActivityTestOrg.Code(dispatching));

        var wait = Waiting<TaskWait>(node.Execute(context));

        Assert.That(wait.Queue, Is.EqualTo(ActivityTestOrg.Code(expected)));
        Assert.That(wait.Form, Is.EqualTo("handle"));
        Assert.That(wait.Outcomes, Is.EqualTo(new[] { "done" }));
        Assert.That(wait.Deadline, Is.Null);
    }

    [TestCase("""{"unit":"140521ZZ"}""", "140521100001001", "unit 140521ZZ is not in the organisation")]
    [TestCase("""{"level":"Township"}""", "140521200001001", "no Township area containing grid 140521200001001")]
    [TestCase("""{"dispatching":true}""", "140521200001001", "no dispatching unit and no township")]
    public void A_queue_that_names_no_known_unit_faults(string queue, string grid, string message)
    {
        var node = Compile(_activity, WithQueue(queue));

        var result = node.Execute(Context(grid: UnitCode.Parse(grid)));

        Assert.That(result, Is.TypeOf<ActivityResult.Faulted>());
        Assert.That(((ActivityResult.Faulted)result).Message, Does.StartWith("n1: ").And.Contains(message));
    }

    [Test]
    public void A_working_hours_deadline_skips_the_national_day_holiday()
    {
        // 16:00 on 30 September leaves 1.5 working hours; 1 to 7 October are holidays.
        var node = Compile(_activity, WithDeadline("""{"workingHours":3}"""));

        var wait = Waiting<TaskWait>(node.Execute(Context(now: At("2026-09-30T16:00:00+08:00"))));

        Assert.That(wait.Deadline!.DueAt, Is.EqualTo(At("2026-10-08T10:00:00+08:00")));
        Assert.That(wait.Deadline.WarnAt, Is.EqualTo(At("2026-10-08T09:24:00+08:00")));
    }

    [Test]
    public void A_calendar_duration_deadline_counts_every_second()
    {
        var node = Compile(_activity, WithDeadline("""{"duration":"PT5S","warnAt":0.5}"""));
        var now = At("2026-10-01T23:59:58+08:00");

        var wait = Waiting<TaskWait>(node.Execute(Context(now: now)));

        Assert.That(wait.Deadline, Is.EqualTo(new TaskDeadline(now.AddSeconds(2.5), now.AddSeconds(5))));
    }

    [TestCase(1L, 4)]
    [TestCase(3L, 24)]
    [TestCase(4, 48)]
    [TestCase(2.0, 8)]
    [TestCase(null, 8)]
    [TestCase(7L, 8)]
    [TestCase("3", 8)]
    public void A_catalogue_deadline_takes_the_time_limit_for_the_current_difficulty(object? difficulty, int hours)
    {
        var node = Compile(_activity, WithDeadline("""{"fromCatalogue":true}"""));
        var context = Context(variables: Values(("difficulty", difficulty)));

        var wait = Waiting<TaskWait>(node.Execute(context));

        Assert.That(wait.Deadline!.DueAt, Is.EqualTo(context.Calendar.AddWorkingHours(Tuesday, hours)));
        Assert.That(wait.Deadline.WarnAt, Is.EqualTo(context.Calendar.AddWorkingHours(Tuesday, hours * 0.8)));
    }

    [Test]
    public void A_catalogue_deadline_for_a_difficulty_of_24_hours_ends_on_friday_noon()
    {
        var node = Compile(_activity, WithDeadline("""{"fromCatalogue":true}"""));

        var wait = Waiting<TaskWait>(node.Execute(Context(variables: Values(("difficulty", 3L)))));

        // Tuesday 09:00: 6.5 h, Wednesday 7 h, Thursday 7 h, Friday 3.5 h.
        Assert.That(wait.Deadline!.DueAt, Is.EqualTo(At("2026-03-13T12:00:00+08:00")));
    }

    private static Dictionary<string, object?> Data(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    [TestCase("filed", """{"difficulty":3,"scope":"County"}""", "")]
    [TestCase("filed", """{"difficulty":3.0,"scope":"  County  "}""", "")]
    [TestCase("filed", """{"difficulty":3,"scope":"County","reason":""}""", "")]
    [TestCase("filed", """{"difficulty":2.5,"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":0,"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":5,"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":"3","scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":true,"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":null,"scope":"County"}""", "difficulty")]
    [TestCase("filed", """{"difficulty":3,"scope":"Province"}""", "scope")]
    [TestCase("filed", """{"difficulty":3,"scope":"county"}""", "scope")]
    [TestCase("filed", """{"difficulty":3,"scope":"   "}""", "scope")]
    [TestCase("filed", """{"difficulty":3,"scope":3}""", "scope")]
    [TestCase("filed", """{}""", "difficulty,scope")]
    [TestCase("filed", """{"difficulty":3,"scope":"County","colour":"red"}""", "colour")]
    [TestCase("invalid", """{"reason":"重复上报"}""", "")]
    [TestCase("invalid", """{}""", "reason")]
    [TestCase("invalid", """{"reason":"   "}""", "reason")]
    [TestCase("invalid", """{"reason":"x","difficulty":9}""", "difficulty")]
    [TestCase("invalid", """{"reason":["x"]}""", "reason")]
    [TestCase("closed", """{}""", "outcome")]
    [TestCase("overdue", """{}""", "outcome")]
    public void Completing_checks_the_outcome_and_the_form(string outcome, string data, string rejected)
    {
        var node = Compile(_activity, Triage);

        var result = node.Complete(Context(), outcome, Data(data));

        if (rejected.Length == 0)
        {
            Assert.That(Continued(result).Outcomes, Is.EqualTo(new[] { outcome }));
        }
        else
        {
            Assert.That(result, Is.TypeOf<ActivityResult.Rejected>());
            Assert.That(((ActivityResult.Rejected)result).Errors.Keys, Is.EquivalentTo(rejected.Split(',')));
        }
    }

    [Test]
    public void A_reason_longer_than_its_limit_is_rejected_counting_characters_not_bytes()
    {
        var node = Compile(_activity, Triage);

        var atLimit = node.Complete(Context(), "invalid", Values(("reason", new string('重', 500))));
        var overLimit = node.Complete(Context(), "invalid", Values(("reason", new string('重', 501))));

        Assert.That(atLimit, Is.TypeOf<ActivityResult.Continue>());
        Assert.That(((ActivityResult.Rejected)overLimit).Errors["reason"], Has.One.Contains("at most 500 characters"));
    }

    [Test]
    public void Completing_sets_declared_variables_from_the_form_and_records_no_rule()
    {
        var node = Compile(_activity, Triage);

        var result = Continued(node.Complete(Context(), "filed", Values(("difficulty", 3), ("scope", " County "))));

        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new SetVariable("difficulty", 3L), new SetVariable("scope", "County") }));
        Assert.That(result.Rule, Is.Null);
    }

    [Test]
    public void Fields_that_are_not_declared_variables_are_checked_but_not_stored()
    {
        var node = Compile(_activity, Triage);

        var result = Continued(node.Complete(Context(), "invalid", Values(("reason", "重复上报"))));

        Assert.That(result.Effects, Is.Empty);
    }

    [TestCase("int", 3L, 3.0)]
    [TestCase("number", 2.5, 2.5)]
    [TestCase("number", 2L, 2.0)]
    public void A_number_variable_is_stored_as_a_double(string fieldType, object submitted, double stored)
    {
        var node = Compile(_activity, WithFields($$"""[{"name":"score","type":"{{fieldType}}","required":true}]"""));

        var result = Continued(node.Complete(Context(), "filed", Values(("score", submitted))));

        Assert.That(result.Effects, Is.EqualTo(new ActivityEffect[] { new SetVariable("score", stored) }));
    }

    [TestCase(true, "")]
    [TestCase(false, "")]
    [TestCase("true", "urgent")]
    [TestCase(1L, "urgent")]
    public void A_bool_field_takes_only_true_or_false(object submitted, string rejected)
    {
        var node = Compile(_activity, WithFields("""[{"name":"urgent","type":"bool","required":true}]"""));

        var result = node.Complete(Context(), "invalid", Values(("urgent", submitted)));

        Assert.That(result is ActivityResult.Rejected r ? string.Join(",", r.Errors.Keys) : "", Is.EqualTo(rejected));
    }

    [Test]
    public void A_field_required_for_every_outcome_is_required_for_each()
    {
        var node = Compile(_activity, WithFields("""[{"name":"note","type":"string","required":true}]"""));

        Assert.That(node.Complete(Context(), "filed", Values()), Is.TypeOf<ActivityResult.Rejected>());
        Assert.That(node.Complete(Context(), "invalid", Values()), Is.TypeOf<ActivityResult.Rejected>());
        Assert.That(node.Complete(Context(), "invalid", Values(("note", "ok"))), Is.TypeOf<ActivityResult.Continue>());
    }

    [Test]
    public void A_task_without_fields_refuses_any_data()
    {
        var node = Compile(_activity, WithQueue("""{"level":"Township"}"""));

        Assert.That(node.Complete(Context(), "done", Values()), Is.TypeOf<ActivityResult.Continue>());
        Assert.That(((ActivityResult.Rejected)node.Complete(Context(), "done", Values(("x", 1)))).Errors.Keys, Is.EqualTo(new[] { "x" }));
    }
}
