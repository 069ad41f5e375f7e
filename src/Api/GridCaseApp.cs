using FluentValidation;
using GridCase.Api.Administration;
using GridCase.Api.Administration.Users;
using GridCase.Api.Auth;
using GridCase.Api.Auth.ChangePassword;
using GridCase.Api.Auth.IssueToken;
using GridCase.Api.Auth.SignInProtection;
using GridCase.Api.Demo;
using GridCase.Api.Health;
using GridCase.Api.Infrastructure;
using GridCase.Api.Reference.GetCalendar;
using GridCase.Api.Reference.GetCatalogue;
using GridCase.Api.Reference.ListOrgUnits;
using GridCase.Api.Events;
using GridCase.Api.Events.Interventions;
using GridCase.Api.Events.Reassign;
using GridCase.Api.Events.ReportEvent;
using GridCase.Api.Events.Trace;
using GridCase.Api.Tasks.WorkTask;
using GridCase.Api.Tasks.Stream;
using GridCase.Api.Timers;
using GridCase.Api.Web;
using GridCase.Api.Workflows;
using GridCase.Api.Workflows.Bindings;
using GridCase.Domain.Cases;
using GridCase.Workflows.Activities;
using GridCase.Workflows.Definitions;
using GridCase.Workflows.Runtime;
using GridCase.Domain.Calendar;
using GridCase.Persistence;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Organisation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace GridCase.Api;

/// <summary>The composition root: services, middleware and routes.</summary>
public static class GridCaseApp
{
    /// <summary>Requests larger than this are refused with 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(GridCaseSettings.DefaultUrls);
        }

        var settings = GridCaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        AddServices(builder.Services, settings);
        builder.AddGridCaseOperations();
        var app = builder.Build();
        UsePipeline(app);
        MapRoutes(app);
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("GridCase is ready {Elapsed} ms after the process started: open {Urls}{Docs}.",
                (int)(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds, string.Join(", ", app.Urls),
                settings.Swagger ? " (API docs at /swagger)" : ""));
        return app;
    }

    private static void AddServices(IServiceCollection services, GridCaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CalendarSnapshot>();
        services.AddTransient(sp => sp.GetRequiredService<CalendarSnapshot>().Current);
        services.AddGridCasePersistence(settings.Persistence);
        services.AddScoped<OrgStore>();
        services.AddScoped<CatalogueStore>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<AdminLog>();
        services.AddScoped<GridCase.Api.Administration.Units.UnitWrites>();
        services.AddScoped<Bootstrap>();
        services.AddUserAdministration();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<GridCase.Api.Administration.Calendar.CalendarWarnings>();
        services.AddHostedService<ReferenceDataRefresher>();
        services.AddSingleton<StartupState>();
        services.AddHostedService<DatabaseStartup>();
        services.AddSingleton<IdempotencySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweeper>());
        if (settings.Persistence.Provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<SqliteCheckpointer>();
        }
        else
        {
            services.AddSingleton<PostgresTaskChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresTaskChangeListener>());
        }

        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(TransientRetryBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<IssueTokenValidator>(ServiceLifetime.Singleton);
        ValidatorOptions.Global.LanguageManager = new PairedValidationMessages(); // FluentValidation's setting is global; the same value every time

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemLanguage.Apply);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Clients never set unit, status, assignee or version: a property the request does not define is refused.
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });

        var signingKey = SigningKey.Resolve(settings);
        services.AddSingleton(signingKey);
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<TokenIssuer>();
        services.AddSignInProtection(settings.SignIn);
        services.AddGridCaseAuthentication(settings);
        services.AddAuthorization(options =>
        {
            WorkflowDefinitionEndpoints.AddPolicies(options);
            AdministrationRoutes.AddPolicies(options);
        });
        AddEngine(services);
        services.AddGridCaseTimers(settings);

        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]).AddCheck<CalendarReadyCheck>("calendar", tags: ["ready"]);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(OpenApiSetup.Configure);
    }

    private static void AddEngine(IServiceCollection services)
    {
        services.AddSingleton<OrgSnapshot>();
        services.AddSingleton<IResponsibilityRules>(NoPushDownPolicy.Default);
        services.AddSingleton(DefaultActivities.Create());
        services.AddSingleton<DefinitionValidator>();
        services.AddSingleton<CompiledWorkflowCache>();
        services.AddScoped(sp => new FlowchartInterpreter(
            sp.GetRequiredService<OrgSnapshot>().Current, sp.GetRequiredService<WorkingCalendar>(), sp.GetRequiredService<IResponsibilityRules>()));
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<ShippedDefinitions>();
        services.AddScoped(sp => new CaseProjection(sp.GetRequiredService<OrgSnapshot>().Current, sp.GetRequiredService<IResponsibilityRules>()));
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<IdempotencyScope>();
        services.AddScoped<TaskAccess>();
        services.AddScoped<EventAccess>();
        services.AddScoped<CaseIntervention>();
        services.AddSingleton<CaseNumberPrefixes>();
        services.AddSingleton<TaskChangeHub>();
        services.AddScoped<TaskChangeNotice>();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseGridCaseOperations();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.Use((context, next) =>
        {
            // The idempotency filter hashes the body after model binding has read it.
            if (context.Request.Headers.ContainsKey(IdempotencyFilter.Header))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
        app.UseStatusCodePages();
        app.UseSignInProtection();
        if (app.Services.GetRequiredService<GridCaseSettings>().Swagger)
        {
            app.UseSwagger();
            app.UseSwaggerUI();
        }

        app.UseGridCaseWebConsole();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    private static void MapRoutes(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync });

        app.MapIssueToken();
        var api = app.MapGroup("").RequireAuthorization();
        api.MapChangePassword();
        api.MapListOrgUnits();
        api.MapGetCatalogue();
        api.MapGetCalendar();
        api.MapWorkflowDefinitions();
        api.MapBindings();
        api.MapReportEvent();
        api.MapReassign();
        api.MapReassignTargets();
        api.MapInterventions();
        api.MapWorkTask();
        api.MapTrace();
        api.MapEventReads();
        api.MapTimers();
        api.MapAdministration();
        api.MapTaskStream();
    }
}
