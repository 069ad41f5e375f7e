using System.Security.Claims;
using System.Text.Json;
using GridCase.Api.Infrastructure;
using GridCase.Api.Workflows.ActivityTypes;
using GridCase.Api.Workflows.CreateDefinition;
using GridCase.Api.Workflows.Diff;
using GridCase.Api.Workflows.GetDraft;
using GridCase.Api.Workflows.GetVersion;
using GridCase.Api.Workflows.ListDefinitions;
using GridCase.Api.Workflows.ListVersions;
using GridCase.Api.Workflows.Migrate;
using GridCase.Api.Workflows.Publish;
using GridCase.Api.Workflows.Retire;
using GridCase.Api.Workflows.Rollback;
using GridCase.Api.Workflows.SaveDraft;
using GridCase.Api.Workflows.ValidateDraft;
using GridCase.Domain.Organisation;
using Mediator;

namespace GridCase.Api.Workflows;

/// <summary>The designer's routes: everyone signed in reads; only policy administrators change.</summary>
public static class WorkflowDefinitionEndpoints
{
    public const string PolicyAdminOnly = "PolicyAdminOnly";

    public static void MapWorkflowDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflow-definitions").WithTags("Workflow definitions");

        group.MapGet("", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDefinitionsQuery(), ct)))
            .WithSummary("Definitions with their latest published version and whether a draft exists.");
        group.MapCreateDefinition();
        group.MapGet("/{id}/versions", async (string id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListVersionsQuery(id), ct)))
            .WithSummary("Published versions: who published each, when, why, and how many cases are still running on each.");
        group.MapGet("/{id}/versions/{version:int}", async (string id, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GetVersionQuery(id, version), ct)))
            .WithSummary("One published version's document.");
        group.MapGet("/{id}/draft", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var draft = await m.Send(new GetDraftQuery(id), ct);
            return TypedResults.Ok(draft with { Problems = ProblemResponse.In(draft.Problems, ProblemLanguage.For(request)) });
        })
            .WithSummary("The draft, with its current problems.");
        group.MapPut("/{id}/draft", async (string id, JsonElement body, ClaimsPrincipal user, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var saved = await m.Send(new SaveDraftCommand(id, body, user.ToActor()), ct);
            return TypedResults.Ok(saved with { Problems = ProblemResponse.In(saved.Problems, ProblemLanguage.For(request)) });
        })
            .RequireAuthorization(PolicyAdminOnly)
            .WithMetadata(new RequestBodySchema(typeof(DraftBody)))
            .WithSummary("Save the draft (even with problems, which are returned).");
        group.MapPost("/{id}/draft/validate", async (string id, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var result = await m.Send(new ValidateDraftCommand(id, await OptionalBodyAsync(request, ct)), ct);
            return TypedResults.Ok(result with { Problems = ProblemResponse.In(result.Problems, ProblemLanguage.For(request)) });
        })
            .WithSummary("Check a document (the body) or the saved draft; problems name node ids.");
        group.MapPost("/{id}/publish", async (string id, PublishBody? body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
        {
            var published = await m.Send(new PublishCommand(id, body?.ChangeNote, user.ToActor()), ct);
            return TypedResults.Created($"/api/workflow-definitions/{id}/versions/{published.Version}", published);
        })
            .RequireAuthorization(PolicyAdminOnly)
            .WithSummary("Publish the draft as the next version with a change note (422 with the problems when invalid).");
        group.MapGet("/{id}/diff", async (string id, string? from, string? to, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DiffQuery(id, from, to), ct)))
            .WithSummary("Node-by-node differences between two versions (to may be 'draft').");
        group.MapPost("/{id}/versions/{version:int}/rollback", async (string id, int version, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            TypedResults.Created($"/api/workflow-definitions/{id}/draft", await m.Send(new RollbackCommand(id, version, user.ToActor()), ct)))
            .RequireAuthorization(PolicyAdminOnly)
            .WithSummary("Make a new draft from an old version.");
        group.MapPost("/{id}/versions/{version:int}/retire", async (string id, int version, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RetireCommand(id, version), ct)))
            .RequireAuthorization(PolicyAdminOnly)
            .WithSummary("Retire a version: its cases finish on it, new cases start on the latest published version.");
        group.MapMigrate();

        app.MapGet("/api/activity-types", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActivityTypesQuery(), ct)))
            .WithTags("Workflow definitions")
            .WithSummary("The designer's palette: each activity type with its property schema and outcome ports.");
    }

    public static void AddPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options) =>
        options.AddPolicy(PolicyAdminOnly, policy => policy.RequireRole(nameof(Role.PolicyAdmin)));

    private static async Task<JsonElement?> OptionalBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
        {
            return null;
        }

        using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        return document.RootElement.Clone();
    }
}

public sealed record PublishBody(string? ChangeNote);
