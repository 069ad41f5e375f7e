using GridCase.Domain;
using GridCase.Domain.Cases;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;
using GridCase.Workflows.Journal;
using GridCase.Workflows.Runtime;

namespace GridCase.Api.Events;

/// <summary>
/// Applies what the workflow did in one step to the case file, through the case's own rules. The journal is
/// the record; the case is the summary people query and the aggregate that refuses what the domain forbids
/// (a refusal aborts the whole step: nothing half-written).
///
/// The mapping reads the forms of completed tasks — the vocabulary definitions share with the case:
/// <c>triage</c> (filed, invalid), <c>handling</c> (resolved, returned, parked), <c>extension</c> (approved),
/// <c>parked</c> (resume, close-parked), <c>verification</c> (confirmed, rework, reopen — an on-the-spot resolution found wanting), <c>evaluation</c> (evaluated);
/// and the engine's <c>Routed</c>, <c>Escalated</c>, <c>SupervisionFlagged</c>, <c>Relocated</c>, <c>Reclassified</c> and <c>Closed</c> entries.
/// </summary>
public sealed class CaseProjection(OrgDirectory org, IResponsibilityRules rules)
{
    public void Apply(Case subject, RunOutcome outcome)
    {
        var forms = outcome.Tasks.ToDictionary(t => t.TaskId, t => t.Form, StringComparer.Ordinal);
        var variables = outcome.State?.Variables;
        var returned = false;
        foreach (var entry in outcome.Entries)
        {
            var actor = JournalReplay.ToActor(entry.Actor);
            var at = new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc));
            var data = CanonicalJson.ReadObject(entry.DataJson);
            switch (entry.Kind)
            {
                case JournalKinds.TaskCompleted:
                    var form = forms.GetValueOrDefault((string)data["taskId"]!);
                    var fields = (IReadOnlyDictionary<string, object?>)data["data"]!;
                    returned |= Completed(subject, form, (string)data["outcome"]!, fields, variables, actor, at);
                    break;
                case JournalKinds.Routed or JournalKinds.Escalated:
                    var target = org.Find(UnitCode.Parse((string)data["to"]!))
                        ?? throw new DomainRuleException("case.unknown-unit", $"单位 {data["to"]} 不存在 / Unit {data["to"]} does not exist.");
                    var alreadyThere = target.Code == subject.ResponsibleUnit && (returned || subject.Status == CaseStatus.Dispatched);
                    if (subject.Status == CaseStatus.Reported || alreadyThere)
                    {
                        // Routed before triage (a custom flow), or back to the centre a return already went to, or
                        // to the unit already handling it: the journal has it; the case file has nothing to change.
                        break;
                    }

                    subject.TryRoute(target, rules, actor, at).ThrowIfRefused();
                    break;
                case JournalKinds.SupervisionFlagged:
                    var supervisor = UnitCode.Parse((string)data["supervisingUnit"]!);
                    if (subject.IsOpen && subject.SupervisedBy != supervisor)
                    {
                        subject.FlagSupervision(supervisor, actor, at);
                    }

                    break;
                case JournalKinds.Relocated:
                    var grid = org.Find(UnitCode.Parse((string)data["toGrid"]!))
                        ?? throw new DomainRuleException("case.unknown-unit", $"单位 {data["toGrid"]} 不存在 / Unit {data["toGrid"]} does not exist.");
                    var responsible = org.AreaAt(grid.Code, org.Find(subject.ResponsibleUnit)?.Level ?? OrgLevel.Grid)
                        ?? throw new DomainRuleException("case.unknown-unit", $"{grid.Code} 不在与 {subject.ResponsibleUnit} 同级的任何单位之下 / No unit at the level of {subject.ResponsibleUnit} contains {grid.Code}.");
                    subject.Relocate(grid, responsible, (string)data["reason"]!, rules, actor, at);
                    break;
                case JournalKinds.Reclassified:
                    subject.Reclassify((string)data["toItem"]!, (string)data["reason"]!, actor, at);
                    break;
                case JournalKinds.Closed when subject.Status != CaseStatus.Closed:
                    subject.Close(Enum.Parse<ClosureCode>((string)data["closureCode"]!, ignoreCase: true), actor, at);
                    break;
            }
        }

        // The workflow journal is the case's trace; the aggregate's own event list would only repeat it.
        subject.DequeuePendingEvents();
    }

    /// <summary>Applies a completed task; true when it was a return (the route back to the centre follows).</summary>
    private bool Completed(Case subject, string? form, string outcome, IReadOnlyDictionary<string, object?> fields, IReadOnlyDictionary<string, object?>? variables, Actor actor, DateTimeOffset at)
    {
        string Text(string name) => fields.GetValueOrDefault(name) as string ?? "";
        switch (form, outcome)
        {
            case ("triage", "filed"):
                subject.Triage((Difficulty)(long)fields["difficulty"]!, Enum.Parse<CaseScope>((string)fields["scope"]!), actor, at);
                break;
            case ("triage", "invalid"):
                var code = Text("closure") == "duplicate" ? ClosureCode.Duplicate : ClosureCode.Invalid;
                subject.MarkInvalid(code, Text("reason"), actor, at);
                break;
            case ("handling", "resolved"):
                subject.SubmitFeedback(Text("resolution"), actor, at);
                break;
            case ("handling", "returned") when subject.DispatchingUnit is { } dispatching && dispatching != subject.ResponsibleUnit:
                subject.TryReturn(Text("reason"), rules, actor, at).ThrowIfRefused();
                return true;
            case ("handling", "parked"):
                subject.Park(Text("explanation"), actor, at);
                break;
            case ("extension", "approved"):
                var hours = variables?.GetValueOrDefault("hours") is long requested ? (int)requested : 0;
                if (hours > 0)
                {
                    subject.Extend(hours, actor, at);
                }

                break;
            case ("parked", "resume"):
                subject.Resume(actor, at);
                break;
            case ("parked", "close-parked"):
                subject.Close(ClosureCode.Parked, actor, at);
                break;
            case ("verification", "confirmed"):
                subject.Close(ClosureCode.Resolved, actor, at);
                break;
            case ("verification", "reopen"):
                subject.ReopenOnSite(Text("opinion") is { Length: > 0 } reopened ? reopened : "即办核查未通过", actor, at);
                break;
            case ("verification", "rework"):
                subject.Rework(Text("opinion") is { Length: > 0 } why ? why : "核查未通过", actor, at);
                break;
            case ("evaluation", "evaluated") when fields.GetValueOrDefault("satisfaction") is long satisfaction:
                subject.Evaluate((int)satisfaction, actor, at);
                break;
        }

        return false;
    }
}
