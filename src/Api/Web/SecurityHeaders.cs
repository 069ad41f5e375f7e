namespace GridCase.Api.Web;

/// <summary>
/// The browser-facing hardening on every response, whatever wrote it (an endpoint, a problem, a static file, the
/// exception handler after it cleared the response): the headers are set just before the response starts.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The console (Vite build: scripts and styles from /assets) and Swagger UI (Swashbuckle 11 loads index.js, no inline
    /// script) run under one policy; React Flow and Swagger UI set inline styles, hence <c>'unsafe-inline'</c> for styles only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                // API answers carry personal data and tokens: no browser or proxy keeps them.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
