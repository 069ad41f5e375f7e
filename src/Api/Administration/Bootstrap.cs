using GridCase.Api.Auth;
using GridCase.Api.Infrastructure;
using GridCase.Domain;
using GridCase.Domain.Organisation;
using GridCase.Persistence;
using GridCase.Persistence.Administration;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Api.Administration;

/// <summary>
/// Outside demo mode, a database without users gets its first system administrator (系统管理员) from
/// <c>GridCase:Bootstrap:*</c>, once; without those keys the server does not start. With a database that has no
/// units yet, the city named by the keys is created too, and the administrator belongs to it.
/// </summary>
public sealed class Bootstrap(GridCaseDb db, GridCaseSettings settings, PasswordHashing passwords, AdminLog log, ILogger<Bootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var keys = settings.Bootstrap;
        if (keys.Problem() is { } problem)
        {
            throw new ConfigurationException(problem);
        }

        var city = await db.OrgUnits.AsNoTracking()
            .Where(u => u.Level == OrgLevel.City && u.Kind == UnitKind.Area).OrderBy(u => u.Code).FirstOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            if (keys.City is null || keys.CityName is null)
            {
                throw new ConfigurationException(
                    $"the database has no units: set {BootstrapSettings.CityKey} and {BootstrapSettings.CityNameKey} (e.g. 140500 and 晋城市) for the first administrator's city.");
            }

            if (!UnitCode.TryParse(keys.City, out var code) || code.AreaLevel != OrgLevel.City)
            {
                throw new ConfigurationException($"{BootstrapSettings.CityKey} must be a city's six-digit division code ending in 00, such as 140500, not '{keys.City}'.");
            }

            city = OrgUnit.Area(code, keys.CityName, parent: null);
            db.OrgUnits.Add(city);
            await log.TouchAsync(ReferenceVersionRow.Organisation, cancellationToken);
        }

        var admin = new User(keys.AdminUser!, "系统管理员", Role.SystemAdmin, city.Code, passwords.Hash(keys.AdminPassword!));
        db.Users.Add(admin);
        log.Record(Actor.System, AdminChangeKinds.AdministratorBootstrapped, admin.UserName, city.Code.Value,
            new { role = admin.Role.ToString(), unit = city.Code.Value, cityName = city.Name });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the first system administrator '{User}' for {City} {CityName}.", admin.UserName, city.Code, city.Name);
    }
}
