using GridCase.Domain.Organisation;

namespace GridCase.Persistence.Seed;

/// <summary>A demo account to create; the password is chosen by whoever seeds the store.</summary>
public sealed record DemoUserSpec(string UserName, string DisplayName, Role Role, UnitCode Unit);
