using System.Net;
using GridCase.Api.Infrastructure;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace GridCase.Api.Tests.Infrastructure;

/// <summary>The telemetry and reverse-proxy keys: defaults, both spellings, and bad values named at start-up.</summary>
public sealed class OperationsSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Test]
    public void By_default_metrics_are_scraped_at_metrics_and_nothing_is_traced_or_exported()
    {
        var settings = TelemetrySettings.From(Config());

        Assert.That(settings.OtlpEndpoint, Is.Null);
        Assert.That(settings.Tracing, Is.False);
        Assert.That(settings.Prometheus, Is.True);
        Assert.That(settings.PrometheusPath, Is.EqualTo("/metrics"));
        Assert.That(settings.GaugeInterval, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void The_standard_otlp_variables_turn_on_export_and_tracing()
    {
        var settings = TelemetrySettings.From(Config(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")));

        Assert.That(settings.OtlpEndpoint, Is.EqualTo(new Uri("http://collector:4318")));
        Assert.That(settings.OtlpProtocol, Is.EqualTo(OtlpExportProtocol.HttpProtobuf));
        Assert.That(settings.Tracing, Is.True);
    }

    [TestCase("GridCase:Telemetry:Otlp:Endpoint", "collector:4317")]
    [TestCase("GridCase:Telemetry:Otlp:Protocol", "udp")]
    [TestCase("GridCase:Telemetry:Prometheus:Path", "metrics")]
    [TestCase("GridCase:Telemetry:Prometheus:Enabled", "yes")]
    [TestCase("GridCase:Telemetry:GaugeInterval", "0")]
    public void A_bad_telemetry_value_is_named(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => TelemetrySettings.From(Config((key, value))));
        Assert.That(error!.Message, Does.Contain(key).And.Contain(value));
    }

    [Test]
    public void Forwarded_headers_are_off_until_a_proxy_is_named_as_a_list_or_an_array()
    {
        Assert.That(ReverseProxySettings.From(Config()).ForwardedHeaders, Is.False);
        Assert.That(ReverseProxySettings.From(Config()).HstsMaxAge, Is.Null);

        var listed = ReverseProxySettings.From(Config(("GridCase:ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6"),
            ("GridCase:ForwardedHeaders:KnownNetworks:0", "192.168.10.0/24"), ("GridCase:Hsts:MaxAge", "365.00:00:00")));
        Assert.That(listed.ForwardedHeaders, Is.True);
        Assert.That(listed.KnownProxies, Is.EqualTo(new[] { IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6") }));
        Assert.That(listed.KnownNetworks.Select(n => n.ToString()), Is.EqualTo(new[] { "192.168.10.0/24" }));
        Assert.That(listed.HstsMaxAge, Is.EqualTo(TimeSpan.FromDays(365)));
    }

    [TestCase("GridCase:ForwardedHeaders:KnownProxies", "proxy.local")]
    [TestCase("GridCase:ForwardedHeaders:KnownNetworks", "10.0.0.0")]
    [TestCase("GridCase:Hsts:MaxAge", "a year")]
    [TestCase("GridCase:Hsts:IncludeSubDomains", "sometimes")]
    public void A_bad_proxy_value_is_named(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => ReverseProxySettings.From(Config((key, value))));
        Assert.That(error!.Message, Does.Contain(key).And.Contain(value));
    }
}
