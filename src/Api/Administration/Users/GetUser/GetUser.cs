using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration.Users.GetUser;

public sealed record GetUserQuery(string UserName, Actor Caller) : IQuery<UserResponse>;

public sealed class GetUserHandler(GridCaseDb db, OrgSnapshot org) : IQueryHandler<GetUserQuery, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetUserQuery query, CancellationToken cancellationToken) =>
        UserResponse.From(await AdministeredUser.FindAsync(db.Users.AsNoTracking(), query.UserName, query.Caller, cancellationToken), org.Current);
}
