using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Audit;

/// <summary>The outcome of checking the chain: intact, or the first event that does not fit and why.</summary>
public sealed record AuditVerification(long EventsChecked, long? FirstBadSequence, string? Problem)
{
    public bool IsIntact => Problem == null;
}

/// <summary>
/// Links audit events into a hash chain: each hash covers the event's fields and the previous hash, so editing,
/// reordering or deleting any event changes every hash after it.
/// </summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string HashOf(long sequence, AuditEntry entry, string previousHash)
    {
        var text = new StringBuilder();
        // Each field is length-prefixed so that moving characters between neighbouring fields changes the hash.
        foreach (string? field in Fields(sequence, entry, previousHash))
        {
            if (field == null)
            {
                text.Append("-1:");
            }
            else
            {
                text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }

            text.Append('|');
        }

        return ContentHash.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks events in sequence order against each other and against the recorded head of the chain.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEvent> events, long headSequence, string headHash)
    {
        string previous = GenesisHash;
        long expectedSequence = 1;
        long checkedCount = 0;
        foreach (var e in events)
        {
            if (e.Sequence != expectedSequence)
            {
                return new(checkedCount, expectedSequence, $"event {expectedSequence} is missing (next stored event is {e.Sequence})");
            }

            if (e.PreviousHash != previous)
            {
                return new(checkedCount, e.Sequence, $"event {e.Sequence} does not link to the event before it");
            }

            if (HashOf(e.Sequence, e.Entry, e.PreviousHash) != e.Hash)
            {
                return new(checkedCount, e.Sequence, $"event {e.Sequence} was changed after it was written (its hash does not match its fields)");
            }

            previous = e.Hash;
            expectedSequence++;
            checkedCount++;
        }

        long last = expectedSequence - 1;
        if (last != headSequence || previous != headHash)
        {
            // Deleting the newest events leaves a chain that is consistent in itself; the head record catches that.
            return new(checkedCount, last + 1, $"the chain ends at event {last} but {headSequence} event(s) were recorded");
        }

        return new(checkedCount, null, null);
    }

    private static IEnumerable<string?> Fields(long sequence, AuditEntry e, string previousHash) =>
    [
        sequence.ToString(CultureInfo.InvariantCulture), Timestamps.Format(e.At), e.Actor, e.Role, e.Action,
        e.ItemId?.ToString(CultureInfo.InvariantCulture), e.VersionHash, e.Decision, e.Comment, previousHash,
    ];
}
