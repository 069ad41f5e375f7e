using GridCase.Api.Auth;
using GridCase.Domain.Organisation;
using GridCase.Persistence.Catalogue;
using GridCase.Persistence.Organisation;
using GridCase.Persistence.Seed;

namespace GridCase.Api.Demo;

/// <summary>
/// Seeds the demo city (晋城市 with 城区 and 沁水县), its catalogues and its users when the database is empty.
/// Every demo user's password is "demo"; the hash is computed once and shared, which is fine for demo
/// accounts and keeps the first start fast (one PBKDF2 run instead of ~1,600).
/// </summary>
public sealed class DemoSeeder(OrgStore org, CatalogueStore catalogues, PasswordHashing passwords, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "demo";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await org.AnyUnitsAsync(cancellationToken))
        {
            return;
        }

        var city = DemoCity.Load();
        var hash = passwords.Hash(DemoPassword);
        var users = city.Users.Select(u => new User(u.UserName, u.DisplayName, u.Role, u.Unit, hash)).ToList();
        await org.AddAsync(city.Units, users, cancellationToken);
        foreach (var catalogue in city.Catalogues)
        {
            await catalogues.SaveAsync(catalogue, cancellationToken);
        }

        logger.LogInformation("Seeded the demo city: {Units} units, {Users} users, {Catalogues} catalogues.",
            city.Units.Count, users.Count, city.Catalogues.Count);
    }
}
