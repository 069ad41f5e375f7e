using GridCase.Api.Tests.Support;

namespace GridCase.Api.Tests;

/// <summary>One demo-mode API on SQLite shared by the read-only tests of this assembly (seeding takes seconds).</summary>
[SetUpFixture]
public sealed class SharedApi
{
    public static GridCaseApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void Start() => Factory = new GridCaseApiFactory();

    [OneTimeTearDown]
    public async Task Stop() => await Factory.DisposeAsync();
}
