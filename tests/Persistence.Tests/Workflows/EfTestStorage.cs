using System.Collections.Concurrent;
using GridCase.Persistence.Tests.Support;

namespace GridCase.Persistence.Tests.Workflows;

/// <summary>
/// The database of one EF fixture, and the contexts its stores were given: each store gets its own context
/// (its own unit of work, as in a request scope), and every context is disposed after the test.
/// </summary>
internal sealed class EfTestStorage(DatabaseProvider provider) : IAsyncDisposable
{
    private readonly ConcurrentBag<GridCaseDb> _contexts = [];
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task CreateAsync() => _database = await TestDatabase.CreateAsync(provider);

    public GridCaseDb NewContext()
    {
        var db = Database.NewContext();
        _contexts.Add(db);
        return db;
    }

    public async Task ReleaseContextsAsync()
    {
        while (_contexts.TryTake(out var db))
        {
            await db.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseContextsAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
