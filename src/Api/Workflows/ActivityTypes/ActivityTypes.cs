using System.Text.Json.Nodes;
using GridCase.Workflows.Activities;
using Mediator;

namespace GridCase.Api.Workflows.ActivityTypes;

public sealed record ActivityTypesQuery : IQuery<IReadOnlyList<ActivityTypeResponse>>;

/// <summary>A palette entry: what the designer needs to draw the node and its properties panel.</summary>
public sealed record ActivityTypeResponse(
    string Type,
    string Title,
    string TitleEn,
    string Category,
    string Description,
    JsonNode? PropertySchema,
    IReadOnlyList<string> Outcomes,
    string? OutcomesFromProps);

public sealed class ActivityTypesHandler(ActivityRegistry registry) : IQueryHandler<ActivityTypesQuery, IReadOnlyList<ActivityTypeResponse>>
{
    public ValueTask<IReadOnlyList<ActivityTypeResponse>> Handle(ActivityTypesQuery query, CancellationToken cancellationToken)
    {
        IReadOnlyList<ActivityTypeResponse> types = registry.All
            .Select(a => a.Descriptor)
            .Select(d => new ActivityTypeResponse(d.Type, d.Title, d.TitleEn, d.Category, d.Description, JsonNode.Parse(d.PropertySchema), d.Outcomes, d.OutcomesFromProps))
            .ToList();
        return ValueTask.FromResult(types);
    }
}
