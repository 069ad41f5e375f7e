using GridCase.Persistence.Workflows;
using GridCase.Workflows.Ports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GridCase.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GridCaseDb"/> for the configured provider. Consumers depend on the base type;
    /// the provider subclass only selects the migrations. Contexts are pooled: every command uses one, and
    /// building a context's services per request was measurable (the context keeps no state of its own).
    /// </summary>
    public static IServiceCollection AddGridCasePersistence(this IServiceCollection services, PersistenceOptions options)
    {
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<GridCaseDb, SqliteGridCaseDb>(db => ConfigureSqlite(db, options.ConnectionString));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<GridCaseDb, PostgresGridCaseDb>(db => ConfigurePostgres(db, options.ConnectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider.");
        }

        services.AddScoped<DatabaseInitializer>();
        AddWorkflowStores(services);
        return services;
    }

    private static void AddWorkflowStores(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IDefinitionStore, EfDefinitionStore>();
        services.AddScoped<WorkflowBindings>();
        services.AddScoped<Idempotency.IdempotencyStore>();
        services.AddScoped<Cases.CaseStore>();
        services.AddScoped<UnitOfWork>();
        services.AddSingleton<Catalogue.CatalogueVersions>();
        services.AddScoped<EfWorkflowStore>();
        services.AddScoped<IWorkflowStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddScoped<IJournalStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddScoped<ITaskStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.AddScoped<IInstanceFinder>(sp => sp.GetRequiredService<EfWorkflowStore>());
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        Common(builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(GridCaseDb).Assembly.FullName)))
            .AddInterceptors(new SqlitePragmas());

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder builder, string connectionString) =>
        Common(builder.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsAssembly(typeof(GridCaseDb).Assembly.FullName)
            .ExecutionStrategy(dependencies => new GridCaseExecutionStrategy(dependencies))));

    // A ReporterContact always has a name or a phone (the domain refuses neither), so "all columns null"
    // unambiguously means "no reporter" and EF's optional-dependent warning does not apply.
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder builder) =>
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));

    /// <summary>Creates a context outside DI (tests, tools, the benchmark).</summary>
    public static GridCaseDb CreateContext(PersistenceOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteGridCaseDb(
            (DbContextOptions<SqliteGridCaseDb>)ConfigureSqlite(new DbContextOptionsBuilder<SqliteGridCaseDb>(), options.ConnectionString).Options),
        DatabaseProvider.Postgres => new PostgresGridCaseDb(
            (DbContextOptions<PostgresGridCaseDb>)ConfigurePostgres(new DbContextOptionsBuilder<PostgresGridCaseDb>(), options.ConnectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
    };
}
