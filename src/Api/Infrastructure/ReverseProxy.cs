using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Running behind a reverse proxy that ends TLS (nginx, a load balancer): X-Forwarded-For and X-Forwarded-Proto are
/// honoured only from the proxies configured in GridCase:ForwardedHeaders:KnownProxies (addresses) and
/// KnownNetworks (CIDR ranges), and ignored from anyone else; with neither set they are ignored altogether (the
/// default). GridCase:Hsts:MaxAge (a time span) turns on Strict-Transport-Security for requests that arrived over
/// https (directly or, through a known proxy, as X-Forwarded-Proto: https).
/// </summary>
public sealed record ReverseProxySettings(IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks, TimeSpan? HstsMaxAge, bool HstsIncludeSubDomains)
{
    public const string ForwardedSection = "GridCase:ForwardedHeaders";
    public const string HstsSection = "GridCase:Hsts";

    public bool ForwardedHeaders => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public static ReverseProxySettings From(IConfiguration configuration)
    {
        var proxies = List(configuration, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new ConfigurationException($"{ForwardedSection}:KnownProxies must list IP addresses such as 10.0.0.5, not '{text}'.")).ToList();
        var networks = List(configuration, "KnownNetworks").Select(text => System.Net.IPNetwork.TryParse(text, out var network)
            ? network
            : throw new ConfigurationException($"{ForwardedSection}:KnownNetworks must list CIDR ranges such as 10.0.0.0/24, not '{text}'.")).ToList();

        TimeSpan? maxAge = null;
        var maxAgeText = configuration[$"{HstsSection}:MaxAge"];
        if (!string.IsNullOrWhiteSpace(maxAgeText))
        {
            maxAge = TimeSpan.TryParse(maxAgeText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero
                ? parsed
                : throw new ConfigurationException($"{HstsSection}:MaxAge must be a positive time span such as 365.00:00:00, not '{maxAgeText}'.");
        }

        var subDomainsText = configuration[$"{HstsSection}:IncludeSubDomains"];
        var subDomains = false;
        if (!string.IsNullOrWhiteSpace(subDomainsText) && !bool.TryParse(subDomainsText, out subDomains))
        {
            throw new ConfigurationException($"{HstsSection}:IncludeSubDomains must be true or false, not '{subDomainsText}'.");
        }

        return new ReverseProxySettings(proxies, networks, maxAge, subDomains);
    }

    /// <summary>A list given as a comma-separated value or as an array (KnownProxies:0, KnownProxies:1 …).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{ForwardedSection}:{key}");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

public static class ReverseProxy
{
    public static void AddGridCaseReverseProxy(this WebApplicationBuilder builder)
    {
        var settings = ReverseProxySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the loopback defaults.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.KnownNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        if (settings.HstsMaxAge is { } maxAge)
        {
            builder.Services.AddHsts(o =>
            {
                o.MaxAge = maxAge;
                o.IncludeSubDomains = settings.HstsIncludeSubDomains;
            });
        }
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseGridCaseReverseProxy(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ReverseProxySettings>();
        if (settings.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (settings.HstsMaxAge is not null)
        {
            app.UseHsts();
        }
    }
}

/// <summary>The operational wiring (telemetry, reverse proxy), one call each from <see cref="GridCaseApp"/>.</summary>
public static class Operations
{
    public static void AddGridCaseOperations(this WebApplicationBuilder builder)
    {
        builder.AddGridCaseTelemetry();
        builder.AddGridCaseReverseProxy();
    }

    public static void UseGridCaseOperations(this WebApplication app)
    {
        app.UseGridCaseReverseProxy();
        app.MapGridCaseMetrics();
    }
}
