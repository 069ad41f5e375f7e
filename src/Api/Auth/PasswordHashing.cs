using GridCase.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace GridCase.Api.Auth;

/// <summary>PBKDF2 password hashes (ASP.NET Core Identity's format, versioned, salted).</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<User> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public bool Verify(User user, string password) => Matches(user.PasswordHash, password);

    public bool Matches(string passwordHash, string password) =>
        _hasher.VerifyHashedPassword(null!, passwordHash, password) != PasswordVerificationResult.Failed;
}
