using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// The OpenAPI document at /swagger/v1/swagger.json: a bearer scheme (Swagger UI's "Authorize" takes a token from
/// <c>POST /api/auth/token</c>), descriptions from the XML comments, an operation id per route, and the error
/// responses every route can give (<see cref="ProblemResponsesFilter"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "GridCase API",
            Version = "v1",
            Description = "全科网格事件管理 / Case management for grid governance. Sign in with POST /api/auth/token, then "
                + "\"Authorize\" with the access token. Errors are ProblemDetails (application/problem+json) whose texts are "
                + "\"中文 / English\" pairs; Accept-Language picks one.",
        });
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken of POST /api/auth/token (or of the configured OpenID Connect provider).",
        });
        options.CustomOperationIds(OperationId);
        foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "GridCase.*.xml"))
        {
            options.IncludeXmlComments(xml, includeControllerXmlComments: false);
        }

        options.OperationFilter<ProblemResponsesFilter>();
    }

    /// <summary>
    /// The endpoint's name when it has one, else its method and route: <c>POST /api/tasks/{id}/complete</c> is
    /// <c>postTasksByIdComplete</c>.
    /// </summary>
    public static string OperationId(ApiDescription api)
    {
        if (api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault() is { } named)
        {
            return named.EndpointName;
        }

        var id = new StringBuilder((api.HttpMethod ?? "get").ToLowerInvariant());
        foreach (var segment in (api.RelativePath ?? "").Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "api")
            {
                continue;
            }

            var parameter = segment.StartsWith('{');
            var name = parameter ? segment.Trim('{', '}').Split(':')[0] : segment;
            id.Append(parameter ? "By" : "");
            foreach (var word in name.Split('-', '_', '.'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
                }
            }
        }

        return id.ToString();
    }
}

/// <summary>Documents a request body that is bound as raw JSON (and checked by the handler) with the schema of <see cref="Type"/>.</summary>
public sealed record RequestBodySchema(Type Type);

/// <summary>
/// Adds the ProblemDetails responses a route can give unless it declares them itself: 400 where it takes
/// parameters or a body, 401 and 403 where it needs a token (with the bearer requirement), 404 where the route names
/// a resource, 409 for every write (a refused transition, a concurrent change, an <c>Idempotency-Key</c> in flight).
/// </summary>
public sealed class ProblemResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<RequestBodySchema>().FirstOrDefault() is { } body && operation.RequestBody is OpenApiRequestBody request)
        {
            var schema = context.SchemaGenerator.GenerateSchema(body.Type, context.SchemaRepository);
            request.Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = schema } };
        }

        operation.Responses ??= [];
        var write = !HttpMethods.IsGet(api.HttpMethod ?? "GET");
        var takesInput = api.ParameterDescriptions.Count > 0 || operation.RequestBody is not null;
        if (takesInput)
        {
            Add(operation, context, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails),
                "请求无效：错误按字段列出 / Bad input: the errors name the fields.");
        }

        var authorized = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (authorized)
        {
            Add(operation, context, StatusCodes.Status401Unauthorized, typeof(ProblemDetails), "未登录或令牌无效 / No valid bearer token.");
            Add(operation, context, StatusCodes.Status403Forbidden, typeof(ProblemDetails), "角色或辖区不允许 / Your role or area does not allow this.");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OpenApiSetup.BearerScheme, context.Document)] = [],
            });
        }

        if ((api.RelativePath ?? "").Contains('{', StringComparison.Ordinal))
        {
            Add(operation, context, StatusCodes.Status404NotFound, typeof(ProblemDetails), "不存在或不可见 / Not found (or not yours to see).");
        }

        if (write && authorized)
        {
            Add(operation, context, StatusCodes.Status409Conflict, typeof(ProblemDetails),
                "状态不允许或并发修改 / Refused in this state, changed concurrently, or the same Idempotency-Key is in flight.");
        }
    }

    private static void Add(OpenApiOperation operation, OperationFilterContext context, int status, Type problem, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(problem, context.SchemaRepository) },
            },
        };
    }
}
