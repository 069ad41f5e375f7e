using GridCase.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Persistence.Organisation;

/// <summary>Reads and adds organisation units and users.</summary>
public sealed class OrgStore(GridCaseDb db)
{
    public async Task<OrgDirectory> LoadDirectoryAsync(CancellationToken cancellationToken = default) =>
        new(await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken));

    public Task<bool> AnyUnitsAsync(CancellationToken cancellationToken = default) =>
        db.OrgUnits.AnyAsync(cancellationToken);

    public Task<User?> FindUserAsync(string userName, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    public async Task AddAsync(IEnumerable<OrgUnit> units, IEnumerable<User> users, CancellationToken cancellationToken = default)
    {
        db.OrgUnits.AddRange(units);
        db.Users.AddRange(users);
        await db.SaveChangesAsync(cancellationToken);
    }
}
