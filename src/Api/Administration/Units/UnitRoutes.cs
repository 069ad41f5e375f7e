using System.Security.Claims;
using GridCase.Api.Administration.Import;
using GridCase.Api.Administration.Units.ChangeUnit;
using GridCase.Api.Administration.Units.CreateUnit;
using GridCase.Api.Administration.Units.GetUnit;
using GridCase.Api.Administration.Units.ImportUnits;
using GridCase.Api.Administration.Units.ListUnits;
using GridCase.Api.Administration.Units.RetireUnit;
using GridCase.Api.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace GridCase.Api.Administration.Units;

/// <summary>Org units (一张网) for system administrators, each within its own unit's area.</summary>
public static class UnitRoutes
{
    /// <summary>An import of a whole county with boundaries can exceed the API's usual 1 MiB.</summary>
    public const long MaxImportBytes = 16 * 1024 * 1024;


    public static void MapUnits(this IEndpointRouteBuilder admin)
    {
        var units = admin.MapGroup("/units").RequireAuthorization(AdministrationRoutes.SystemAdminOnly);

        units.MapGet("", async (string? parent, string? q, string? level, bool? includeRetired, string? after, int? limit,
                ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListUnitsQuery(parent, q, level, includeRetired ?? false, after, limit, user.ToActor()), ct)))
            .WithSummary("Units of the caller's area: the children of a parent, or those whose name contains q or whose code starts with it; keyset paged by code (after).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("/{code}", async (string code, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetUnitQuery(code, user.ToActor()), ct)))
            .WithSummary("One unit with its boundary (GeoJSON).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPost("", async (CreateUnitCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(body with { Caller = user.ToActor() }, ct);
                return TypedResults.Created($"/api/admin/units/{created.Code}", created);
            })
            .WithSummary("Create an area (county, township, village, grid) or a department under its parent; the code is checked against the parent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        units.MapPatch("/{code}", async (string code, ChangeUnitCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { Code = code, Caller = user.ToActor() }, ct)))
            .WithSummary("Rename a unit or describe it (gridType, boundary, population; null clears boundary and population).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPost("/{code}/retire", async (string code, RetireUnitCommand body, ClaimsPrincipal user, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { Code = code, Caller = user.ToActor() }, ct)))
            .WithSummary("Retire a unit (撤销): no new cases; running cases go on. 409 while it has active units.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        units.MapPost("/import", ImportAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithSummary("Import units from CSV (text/csv) or JSON (application/json). dryRun=true (the default) reports every bad row by line and field; dryRun=false writes all rows or none.")
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, bool? dryRun, ClaimsPrincipal user, IMediator m, CancellationToken ct)
    {
        var format = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" => ImportFormat.Csv,
            "application/json" => ImportFormat.Json,
            _ => (ImportFormat?)null,
        } : null;
        if (format is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemExceptionHandler.TypeBase + "unsupported-media-type",
                title: "请以 text/csv 或 application/json 上传 / Send the units as text/csv or application/json.");
        }

        if (await CsvImport.ReadTextAsync(request.Body, ct) is not { } text)
        {
            return CsvImport.EncodingRefused();
        }

        var report = await m.Send(new ImportUnitsCommand(format.Value, text, dryRun ?? true, user.ToActor()), ct);
        if (report.DryRun || report.Valid)
        {
            return TypedResults.Ok(report);
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemExceptionHandler.TypeBase + "import-invalid",
            title: $"导入被拒绝：{report.Problems.Select(p => p.Line).Distinct().Count()} 行有错误，未写入任何单位 / The import was refused: rows have problems; nothing was written.",
            extensions: new Dictionary<string, object?>
            {
                ["rows"] = report.Rows,
                ["total"] = report.Total,
                ["counts"] = report.Counts,
                ["problems"] = report.Problems,
            });
    }
}
