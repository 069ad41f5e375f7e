using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GridCase.Api.Infrastructure;

/// <summary>The telemetry settings (GridCase:Telemetry:*), read and checked at start-up.</summary>
public sealed record TelemetrySettings(Uri? OtlpEndpoint, OtlpExportProtocol OtlpProtocol, bool Tracing, bool Prometheus, string PrometheusPath, TimeSpan GaugeInterval)
{
    public const string Section = "GridCase:Telemetry";

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var endpointText = configuration[$"{Section}:Otlp:Endpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(endpointText)
            && (!Uri.TryCreate(endpointText.Trim(), UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new ConfigurationException($"{Section}:Otlp:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute http(s) address such as http://collector:4317, not '{endpointText}'.");
        }

        var protocolText = configuration[$"{Section}:Otlp:Protocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] ?? "grpc";
        var protocol = protocolText.Trim().ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new ConfigurationException($"{Section}:Otlp:Protocol must be 'grpc' or 'http/protobuf', not '{protocolText}'."),
        };

        var path = configuration[$"{Section}:Prometheus:Path"] ?? "/metrics";
        if (!path.StartsWith('/') || path.Length < 2 || path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"{Section}:Prometheus:Path must be a path such as /metrics (not under /api), not '{path}'.");
        }

        var intervalText = configuration[$"{Section}:GaugeInterval"] ?? "00:00:30";
        if (!TimeSpan.TryParse(intervalText, System.Globalization.CultureInfo.InvariantCulture, out var interval) || interval < TimeSpan.FromSeconds(1))
        {
            throw new ConfigurationException($"{Section}:GaugeInterval must be a time span of at least 00:00:01, not '{intervalText}'.");
        }

        return new TelemetrySettings(endpoint, protocol, Bool(configuration, "Tracing", endpoint is not null), Bool(configuration, "Prometheus:Enabled", true), path, interval);
    }

    private static bool Bool(IConfiguration configuration, string key, bool fallback)
    {
        var text = configuration[$"{Section}:{key}"];
        return string.IsNullOrWhiteSpace(text) ? fallback
            : bool.TryParse(text, out var value) ? value
            : throw new ConfigurationException($"{Section}:{key} must be true or false, not '{text}'.");
    }
}

/// <summary>
/// OpenTelemetry: traces (ASP.NET Core, HTTP clients, EF Core, the engine's "GridCase.Engine" spans) when an OTLP
/// endpoint is configured or GridCase:Telemetry:Tracing is true; metrics (the "GridCase" meter, ASP.NET Core, HTTP
/// clients, the .NET runtime) on the Prometheus scrape endpoint and over OTLP; log records over OTLP; trace and span
/// ids in every log scope (the JSON console formatter writes them).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "gridcase";

    public static void AddGridCaseTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        // Trace and span ids in the log scopes; the JSON console formatter (Logging:Console:FormatterName=json) writes scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        builder.Services.AddSingleton(new GaugeInterval(settings.GaugeInterval));
        builder.Services.AddSingleton<OperationalGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationalGauges>());

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GridCaseTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (settings.Tracing)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(GridCaseTelemetry.EngineSourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsScrapeOrProbe(context.Request.Path, settings))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
        }

        if (settings.OtlpEndpoint is { } endpoint)
        {
            otel.UseOtlpExporter(settings.OtlpProtocol, endpoint);
        }
    }

    /// <summary>Maps the Prometheus scrape endpoint (no token: keep it off the public side of the proxy).</summary>
    public static void MapGridCaseMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (settings.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath);
        }
    }

    private static bool IsScrapeOrProbe(PathString path, TelemetrySettings settings) =>
        path.StartsWithSegments(settings.PrometheusPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
