namespace GridCase.Api.Web;

/// <summary>Serves the web console (src/Web, built into wwwroot) at /, with deep links falling back to the app.</summary>
public static class WebConsole
{
    private const string AppEntry = "/index.html";

    public static WebApplication UseGridCaseWebConsole(this WebApplication app)
    {
        // Only the console's own routes (its routes.json) fall back to the app; /api, /health and /swagger keep their ProblemDetails.
        var routes = ConsoleRoutes.Load(app.Environment.WebRootFileProvider);
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && routes.Matches(context.Request.Path))
            {
                context.Request.Path = AppEntry;
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
