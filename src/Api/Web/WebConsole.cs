namespace GridCase.Api.Web;

/// <summary>Serves the web console (src/Web, built into wwwroot) at /, with deep links falling back to the app.</summary>
public static class WebConsole
{
    private const string AppEntry = "/index.html";

    public static WebApplication UseGridCaseWebConsole(this WebApplication app)
    {
        // Only the console's own routes fall back to the app; /api, /health and /swagger keep their ProblemDetails.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && IsConsoleRoute(context.Request.Path))
            {
                context.Request.Path = AppEntry;
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static bool IsConsoleRoute(PathString path)
    {
        var segments = (path.Value ?? "").Trim('/').Split('/');
        return segments switch
        {
            ["designer" or "queue" or "replay"] => true,
            ["replay", var caseId] => caseId.Length > 0,
            _ => false,
        };
    }
}
