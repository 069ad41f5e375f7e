using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GridCase.Workflows.Journal;

/// <summary>The hash chain over an instance's journal, and its verification.</summary>
public static class JournalChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The canonical text of an entry: every field but the hashes, as a JSON array.</summary>
    public static string Canonical(JournalEntry entry) => CanonicalJson.Write(new object?[]
    {
        entry.InstanceId.ToString("D"),
        entry.Seq,
        DateTime.SpecifyKind(entry.At, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        entry.Actor.UserId,
        entry.Actor.Role,
        entry.Actor.Unit,
        entry.Kind,
        entry.NodeId,
        entry.DefinitionId,
        (long)entry.DefinitionVersion,
        entry.Rule,
        entry.DataJson,
    });

    public static string ComputeHash(string prevHash, JournalEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(prevHash + Canonical(entry));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Returns the entry with <see cref="JournalEntry.PrevHash"/> and <see cref="JournalEntry.Hash"/> set.</summary>
    public static JournalEntry Seal(JournalEntry entry, string prevHash)
    {
        var linked = entry with { PrevHash = prevHash, Hash = "" };
        return linked with { Hash = ComputeHash(prevHash, linked) };
    }

    /// <summary>
    /// Checks that seqs run 1, 2, 3… without gap or repeat, each entry links to the one before, and each
    /// hash matches its content. Returns the first seq where that fails, or <c>null</c> when the chain holds.
    /// </summary>
    public static long? FirstBrokenSeq(IReadOnlyList<JournalEntry> entries)
    {
        var prev = GenesisHash;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var expectedSeq = i + 1;
            if (entry.Seq != expectedSeq || entry.PrevHash != prev || entry.Hash != ComputeHash(entry.PrevHash, entry))
            {
                return expectedSeq;
            }

            prev = entry.Hash;
        }

        return null;
    }
}
