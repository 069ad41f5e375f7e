using GridCase.Domain.Cases;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Administration;
using GridCase.Persistence.Cases;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence;

/// <summary>
/// The one database of GridCase. Provider-specific subclasses exist only so that each provider has its
/// own migrations; the model is defined here once.
/// </summary>
public abstract class GridCaseDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<User> Users => Set<User>();
    public DbSet<CatalogueRow> Catalogues => Set<CatalogueRow>();
    public DbSet<CatalogueCategoryRow> CatalogueCategories => Set<CatalogueCategoryRow>();
    public DbSet<CatalogueItemRow> CatalogueItems => Set<CatalogueItemRow>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<WorkflowDefinitionVersionRow> WorkflowDefinitionVersions => Set<WorkflowDefinitionVersionRow>();
    public DbSet<WorkflowDraftRow> WorkflowDrafts => Set<WorkflowDraftRow>();
    public DbSet<WorkflowInstanceRow> WorkflowInstances => Set<WorkflowInstanceRow>();
    public DbSet<JournalEntryRow> JournalEntries => Set<JournalEntryRow>();
    public DbSet<WorkflowTaskRow> WorkflowTasks => Set<WorkflowTaskRow>();
    public DbSet<WorkflowTimerRow> WorkflowTimers => Set<WorkflowTimerRow>();
    public DbSet<CatalogueBatchRow> CatalogueBatches => Set<CatalogueBatchRow>();
    public DbSet<AdminChangeRow> AdminChanges => Set<AdminChangeRow>();
    public DbSet<HolidayScheduleRow> HolidaySchedules => Set<HolidayScheduleRow>();
    public DbSet<ReferenceVersionRow> ReferenceVersions => Set<ReferenceVersionRow>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefreshConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefreshConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefreshConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<Case>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified
                || entry.References.Any(r => r.TargetEntry is { State: EntityState.Added or EntityState.Modified or EntityState.Deleted }))
            {
                entry.Property<Guid>(CaseConfiguration.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
                if (entry.State == EntityState.Unchanged)
                {
                    entry.State = EntityState.Modified;
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<UnitCode>().HaveConversion<UnitCodeConverter>().HaveMaxLength(32);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GridCaseDb).Assembly);
}

public sealed class SqliteGridCaseDb(DbContextOptions<SqliteGridCaseDb> options) : GridCaseDb(options);

public sealed class PostgresGridCaseDb(DbContextOptions<PostgresGridCaseDb> options) : GridCaseDb(options);
