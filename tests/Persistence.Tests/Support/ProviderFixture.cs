namespace GridCase.Persistence.Tests.Support;

/// <summary>
/// Base of the store contract suites: each concrete fixture names a provider and gets a fresh migrated
/// database of that kind for its tests.
/// </summary>
public abstract class ProviderFixture(DatabaseProvider provider)
{
    protected TestDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => Database = await TestDatabase.CreateAsync(provider);

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
