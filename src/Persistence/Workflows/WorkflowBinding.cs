using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCase.Persistence.Workflows;

/// <summary>Which definition a township or county runs (一乡一策): one binding per unit.</summary>
public sealed class WorkflowBinding
{
    public required UnitCode Unit { get; init; }
    public required string DefinitionId { get; set; }
    public required string BoundBy { get; set; }
    public required DateTime BoundAt { get; set; }
}

internal sealed class WorkflowBindingConfiguration : IEntityTypeConfiguration<WorkflowBinding>
{
    public void Configure(EntityTypeBuilder<WorkflowBinding> builder)
    {
        builder.ToTable("workflow_bindings");
        builder.HasKey(b => b.Unit);
        builder.Property(b => b.DefinitionId).HasMaxLength(64);
        builder.Property(b => b.BoundBy).HasMaxLength(64);
    }
}

/// <summary>Finds the definition for a new case: the township's binding, else the county's, else the default.</summary>
public sealed class WorkflowBindings(GridCaseDb db)
{
    public const string DefaultDefinitionId = "event-handling";

    public async Task<string> ResolveAsync(IEnumerable<UnitCode> unitsNearestFirst, CancellationToken cancellationToken = default)
    {
        var candidates = unitsNearestFirst.ToList();
        var bindings = await db.Set<WorkflowBinding>().AsNoTracking().Where(b => candidates.Contains(b.Unit)).ToListAsync(cancellationToken);
        return candidates.Select(u => bindings.Find(b => b.Unit == u)?.DefinitionId).FirstOrDefault(d => d is not null) ?? DefaultDefinitionId;
    }

    public async Task BindAsync(UnitCode unit, string definitionId, string by, DateTime at, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<WorkflowBinding>().SingleOrDefaultAsync(b => b.Unit == unit, cancellationToken);
        if (existing is null)
        {
            db.Add(new WorkflowBinding { Unit = unit, DefinitionId = definitionId, BoundBy = by, BoundAt = at });
        }
        else
        {
            existing.DefinitionId = definitionId;
            existing.BoundBy = by;
            existing.BoundAt = at;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes the unit's own binding (it then runs its county's, or the default); false when it had none.</summary>
    public async Task<bool> UnbindAsync(UnitCode unit, CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowBinding>().Where(b => b.Unit == unit).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<WorkflowBinding>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<WorkflowBinding>().AsNoTracking().OrderBy(b => b.Unit).ToListAsync(cancellationToken);
}
