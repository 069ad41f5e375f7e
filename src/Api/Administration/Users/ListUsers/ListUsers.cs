using FluentValidation;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users.ListUsers;

/// <summary>
/// The users of the administrator's area by user name, a page at a time (keyset: <paramref name="After"/> is the
/// last user name of the page before). <paramref name="Unit"/> narrows to a unit and the units below it;
/// <paramref name="Q"/> searches user and display names.
/// </summary>
public sealed record ListUsersQuery(string? Unit, string? Role, string? Q, string? Status, string? After, int? Limit, Actor Caller) : IQuery<UserPage>;

/// <summary>One page; <paramref name="Next"/> is the <c>after</c> of the next page, <c>null</c> on the last.</summary>
public sealed record UserPage(IReadOnlyList<UserResponse> Items, string? Next);

public sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public ListUsersValidator()
    {
        RuleFor(q => q.Unit).Must(u => UnitCode.TryParse(u, out _)).When(q => q.Unit is not null)
            .WithMessage("unit 须为单位编码，如 140521 / unit must be a unit code such as 140521.");
        RuleFor(q => q.Role).Role().When(q => q.Role is not null);
        RuleFor(q => q.Status).Must(s => s is UserResponse.Active or UserResponse.Disabled).When(q => q.Status is not null)
            .WithMessage("status 须为 active 或 disabled / status must be active or disabled.");
        RuleFor(q => q.Q).MaximumLength(User.MaxDisplayNameLength).WithMessage($"q 至多 {User.MaxDisplayNameLength} 个字符 / q has at most {User.MaxDisplayNameLength} characters.");
        RuleFor(q => q.After).MaximumLength(User.MaxUserNameLength).WithMessage("after 须为用户名 / after must be a user name.");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit 须在 1–{MaxLimit} 之间 / limit must be 1–{MaxLimit}.");
    }
}

public sealed class ListUsersHandler(GridCaseDb db, OrgSnapshot org) : IQueryHandler<ListUsersQuery, UserPage>
{
    public async ValueTask<UserPage> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var scope = CallerScope.For(query.Caller);
        var users = Within(db.Users.AsNoTracking(), scope);
        if (query.Unit is not null)
        {
            var unit = UnitCode.Parse(query.Unit);
            if (!scope.Covers(unit.Value))
            {
                throw new NotFoundException($"单位 {unit}", $"Unit {unit}");
            }

            // What an administrator of that unit would see: the unit and the units below it.
            users = Within(users, CallerScope.For(Actor.ForUser(query.Caller.UserId, Role.SystemAdmin, unit)));
        }

        if (query.Role is not null)
        {
            var role = UserFieldRules.ParseRole(query.Role);
            users = users.Where(u => u.Role == role);
        }

        if (query.Status is not null)
        {
            users = query.Status == UserResponse.Active ? users.Where(u => u.DisabledAt == null) : users.Where(u => u.DisabledAt != null);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
            users = users.Where(u => u.UserName.ToLower().Contains(q) || u.DisplayName.ToLower().Contains(q));
        }

        if (!string.IsNullOrEmpty(query.After))
        {
            users = users.Where(u => string.Compare(u.UserName, query.After) > 0);
        }

        var limit = query.Limit ?? ListUsersValidator.DefaultLimit;
        var rows = await users.OrderBy(u => u.UserName).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(u => UserResponse.From(u, org.Current)).ToList();
        return new UserPage(page, rows.Count > limit ? page[^1].UserName : null);
    }

    private static IQueryable<User> Within(IQueryable<User> users, CallerScope scope)
    {
        if (scope.ExactUnit is { } exact)
        {
            return users.Where(u => (string)(object)u.UnitCode == exact);
        }

        return scope.Prefix is { } prefix ? users.Where(u => ((string)(object)u.UnitCode).StartsWith(prefix)) : users;
    }
}
