using GridCase.Api.Infrastructure;
using GridCase.Persistence;
using Microsoft.Extensions.Configuration;

namespace GridCase.Api.Tests.Infrastructure;

public sealed class GridCaseSettingsTests
{
    private const string Key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static GridCaseSettings Read(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return GridCaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(data).Build(), "/srv/gridcase");
    }

    [Test]
    public void Demo_mode_defaults_to_sqlite_in_the_data_folder()
    {
        var settings = Read(("GridCase:Demo", "true"));

        Assert.That(settings.Persistence.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
        Assert.That(settings.Persistence.DataDirectory, Is.EqualTo("/srv/gridcase/data"));
        Assert.That(settings.Persistence.ConnectionString, Is.EqualTo("Data Source=/srv/gridcase/data/gridcase.db"));
    }

    [Test]
    public void Postgres_takes_the_connection_string()
    {
        var settings = Read(("GridCase:Database:Provider", "postgres"), ("ConnectionStrings:GridCase", "Host=db;Database=gridcase"), ("GridCase:Auth:SigningKey", Key));

        Assert.That(settings.Persistence.Provider, Is.EqualTo(DatabaseProvider.Postgres));
        Assert.That(settings.Persistence.ConnectionString, Is.EqualTo("Host=db;Database=gridcase"));
        Assert.That(settings.Demo, Is.False);
    }

    [TestCase("GridCase:Database:Provider", "oracle", "GridCase:Database:Provider")]
    [TestCase("GridCase:Demo", "yes please", "GridCase:Demo")]
    [TestCase("GridCase:Auth:TokenLifetime", "forever", "GridCase:Auth:TokenLifetime")]
    [TestCase("GridCase:Auth:SigningKey", "short", "GridCase:Auth:SigningKey")]
    public void Bad_configuration_fails_with_one_line_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("GridCase:Demo", "true"), (key, value)));

        Assert.That(error!.Message, Does.Contain(named).And.Not.Contain("\n"));
    }

    [Test]
    public void Postgres_without_a_connection_string_fails_fast()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(("GridCase:Demo", "true"), ("GridCase:Database:Provider", "postgres")));

        Assert.That(error!.Message, Does.Contain("ConnectionStrings:GridCase"));
    }

    [Test]
    public void Outside_demo_mode_a_signing_key_is_required()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read());

        Assert.That(error!.Message, Does.Contain("GridCase:Auth:SigningKey"));
    }
}

public sealed class ExternalIdentitySettingsTests
{
    private static GridCaseSettings Read(params (string Key, string Value)[] values) =>
        GridCaseSettings.From(
            new ConfigurationBuilder().AddInMemoryCollection(values.Append(("GridCase:Demo", "true")).ToDictionary(v => v.Item1, v => (string?)v.Item2)).Build(),
            "/srv/gridcase");

    [Test]
    public void Without_an_authority_only_gridcases_own_tokens_are_accepted() =>
        Assert.That(Read().ExternalIdentity, Is.Null);

    [Test]
    public void An_authority_with_its_audience_defaults_to_the_preferred_username_claim_over_https()
    {
        var external = Read(("GridCase:Auth:Authority", "https://sso.example.gov.cn/realms/jc"), ("GridCase:Auth:Audience", "gridcase")).ExternalIdentity!;

        Assert.That(external.Authority, Is.EqualTo(new Uri("https://sso.example.gov.cn/realms/jc")));
        Assert.That(external.UserClaim, Is.EqualTo("preferred_username"));
        Assert.That(external.RequireHttpsMetadata, Is.True);
    }

    [TestCase("not a url", "gridcase", "true", "GridCase:Auth:Authority")]
    [TestCase("https://sso.example.gov.cn", "", "true", "GridCase:Auth:Audience")]
    [TestCase("http://sso.example.gov.cn", "gridcase", "true", "GridCase:Auth:RequireHttpsMetadata")]
    [TestCase("https://sso.example.gov.cn", "gridcase", "maybe", "GridCase:Auth:RequireHttpsMetadata")]
    public void A_bad_provider_configuration_fails_with_one_line_naming_the_key(string authority, string audience, string requireHttps, string named)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(
            ("GridCase:Auth:Authority", authority), ("GridCase:Auth:Audience", audience), ("GridCase:Auth:RequireHttpsMetadata", requireHttps)));

        Assert.That(error!.Message, Does.Contain(named).And.Not.Contain("\n"));
    }
}
