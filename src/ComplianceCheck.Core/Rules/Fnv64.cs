using System.Buffers.Binary;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// FNV-1a over 64-bit words: the rule cache's key and checksum, which guard against stale and damaged files, not against an
/// attacker (the cache folder is the user's own). Plain scalar code on purpose: the vectorised hashes of System.IO.Hashing and
/// SHA-256 through OpenSSL are compiled or loaded at run time, ~8 ms of a one-draft check each; this costs ~1 ms for the
/// packs' 700 KB entry. Each step is a bijection of the running hash, so a change confined to one word is always caught.
/// </summary>
internal struct Fnv64
{
    private const ulong Prime = 0x100000001B3;
    private ulong _hash;

    public Fnv64() => _hash = 0xCBF29CE484222325;

    public static ulong Of(ReadOnlySpan<byte> data)
    {
        var hash = new Fnv64();
        hash.Append(data);
        return hash.Value;
    }

    public readonly ulong Value => _hash;

    public void Append(ReadOnlySpan<byte> data)
    {
        ulong h = _hash;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(data[i..])) * Prime;
        }

        for (; i < data.Length; i++)
        {
            h = (h ^ data[i]) * Prime;
        }

        // The length closes the hash, so data that differs only by trailing zero bytes hashes differently.
        _hash = (h ^ (ulong)data.Length) * Prime;
    }
}
