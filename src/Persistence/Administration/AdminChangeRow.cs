namespace GridCase.Persistence.Administration;

/// <summary>
/// One change to administered data — a unit, a user, a catalogue batch, a calendar — with who made it. Append-only;
/// auditors read it. <see cref="Area"/> is the unit code the change falls under, so the scoping rule that filters
/// cases filters these too.
/// </summary>
public sealed class AdminChangeRow
{
    public long Id { get; init; }
    public required DateTime At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorRole { get; init; }
    public required string ActorUnit { get; init; }

    /// <summary>What happened, e.g. <c>UnitCreated</c>, <c>UserDisabled</c>, <c>CatalogueBatchApproved</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What it happened to: a unit code, a user name, a batch id, a year.</summary>
    public required string Subject { get; init; }

    public required string Area { get; init; }

    /// <summary>The change's details as JSON (old and new values); never a password or its hash.</summary>
    public required string Data { get; init; }
}
