using System.Collections.ObjectModel;
using System.Globalization;
using GridCase.Domain.Catalogue;
using GridCase.Domain.Organisation;

namespace GridCase.Domain.Cases;

/// <summary>
/// A reported event (事件/案卷) from report to evaluation. The aggregate guards its own transitions: an illegal
/// one throws <see cref="InvalidTransitionException"/>, bad input <see cref="DomainRuleException"/>, and a
/// failed call leaves the case unchanged. Every accepted change appends one <see cref="CaseEvent"/> to
/// <see cref="PendingEvents"/>. The one refusal that leaves a trace is a push-down (see <see cref="TryRoute"/>):
/// the state stays as it was, but an <see cref="CaseEventKind.EscalationBlocked"/> event is pending.
/// </summary>
public sealed partial class Case
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int CatalogueItemCodeMaxLength = 64;
    public const int ReasonMaxLength = 1000;
    public const int ResolutionNoteMaxLength = 4000;

    private readonly List<CaseEvent> _pendingEvents = [];

    // For EF Core materialisation.
    private Case()
    {
    }

    public CaseId Id { get; private set; }
    public CaseNumber Number { get; private set; }
    public string CatalogueItemCode { get; private set; } = string.Empty;
    public UnitCode GridCode { get; private set; }
    public ReportChannel Channel { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Description { get; private set; } = string.Empty;
    public GeoLocation? Location { get; private set; }
    public ReporterContact? Reporter { get; private set; }
    public DateTime OccurredAt { get; private set; }
    public DateTime ReportedAt { get; private set; }
    public CaseStatus Status { get; private set; }
    public Difficulty? Difficulty { get; private set; }
    public CaseScope? Scope { get; private set; }
    public UnitCode ResponsibleUnit { get; private set; }

    /// <summary>The unit that last dispatched the case; a return sends it back there.</summary>
    public UnitCode? DispatchingUnit { get; private set; }

    /// <summary>The highest level the case has ever been routed to (a department at its own level); never goes down.</summary>
    public OrgLevel Floor { get; private set; }

    public int ReturnCount { get; private set; }
    public int ExtensionCount { get; private set; }

    /// <summary>The sum of the hours of all approved extensions.</summary>
    public int ExtraHours { get; private set; }

    public int ReworkCount { get; private set; }
    public ClosureCode? ClosureCode { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int? Satisfaction { get; private set; }
    public bool UnderSupervision { get; private set; }
    public UnitCode? SupervisedBy { get; private set; }
    public DateTime? ParkedAt { get; private set; }
    public string? ParkExplanation { get; private set; }
    public string? ResolutionNote { get; private set; }

    public IReadOnlyList<CaseEvent> PendingEvents => _pendingEvents.AsReadOnly();

    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>Returns the events recorded since the last call and forgets them.</summary>
    public IReadOnlyList<CaseEvent> DequeuePendingEvents()
    {
        var events = _pendingEvents.ToArray();
        _pendingEvents.Clear();
        return events;
    }

    /// <summary>
    /// Records a new case (信息收集). The grid is responsible at first and the floor is Grid. The number is
    /// allocated by persistence; <paramref name="occurredAt"/> may not lie after <paramref name="at"/>.
    /// </summary>
    public static Case Report(
        CaseId id,
        CaseNumber number,
        string catalogueItemCode,
        UnitCode gridCode,
        ReportChannel channel,
        string title,
        string? description,
        GeoLocation? location,
        ReporterContact? reporter,
        DateTimeOffset occurredAt,
        Actor actor,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (id.Value == Guid.Empty)
        {
            throw new DomainRuleException(CaseErrorCodes.Id, "A case needs an id.");
        }

        if (number.Value is null)
        {
            throw new DomainRuleException(CaseErrorCodes.Number, "A case needs a number.");
        }

        var itemCode = RequiredText(catalogueItemCode, CatalogueItemCodeMaxLength, CaseErrorCodes.CatalogueItem, "事项代码", "The catalogue item code");
        if (gridCode.Value is null || gridCode.AreaLevel != OrgLevel.Grid)
        {
            throw new DomainRuleException(CaseErrorCodes.GridCode, $"网格代码须为 15 位数字 / '{gridCode}' is not a grid code (15 digits).");
        }

        if (!Enum.IsDefined(channel))
        {
            throw new DomainRuleException(CaseErrorCodes.Channel, $"{channel} 不是上报渠道 / '{channel}' is not a report channel.");
        }

        var trimmedTitle = RequiredText(title, TitleMaxLength, CaseErrorCodes.Title, "标题", "A title");
        var trimmedDescription = description?.Trim() ?? string.Empty;
        if (trimmedDescription.Length > DescriptionMaxLength)
        {
            throw new DomainRuleException(CaseErrorCodes.Description, $"描述最多 {DescriptionMaxLength} 个字 / A description is at most {DescriptionMaxLength} characters.");
        }

        if (occurredAt > at)
        {
            throw new DomainRuleException(CaseErrorCodes.OccurredAt, "发生时间不能晚于上报时间 / An event cannot have occurred after it was reported.");
        }

        var @case = new Case
        {
            Id = id,
            Number = number,
            CatalogueItemCode = itemCode,
            GridCode = gridCode,
            Channel = channel,
            Title = trimmedTitle,
            Description = trimmedDescription,
            Location = location,
            Reporter = reporter,
            OccurredAt = occurredAt.UtcDateTime,
            ReportedAt = at.UtcDateTime,
            Status = CaseStatus.Reported,
            ResponsibleUnit = gridCode,
            Floor = OrgLevel.Grid,
        };

        // The reporter's contact stays on the case only; the event says whether there is one.
        @case.Record(
            CaseEventKind.Reported,
            actor,
            at,
            (CaseEventKeys.Number, number.Value),
            (CaseEventKeys.CatalogueItem, itemCode),
            (CaseEventKeys.Grid, gridCode.Value),
            (CaseEventKeys.Channel, channel.ToString()),
            (CaseEventKeys.Title, trimmedTitle),
            (CaseEventKeys.OccurredAt, Format(occurredAt.UtcDateTime)),
            (CaseEventKeys.HasLocation, Format(location is not null)),
            (CaseEventKeys.HasReporter, Format(reporter is not null)),
            (CaseEventKeys.ResponsibleUnit, gridCode.Value),
            (CaseEventKeys.Floor, OrgLevel.Grid.ToString()));
        return @case;
    }

    private void EnsureStatus(string action, params ReadOnlySpan<CaseStatus> allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidTransitionException(
                CaseErrorCodes.InvalidTransition,
                $"Cannot {action} case {Number}: it is {Status}.");
        }
    }

    private CaseEvent Record(CaseEventKind kind, Actor actor, DateTimeOffset at, params ReadOnlySpan<(string Key, string? Value)> data)
    {
        var values = new Dictionary<string, string>(data.Length, StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        var @event = new CaseEvent(Id, kind, actor, at.UtcDateTime, new ReadOnlyDictionary<string, string>(values));
        _pendingEvents.Add(@event);
        return @event;
    }

    private static string RequiredText(string? value, int maxLength, string code, string chinese, string english)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maxLength)
        {
            throw new DomainRuleException(code, $"{chinese}须为 1–{maxLength} 个字 / {english} is 1–{maxLength} characters.");
        }

        return trimmed;
    }

    private static string Reason(string? reason) =>
        RequiredText(reason, ReasonMaxLength, CaseErrorCodes.Reason, "理由", "A reason");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(bool value) => value ? "true" : "false";

    private static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);
}
