namespace GridCase.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives, read from the standard configuration keys.</summary>
public sealed record PersistenceOptions(DatabaseProvider Provider, string ConnectionString, string DataDirectory);
