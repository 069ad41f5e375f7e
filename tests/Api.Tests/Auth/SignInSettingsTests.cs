using GridCase.Api.Auth.SignInProtection;
using GridCase.Api.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace GridCase.Api.Tests.Auth;

public sealed class SignInSettingsTests
{
    private static SignInSettings Read(params (string Key, string Value)[] values) =>
        GridCaseSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("GridCase:Demo", "true")))
            .Build(), "/srv/gridcase").SignIn;

    [Test]
    public void The_defaults_are_10_per_user_name_and_30_per_address_a_minute_and_5_wrong_passwords_lock_for_15_minutes()
    {
        var settings = Read();

        Assert.That((settings.PerUserPerMinute, settings.PerAddressPerMinute, settings.LockoutThreshold, settings.LockoutDuration),
            Is.EqualTo((10, 30, 5, TimeSpan.FromMinutes(15))));
        Assert.That(settings.ConcurrentPasswordChecks, Is.EqualTo(Math.Max(1, Environment.ProcessorCount / 2)));
    }

    [Test]
    public void Every_value_is_read_from_its_key()
    {
        var settings = Read(
            ("GridCase:Auth:SignIn:PerUserPerMinute", "3"), ("GridCase:Auth:SignIn:PerAddressPerMinute", "100"),
            ("GridCase:Auth:SignIn:LockoutThreshold", "10"), ("GridCase:Auth:SignIn:LockoutDuration", "01:00:00"),
            ("GridCase:Auth:SignIn:ConcurrentPasswordChecks", "4"), ("GridCase:Auth:SignIn:QueuedPasswordChecks", "0"));

        Assert.That(settings, Is.EqualTo(new SignInSettings(3, 100, 10, TimeSpan.FromHours(1), 4, 0)));
    }

    [TestCase("PerUserPerMinute", "0")]
    [TestCase("PerAddressPerMinute", "many")]
    [TestCase("LockoutThreshold", "-1")]
    [TestCase("LockoutDuration", "forever")]
    [TestCase("LockoutDuration", "00:00:00")]
    [TestCase("ConcurrentPasswordChecks", "0")]
    [TestCase("QueuedPasswordChecks", "-1")]
    public void A_bad_value_fails_with_one_line_naming_the_key(string name, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(($"GridCase:Auth:SignIn:{name}", value)));

        Assert.That(error!.Message, Does.Contain($"GridCase:Auth:SignIn:{name}").And.Contain($"'{value}'").And.Not.Contain("\n"));
    }
}
