using GridCase.Api.Auth.SignInProtection;
using GridCase.Persistence;

namespace GridCase.Api.Infrastructure;

/// <summary>Bad configuration, reported as one line before the host starts.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

/// <summary>The settings GridCase reads from the standard .NET configuration keys.</summary>
public sealed record GridCaseSettings(PersistenceOptions Persistence, bool Demo, string? SigningKey, TimeSpan TokenLifetime)
{
    /// <summary>The first administrator, created once on a database without users (outside demo mode).</summary>
    public BootstrapSettings Bootstrap { get; init; } = BootstrapSettings.None;

    /// <summary>An OpenID Connect provider whose tokens are accepted besides GridCase's own, when configured.</summary>
    public ExternalIdentitySettings? ExternalIdentity { get; init; }

    /// <summary>Sign-in limits and lockout (<c>GridCase:Auth:SignIn:*</c>).</summary>
    public SignInSettings SignIn { get; init; } = SignInSettings.Default;

    /// <summary>Whether /swagger serves the API description and its UI (<c>GridCase:Swagger</c>; on in demo mode, off otherwise).</summary>
    public bool Swagger { get; init; }

    /// <summary>
    /// <c>GridCase:Workflows:StartVersion:&lt;definition id&gt;</c>: the published version new cases of that definition start
    /// on, instead of the latest (<c>latest</c>, the default; a county that is not ready for a new version yet, or tests written for an older one).
    /// </summary>
    public IReadOnlyDictionary<string, int> StartVersions { get; init; } = new Dictionary<string, int>();

    public const string StartVersionSection = "GridCase:Workflows:StartVersion";

    /// <summary>
    /// How long a finished <c>Idempotency-Key</c> answers a repeat (<c>GridCase:Idempotency:Retention</c>, default 7 days);
    /// older keys are swept (<see cref="IdempotencySweeper"/>) and a repeat after that runs as a new request.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; init; } = DefaultIdempotencyRetention;

    public static readonly TimeSpan DefaultIdempotencyRetention = TimeSpan.FromDays(7);

    /// <summary>The version new cases of <paramref name="definitionId"/> start on: configured, else null (the latest).</summary>
    public int? StartVersionFor(string definitionId) => StartVersions.TryGetValue(definitionId, out var version) ? version : null;

    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static GridCaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = configuration["GridCase:DataDirectory"];
        dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory) ? "data" : dataDirectory, contentRoot);

        var providerText = configuration["GridCase:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? "sqlite" : providerText.Trim().ToLowerInvariant();
        var connectionString = configuration.GetConnectionString("GridCase");
        var persistence = provider switch
        {
            "sqlite" => new PersistenceOptions(
                DatabaseProvider.Sqlite,
                string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={Path.Combine(dataDirectory, "gridcase.db")}" : connectionString,
                dataDirectory),
            "postgres" or "postgresql" => new PersistenceOptions(
                DatabaseProvider.Postgres,
                string.IsNullOrWhiteSpace(connectionString)
                    ? throw new ConfigurationException("GridCase:Database:Provider is 'postgres' but ConnectionStrings:GridCase is not set.")
                    : connectionString,
                dataDirectory),
            _ => throw new ConfigurationException($"GridCase:Database:Provider must be 'sqlite' or 'postgres', not '{providerText}'."),
        };

        var demoText = configuration["GridCase:Demo"];
        bool demo;
        if (string.IsNullOrWhiteSpace(demoText))
        {
            demo = false;
        }
        else if (!bool.TryParse(demoText, out demo))
        {
            throw new ConfigurationException($"GridCase:Demo must be true or false, not '{demoText}'.");
        }

        var signingKey = configuration["GridCase:Auth:SigningKey"];
        if (!demo && string.IsNullOrWhiteSpace(signingKey))
        {
            throw new ConfigurationException("GridCase:Auth:SigningKey is required outside demo mode (base64, at least 32 bytes).");
        }

        if (!string.IsNullOrWhiteSpace(signingKey) && !IsStrongBase64Key(signingKey))
        {
            throw new ConfigurationException("GridCase:Auth:SigningKey must be base64 of at least 32 bytes.");
        }

        var lifetimeText = configuration["GridCase:Auth:TokenLifetime"];
        var lifetime = TimeSpan.FromHours(8);
        if (!string.IsNullOrWhiteSpace(lifetimeText)
            && (!TimeSpan.TryParse(lifetimeText, System.Globalization.CultureInfo.InvariantCulture, out lifetime) || lifetime <= TimeSpan.Zero))
        {
            throw new ConfigurationException($"GridCase:Auth:TokenLifetime must be a positive time span such as 08:00:00, not '{lifetimeText}'.");
        }

        var swaggerText = configuration["GridCase:Swagger"];
        var swagger = demo;
        if (!string.IsNullOrWhiteSpace(swaggerText) && !bool.TryParse(swaggerText, out swagger))
        {
            throw new ConfigurationException($"GridCase:Swagger must be true or false, not '{swaggerText}'.");
        }

        return new GridCaseSettings(persistence, demo, signingKey, lifetime)
        {
            Bootstrap = BootstrapSettings.From(configuration),
            ExternalIdentity = ExternalIdentitySettings.From(configuration),
            SignIn = SignInSettings.From(configuration),
            Swagger = swagger,
            StartVersions = ReadStartVersions(configuration),
            IdempotencyRetention = ReadIdempotencyRetention(configuration),
        };
    }

    private static TimeSpan ReadIdempotencyRetention(IConfiguration configuration)
    {
        var text = configuration["GridCase:Idempotency:Retention"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultIdempotencyRetention;
        }

        // At least the time a pending key is protected (2 minutes), or a running request's key could be swept.
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var retention)
            && retention >= GridCase.Persistence.Idempotency.IdempotencyStore.AbandonedAfter
            ? retention
            : throw new ConfigurationException($"GridCase:Idempotency:Retention must be a time span of at least 00:02:00 such as 7.00:00:00, not '{text}'.");
    }

    private static Dictionary<string, int> ReadStartVersions(IConfiguration configuration)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(StartVersionSection).GetChildren())
        {
            if (string.Equals(entry.Value, "latest", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!int.TryParse(entry.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                throw new ConfigurationException($"{StartVersionSection}:{entry.Key} must be a published version number such as 1, not '{entry.Value}'.");
            }

            versions[entry.Key] = version;
        }

        return versions;
    }

    private static bool IsStrongBase64Key(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 32;
    }
}

/// <summary>
/// <c>GridCase:Bootstrap:*</c>: the first system administrator and the top unit (the city) they administer. Read only
/// when the database has no users yet; afterwards administrators manage everything through the API.
/// </summary>
public sealed record BootstrapSettings(string? AdminUser, string? AdminPassword, string? City, string? CityName)
{
    public const string AdminUserKey = "GridCase:Bootstrap:AdminUser";
    public const string AdminPasswordKey = "GridCase:Bootstrap:AdminPassword";
    public const string CityKey = "GridCase:Bootstrap:City";
    public const string CityNameKey = "GridCase:Bootstrap:CityName";
    public const int MinPasswordLength = 8;

    public static BootstrapSettings None { get; } = new(null, null, null, null);

    public static BootstrapSettings From(IConfiguration configuration) => new(
        Blank(configuration[AdminUserKey]), Blank(configuration[AdminPasswordKey]), Blank(configuration[CityKey]), Blank(configuration[CityNameKey]));

    /// <summary>The one line that names what is missing or wrong, or null when the first administrator can be created.</summary>
    public string? Problem()
    {
        if (AdminUser is null || AdminPassword is null)
        {
            return $"the database has no users: set {AdminUserKey} and {AdminPasswordKey} to create the first administrator "
                + $"(with {CityKey} and {CityNameKey}, e.g. 140500 and 晋城市, when the database has no units either).";
        }

        if (!GridCase.Domain.Organisation.User.IsValidUserName(AdminUser))
        {
            return $"{AdminUserKey} must be 1–64 letters, digits, '.', '_', '-' or '@', not '{AdminUser}'.";
        }

        return AdminPassword.Length < MinPasswordLength
            ? $"{AdminPasswordKey} must have at least {MinPasswordLength} characters."
            : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// <c>GridCase:Auth:Authority</c> and friends: an OpenID Connect provider (Keycloak, a government SSO) whose access
/// tokens GridCase accepts. The claim named by <see cref="UserClaim"/> is the GridCase user name; role and unit come from
/// that GridCase user, so administrators keep deciding who may do what.
/// </summary>
public sealed record ExternalIdentitySettings(Uri Authority, string Audience, string UserClaim, bool RequireHttpsMetadata)
{
    public const string AuthorityKey = "GridCase:Auth:Authority";
    public const string AudienceKey = "GridCase:Auth:Audience";
    public const string UserClaimKey = "GridCase:Auth:UserClaim";
    public const string RequireHttpsMetadataKey = "GridCase:Auth:RequireHttpsMetadata";

    public static ExternalIdentitySettings? From(IConfiguration configuration)
    {
        var authority = configuration[AuthorityKey];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return null;
        }

        if (!Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new ConfigurationException($"{AuthorityKey} must be the issuer's absolute http(s) address, not '{authority}'.");
        }

        var audience = configuration[AudienceKey];
        if (string.IsNullOrWhiteSpace(audience))
        {
            throw new ConfigurationException($"{AudienceKey} is required with {AuthorityKey}: the audience GridCase's tokens from that issuer carry.");
        }

        var requireHttpsText = configuration[RequireHttpsMetadataKey];
        var requireHttps = true;
        if (!string.IsNullOrWhiteSpace(requireHttpsText) && !bool.TryParse(requireHttpsText, out requireHttps))
        {
            throw new ConfigurationException($"{RequireHttpsMetadataKey} must be true or false, not '{requireHttpsText}'.");
        }

        if (requireHttps && uri.Scheme != "https")
        {
            throw new ConfigurationException($"{AuthorityKey} must use https (or set {RequireHttpsMetadataKey}=false for a provider on this machine).");
        }

        var userClaim = configuration[UserClaimKey];
        return new ExternalIdentitySettings(uri, audience.Trim(), string.IsNullOrWhiteSpace(userClaim) ? "preferred_username" : userClaim.Trim(), requireHttps);
    }
}
