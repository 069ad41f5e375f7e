using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Tests.Cases;

public sealed partial class CaseTests
{
    private TestOrg _org = null!;
    private CaseBuilder _cases = null!;

    [SetUp]
    public void SetUp()
    {
        _org = new TestOrg();
        _cases = new CaseBuilder(_org);
    }

    private Case Report(
        string title = "河道旁堆放垃圾",
        string? description = "描述",
        UnitCode? grid = null,
        DateTimeOffset? occurredAt = null,
        ReporterContact? reporter = null,
        ReportChannel channel = ReportChannel.Hotline12345,
        string catalogueItemCode = "QS-HB-001") =>
        Case.Report(
            CaseId.New(),
            CaseNumber.Parse("QS-2026-000001"),
            catalogueItemCode,
            grid ?? _org.Grid.Code,
            channel,
            title,
            description,
            null,
            reporter,
            occurredAt ?? CaseBuilder.Start.AddHours(-2),
            _org.GridMember,
            CaseBuilder.Start);

    [Test]
    public void Report_makes_the_grid_responsible_with_a_grid_floor()
    {
        var @case = Report();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Reported));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Grid.Code));
            Assert.That(@case.GridCode, Is.EqualTo(_org.Grid.Code));
            Assert.That(@case.Floor, Is.EqualTo(OrgLevel.Grid));
            Assert.That(@case.DispatchingUnit, Is.Null);
            Assert.That(@case.Difficulty, Is.Null);
            Assert.That(@case.Scope, Is.Null);
            Assert.That(@case.Channel, Is.EqualTo(ReportChannel.Hotline12345));
            Assert.That(@case.Number.Value, Is.EqualTo("QS-2026-000001"));
            Assert.That(@case.PendingEvents.Select(e => e.Kind), Is.EqualTo(new[] { CaseEventKind.Reported }));
        }
    }

    [Test]
    public void Report_stores_times_in_utc()
    {
        var @case = Report(occurredAt: new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.FromHours(8)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.ReportedAt, Is.EqualTo(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc)));
            Assert.That(@case.ReportedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(@case.OccurredAt, Is.EqualTo(new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc)));
            Assert.That(@case.OccurredAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(@case.PendingEvents[0].At.Kind, Is.EqualTo(DateTimeKind.Utc));
        }
    }

    [Test]
    public void Report_trims_the_title_and_accepts_no_description()
    {
        var @case = Report(title: "  河道旁堆放垃圾  ", description: null);

        Assert.That((@case.Title, @case.Description), Is.EqualTo(("河道旁堆放垃圾", string.Empty)));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Report_without_a_title_is_refused(string title) =>
        AssertRule(() => Report(title: title), CaseErrorCodes.Title);

    [Test]
    public void Report_with_a_title_of_200_characters_is_accepted() =>
        Assert.That(Report(title: new string('题', 200)).Title, Has.Length.EqualTo(200));

    [Test]
    public void Report_with_a_title_over_200_characters_is_refused() =>
        AssertRule(() => Report(title: new string('题', 201)), CaseErrorCodes.Title);

    [Test]
    public void Report_with_a_description_over_4000_characters_is_refused() =>
        AssertRule(() => Report(description: new string('述', 4001)), CaseErrorCodes.Description);

    [TestCase("140521100001")]
    [TestCase("140521100")]
    [TestCase("140521HB")]
    public void Report_for_a_unit_that_is_not_a_grid_is_refused(string code) =>
        AssertRule(() => Report(grid: UnitCode.Parse(code)), CaseErrorCodes.GridCode);

    [Test]
    public void Report_of_an_event_that_occurred_after_the_report_is_refused() =>
        AssertRule(() => Report(occurredAt: CaseBuilder.Start.AddSeconds(1)), CaseErrorCodes.OccurredAt);

    [Test]
    public void Report_of_an_event_that_occurred_at_the_moment_of_the_report_is_accepted() =>
        Assert.That(Report(occurredAt: CaseBuilder.Start).OccurredAt, Is.EqualTo(CaseBuilder.Start.UtcDateTime));

    [Test]
    public void Report_with_an_unknown_channel_is_refused() =>
        AssertRule(() => Report(channel: (ReportChannel)42), CaseErrorCodes.Channel);

    [Test]
    public void Report_without_a_catalogue_item_is_refused() =>
        AssertRule(() => Report(catalogueItemCode: " "), CaseErrorCodes.CatalogueItem);

    [Test]
    public void Report_with_an_empty_id_or_number_is_refused()
    {
        AssertRule(
            () => Case.Report(default, CaseNumber.Parse("QS-2026-000001"), "X", _org.Grid.Code, ReportChannel.Video, "t", null, null, null, CaseBuilder.Start, Actor.System, CaseBuilder.Start),
            CaseErrorCodes.Id);
        AssertRule(
            () => Case.Report(CaseId.New(), default, "X", _org.Grid.Code, ReportChannel.Video, "t", null, null, null, CaseBuilder.Start, Actor.System, CaseBuilder.Start),
            CaseErrorCodes.Number);
    }

    [Test]
    public void Case_ids_are_new_each_time()
    {
        var first = CaseId.New();
        var second = CaseId.New();

        Assert.That(first, Is.Not.EqualTo(second));
    }

    [Test]
    public void Triage_files_the_case_with_difficulty_and_scope()
    {
        var @case = _cases.Reported();

        @case.Triage(Difficulty.Complex, CaseScope.CrossDepartment, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Filed));
            Assert.That(@case.Difficulty, Is.EqualTo(Difficulty.Complex));
            Assert.That(@case.Scope, Is.EqualTo(CaseScope.CrossDepartment));
            Assert.That(@case.PendingEvents.Single().Data[CaseEventKeys.Difficulty], Is.EqualTo("3"));
        }
    }

    [Test]
    public void Triage_with_an_unknown_difficulty_is_refused_and_changes_nothing()
    {
        var @case = _cases.Reported();
        var before = CaseBuilder.Snapshot(@case);

        AssertRule(() => @case.Triage((Difficulty)9, CaseScope.Grid, _org.TownshipDispatcher, _cases.Next()), CaseErrorCodes.Difficulty);

        Assert.That(CaseBuilder.Snapshot(@case), Is.EqualTo(before));
        Assert.That(@case.PendingEvents, Is.Empty);
    }

    [TestCase(ClosureCode.Invalid)]
    [TestCase(ClosureCode.Duplicate)]
    public void Mark_invalid_closes_the_case_with_its_code(ClosureCode code)
    {
        var @case = _cases.Filed();
        var at = _cases.Next();

        @case.MarkInvalid(code, "与 QS-2026-000100 重复", _org.TownshipDispatcher, at);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Closed));
            Assert.That(@case.ClosureCode, Is.EqualTo(code));
            Assert.That(@case.ClosedAt, Is.EqualTo(at.UtcDateTime));
            Assert.That(@case.PendingEvents.Single().Data[CaseEventKeys.Reason], Is.EqualTo("与 QS-2026-000100 重复"));
        }
    }

    [TestCase(ClosureCode.Resolved)]
    [TestCase(ClosureCode.Parked)]
    public void Mark_invalid_with_a_resolving_code_is_refused(ClosureCode code) =>
        AssertRule(() => _cases.Reported().MarkInvalid(code, "无效", _org.TownshipDispatcher, _cases.Next()), CaseErrorCodes.ClosureCode);

    [Test]
    public void Mark_invalid_without_a_reason_is_refused() =>
        AssertRule(() => _cases.Reported().MarkInvalid(ClosureCode.Invalid, " ", _org.TownshipDispatcher, _cases.Next()), CaseErrorCodes.Reason);

    [Test]
    public void Extensions_are_counted_and_their_hours_summed()
    {
        var @case = _cases.Dispatched();

        @case.Extend(8, _org.TownshipDispatcher, _cases.Next());
        @case.Extend(720, _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.ExtensionCount, Is.EqualTo(2));
            Assert.That(@case.ExtraHours, Is.EqualTo(728));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Dispatched));
            Assert.That(@case.PendingEvents[1].Data[CaseEventKeys.ExtraHours], Is.EqualTo("728"));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(721)]
    public void Extension_hours_outside_1_to_720_are_refused(int hours)
    {
        var @case = _cases.Dispatched();

        AssertRule(() => @case.Extend(hours, _org.TownshipDispatcher, _cases.Next()), CaseErrorCodes.ExtensionHours);
        Assert.That((@case.ExtensionCount, @case.ExtraHours), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Park_stops_the_clock_with_an_explanation_and_resume_takes_it_up_again()
    {
        var @case = _cases.Dispatched();
        var parkedAt = _cases.Next();

        @case.Park("  需上级统筹资金  ", _org.VillageHandler, parkedAt);
        var whileParked = (@case.Status, @case.ParkedAt, @case.ParkExplanation);
        @case.Resume(_org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileParked, Is.EqualTo((CaseStatus.Parked, (DateTime?)parkedAt.UtcDateTime, "需上级统筹资金")));
            Assert.That((@case.Status, @case.ParkedAt, @case.ParkExplanation), Is.EqualTo((CaseStatus.Dispatched, (DateTime?)null, (string?)null)));
            Assert.That(@case.PendingEvents.Select(e => e.Kind), Is.EqualTo(new[] { CaseEventKind.Parked, CaseEventKind.Resumed }));
        }
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Park_without_an_explanation_is_refused(string explanation) =>
        AssertRule(() => _cases.Dispatched().Park(explanation, _org.VillageHandler, _cases.Next()), CaseErrorCodes.ParkExplanation);

    [Test]
    public void A_parked_case_closes_as_parked()
    {
        var @case = _cases.Parked();

        @case.Close(ClosureCode.Parked, _org.CountyDispatcher, _cases.Next());

        Assert.That((@case.Status, @case.ClosureCode), Is.EqualTo((CaseStatus.Closed, (ClosureCode?)ClosureCode.Parked)));
    }

    [Test]
    public void Feedback_awaits_verification_and_rework_sends_it_back_counted()
    {
        var @case = _cases.Dispatched();

        @case.SubmitFeedback("已清运", _org.VillageHandler, _cases.Next());
        var noted = (@case.Status, @case.ResolutionNote);
        @case.Rework("现场仍有垃圾", _org.TownshipDispatcher, _cases.Next());
        @case.SubmitFeedback("已全部清运", _org.VillageHandler, _cases.Next());
        @case.Rework("河道内仍有漂浮物", _org.TownshipDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(noted, Is.EqualTo((CaseStatus.AwaitingVerification, (string?)"已清运")));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Dispatched));
            Assert.That(@case.ReworkCount, Is.EqualTo(2));
            Assert.That(@case.ResolutionNote, Is.Null);
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Village.Code));
        }
    }

    [Test]
    public void Feedback_without_a_resolution_note_is_refused() =>
        AssertRule(() => _cases.Dispatched().SubmitFeedback(" ", _org.VillageHandler, _cases.Next()), CaseErrorCodes.ResolutionNote);

    [Test]
    public void Close_as_resolved_records_when()
    {
        var @case = _cases.AwaitingVerification();
        var at = _cases.Next();

        @case.Close(ClosureCode.Resolved, _org.TownshipDispatcher, at);

        Assert.That((@case.Status, @case.ClosureCode, @case.ClosedAt), Is.EqualTo((CaseStatus.Closed, (ClosureCode?)ClosureCode.Resolved, (DateTime?)at.UtcDateTime)));
    }

    [TestCase(ClosureCode.Invalid)]
    [TestCase(ClosureCode.Duplicate)]
    public void Close_as_invalid_or_duplicate_must_go_through_mark_invalid(ClosureCode code) =>
        AssertRule(() => _cases.AwaitingVerification().Close(code, _org.TownshipDispatcher, _cases.Next()), CaseErrorCodes.ClosureCode);

    [Test]
    public void Evaluation_is_recorded_once()
    {
        var @case = _cases.Closed();
        @case.Evaluate(4, Actor.System, _cases.Next());

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.Evaluate(5, Actor.System, _cases.Next()));

        Assert.That((ex.Code, @case.Satisfaction, @case.PendingEvents.Count), Is.EqualTo((CaseErrorCodes.AlreadyEvaluated, (int?)4, 1)));
    }

    [TestCase(CaseStatus.Reported)]
    [TestCase(CaseStatus.Dispatched)]
    [TestCase(CaseStatus.AwaitingVerification)]
    public void Evaluation_before_closure_is_refused(CaseStatus status)
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => _cases.InStatus(status).Evaluate(5, Actor.System, _cases.Next()));
        Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.InvalidTransition));
    }

    [Test]
    public void A_case_marked_invalid_can_still_be_evaluated()
    {
        var @case = _cases.Reported();
        @case.MarkInvalid(ClosureCode.Invalid, "非网格事项", _org.TownshipDispatcher, _cases.Next());

        @case.Evaluate(2, Actor.System, _cases.Next());

        Assert.That(@case.Satisfaction, Is.EqualTo(2));
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Satisfaction_outside_1_to_5_is_refused(int satisfaction)
    {
        var @case = _cases.Closed();

        AssertRule(() => @case.Evaluate(satisfaction, Actor.System, _cases.Next()), CaseErrorCodes.Satisfaction);
        Assert.That(@case.Satisfaction, Is.Null);
    }

    [Test]
    public void Supervision_flags_the_case_without_moving_it()
    {
        var @case = _cases.Dispatched();

        @case.FlagSupervision(_org.County.Code, _org.CountyDispatcher, _cases.Next());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.UnderSupervision, Is.True);
            Assert.That(@case.SupervisedBy, Is.EqualTo(_org.County.Code));
            Assert.That(@case.ResponsibleUnit, Is.EqualTo(_org.Village.Code));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Dispatched));
            Assert.That(@case.PendingEvents.Single().Kind, Is.EqualTo(CaseEventKind.SupervisionFlagged));
        }
    }

    [Test]
    public void Supervision_by_a_higher_unit_replaces_the_supervisor_and_a_repeat_is_refused()
    {
        var @case = _cases.Dispatched();
        @case.FlagSupervision(_org.Township.Code, _org.TownshipDispatcher, _cases.Next());
        @case.FlagSupervision(_org.City.Code, Actor.System, _cases.Next());

        var ex = Assert.Throws<InvalidTransitionException>(() => @case.FlagSupervision(_org.City.Code, Actor.System, _cases.Next()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Code, Is.EqualTo(CaseErrorCodes.AlreadySupervised));
            Assert.That(@case.SupervisedBy, Is.EqualTo(_org.City.Code));
            Assert.That(@case.PendingEvents[1].Data[CaseEventKeys.PreviousSupervisingUnit], Is.EqualTo(_org.Township.Code.Value));
        }
    }

    [Test]
    public void A_department_is_supervised_by_the_area_it_belongs_to_but_not_by_another_area_of_its_level()
    {
        var @case = _cases.Filed();
        @case.Route(_org.CountyDepartment, NoPushDownPolicy.Default, _org.TownshipDispatcher, _cases.Next());

        AssertRule(() => @case.FlagSupervision(UnitCode.Parse("140502"), Actor.System, _cases.Next()), CaseErrorCodes.SupervisionLevel);
        @case.FlagSupervision(_org.County.Code, Actor.System, _cases.Next());

        Assert.That(@case.SupervisedBy, Is.EqualTo(_org.County.Code));
    }

    [TestCase("140521100001")] // the village itself
    [TestCase("140521100001001")] // a grid below
    [TestCase("140521100002")] // another village, same level
    public void Supervision_from_a_unit_not_above_the_responsible_one_is_refused(string code)
    {
        var @case = _cases.Dispatched();

        AssertRule(() => @case.FlagSupervision(UnitCode.Parse(code), Actor.System, _cases.Next()), CaseErrorCodes.SupervisionLevel);
        Assert.That(@case.UnderSupervision, Is.False);
    }

    private static void AssertRule(Action action, string code)
    {
        var ex = Assert.Throws<DomainRuleException>(action);
        Assert.That(ex.Code, Is.EqualTo(code));
    }
}
