using System.Text.Json;
using GridCase.Domain;
using GridCase.Persistence;
using GridCase.Persistence.Administration;

namespace GridCase.Api.Administration;

/// <summary>
/// Records a change to administered data with its actor, in the same unit of work as the change itself (the caller's
/// <c>SaveChangesAsync</c> writes both or neither), and raises the reference-data version the change touches so every
/// node reloads it.
/// </summary>
public sealed class AdminLog(GridCaseDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="kind">What happened, e.g. <c>UnitCreated</c> (see <see cref="AdminChangeKinds"/>).</param>
    /// <param name="subject">What it happened to: a unit code, a user name, a batch id, a year.</param>
    /// <param name="area">The unit code the change falls under (scopes who may read it).</param>
    /// <param name="data">Details (old and new values); never a password or its hash.</param>
    public void Record(Actor actor, string kind, string subject, string area, object? data = null) =>
        db.AdminChanges.Add(new AdminChangeRow
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            ActorRole = actor.Role?.ToString() ?? "",
            ActorUnit = actor.Unit?.Value ?? "",
            Kind = kind,
            Subject = subject,
            Area = area,
            Data = JsonSerializer.Serialize(data ?? new { }, Json),
        });

    /// <summary>Raises the version of a kind of reference data (<see cref="ReferenceVersionRow.Organisation"/>, ...).</summary>
    public async Task TouchAsync(string referenceKind, CancellationToken cancellationToken)
    {
        var row = await db.ReferenceVersions.FindAsync([referenceKind], cancellationToken);
        if (row is null)
        {
            db.ReferenceVersions.Add(new ReferenceVersionRow { Name = referenceKind, Version = 1 });
        }
        else
        {
            row.Version++;
        }
    }
}

/// <summary>The kinds of administrative change, as recorded and shown to auditors.</summary>
public static class AdminChangeKinds
{
    public const string AdministratorBootstrapped = "AdministratorBootstrapped";
    public const string UnitCreated = "UnitCreated";
    public const string UnitRenamed = "UnitRenamed";
    public const string UnitDescribed = "UnitDescribed";
    public const string UnitRetired = "UnitRetired";
    public const string UnitsImported = "UnitsImported";
    public const string UserCreated = "UserCreated";
    public const string UserChanged = "UserChanged";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string UserPasswordReset = "UserPasswordReset";
    public const string UserPasswordChanged = "UserPasswordChanged";
    public const string UsersImported = "UsersImported";
    public const string CatalogueBatchProposed = "CatalogueBatchProposed";
    public const string CatalogueBatchApproved = "CatalogueBatchApproved";
    public const string CatalogueBatchRejected = "CatalogueBatchRejected";
    public const string CatalogueItemWithdrawn = "CatalogueItemWithdrawn";
    public const string CalendarUploaded = "CalendarUploaded";
}
