using FluentValidation;
using GridCase.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// Turns every expected failure into ProblemDetails: bad input 400 (fields named), sign-in 401, role 403,
/// unknown ids 404, a refused transition 409, a broken domain rule 422, not now 429/503 (with Retry-After).
/// Anything else stays a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string TypeBase = "https://gridcase.dev/problems/";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => new HttpValidationProblemDetails(
                validation.Errors
                    .GroupBy(e => JsonName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "请求无效 / The request is invalid.",
                Type = TypeBase + "validation",
            },
            BadHttpRequestException bad => Unreadable(
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                BadInputText.Describe(bad)),
            System.Text.Json.JsonException json => Unreadable(StatusCodes.Status400BadRequest, BadInputText.Describe(json)),
            GridCase.Api.Workflows.DefinitionInvalidException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = invalid.Message,
                Type = TypeBase + "definition-invalid",
                Extensions = { ["problems"] = GridCase.Api.Workflows.ProblemResponse.From(invalid.Problems) },
            },
            GridCase.Workflows.Ports.WorkflowConcurrencyException or GridCase.Persistence.Cases.ConcurrencyConflictException =>
                Problem(StatusCodes.Status409Conflict, "concurrent-change", exception.Message),
            GridCase.Api.Events.RefusalException refused => Refused(refused.Refusal),
            ProblemException detailed => WithExtensions(Problem(detailed.Status, detailed.Code, detailed.Message), detailed.Extensions),
            AuthenticationFailedException => Problem(StatusCodes.Status401Unauthorized, "authentication", exception.Message),
            RetryLaterException later => Problem(later.Status, later.Code, later.Message),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, forbidden.Code, exception.Message),
            NotFoundException => Problem(StatusCodes.Status404NotFound, "not-found", exception.Message),
            InvalidTransitionException domain => Problem(StatusCodes.Status409Conflict, domain.Code, exception.Message),
            DomainRuleException domain => Problem(StatusCodes.Status422UnprocessableEntity, domain.Code, exception.Message),
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is RetryLaterException retry)
        {
            httpContext.Response.Headers.RetryAfter = retry.RetryAfterSeconds;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Refused(GridCase.Workflows.Runtime.Refusal refusal) => refusal.Kind switch
    {
        GridCase.Workflows.Runtime.RefusalKind.Invalid => new HttpValidationProblemDetails(
            refusal.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? new Dictionary<string, string[]> { [""] = [refusal.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = refusal.Message,
            Type = TypeBase + refusal.Code,
        },
        GridCase.Workflows.Runtime.RefusalKind.NotFound => Problem(StatusCodes.Status404NotFound, refusal.Code, refusal.Message),
        _ => Problem(StatusCodes.Status409Conflict, refusal.Code, refusal.Message),
    };

    /// <summary>A request that could not be read: the field named (when there is one) and the form it must have.</summary>
    private static ProblemDetails Unreadable(int status, BadInputText.Problem problem)
    {
        var details = problem.Field.Length == 0
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [problem.Field] = [problem.Message] });
        details.Status = status;
        details.Title = "请求无效 / The request is invalid.";
        details.Detail = problem.Message;
        details.Type = TypeBase + "bad-request";
        return details;
    }

    private static ProblemDetails Problem(int status, string code, string detail) => new()
    {
        Status = status,
        Title = detail,
        Type = TypeBase + code,
        Detail = detail,
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "" : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
