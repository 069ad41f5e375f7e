using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace GridCase.Api.Infrastructure;

/// <summary>
/// The key that signs access tokens: from configuration, or in demo mode generated once and kept in the
/// data folder so tokens survive a restart.
/// </summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    public static SigningKey Resolve(GridCaseSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            return new SigningKey(new SymmetricSecurityKey(Convert.FromBase64String(settings.SigningKey)));
        }

        var path = Path.Combine(settings.Persistence.DataDirectory, "signing-key");
        Directory.CreateDirectory(settings.Persistence.DataDirectory);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var temporary = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, fresh);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                // Another node created it first; use theirs.
                File.Delete(temporary);
            }
        }

        return new SigningKey(new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())));
    }
}
