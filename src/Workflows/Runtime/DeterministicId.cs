using System.Security.Cryptography;
using System.Text;

namespace GridCase.Workflows.Runtime;

/// <summary>Ids for tasks and timers derived from the instance and a counter, so re-execution reproduces them.</summary>
public static class DeterministicId
{
    public static string For(Guid instanceId, int counter)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes($"{instanceId:N}/{counter}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version nibble 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
