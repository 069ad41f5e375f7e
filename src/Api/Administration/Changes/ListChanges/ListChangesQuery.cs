using System.Text.Json;
using GridCase.Domain;
using Mediator;

namespace GridCase.Api.Administration.Changes.ListChanges;

/// <summary>Changes within the caller's area, newest first; <see cref="Before"/> is the <c>next</c> of the previous page.</summary>
public sealed record ListChangesQuery(string? Subject, string? Kind, long? Before, int? Limit, Actor Caller) : IQuery<ChangePageResponse>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

public sealed record ChangeActorResponse(string UserId, string Role, string Unit);

public sealed record ChangeResponse(long Id, DateTime At, ChangeActorResponse Actor, string Kind, string Subject, string Area, JsonElement Data);

public sealed record ChangePageResponse(IReadOnlyList<ChangeResponse> Items, long? Next);
