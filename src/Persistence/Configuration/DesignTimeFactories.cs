using Microsoft.EntityFrameworkCore.Design;

namespace GridCase.Persistence;

// Used only by `dotnet ef migrations add`; the connection strings are placeholders, never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGridCaseDb>
{
    public SqliteGridCaseDb CreateDbContext(string[] args) =>
        (SqliteGridCaseDb)PersistenceServiceCollectionExtensions.CreateContext(
            new PersistenceOptions(DatabaseProvider.Sqlite, "Data Source=design.db", "."));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGridCaseDb>
{
    public PostgresGridCaseDb CreateDbContext(string[] args) =>
        (PostgresGridCaseDb)PersistenceServiceCollectionExtensions.CreateContext(
            new PersistenceOptions(DatabaseProvider.Postgres, "Host=localhost;Database=design", "."));
}
