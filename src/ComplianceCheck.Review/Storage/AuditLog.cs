using ComplianceCheck.Review.Audit;
using ComplianceCheck.Review.Model;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Storage;

/// <summary>Appends to, reads and verifies the hash-chained audit table (always inside the caller's transaction when writing).</summary>
internal static class AuditLog
{
    private const string Columns = "seq, at, actor, role, action, item_id, version_hash, decision, comment, prev_hash, hash";

    public static void Append(SqliteConnection connection, IEnumerable<AuditEntry> entries)
    {
        var (sequence, previous) = Head(connection);
        foreach (var entry in entries)
        {
            sequence++;
            string hash = AuditChain.HashOf(sequence, entry, previous);
            connection.Execute(
                $"INSERT INTO audit_events ({Columns}) VALUES ($seq, $at, $actor, $role, $action, $item, $version, $decision, $comment, $prev, $hash)",
                ("$seq", sequence), ("$at", Timestamps.Format(entry.At)), ("$actor", entry.Actor), ("$role", entry.Role), ("$action", entry.Action),
                ("$item", entry.ItemId), ("$version", entry.VersionHash), ("$decision", entry.Decision), ("$comment", entry.Comment),
                ("$prev", previous), ("$hash", hash));
            previous = hash;
        }

        connection.Execute("UPDATE audit_head SET seq = $seq, hash = $hash WHERE id = 1", ("$seq", sequence), ("$hash", previous));
    }

    public static IEnumerable<AuditEvent> Read(SqliteConnection connection, long? itemId)
    {
        using var command = itemId is { } id
            ? connection.Command($"SELECT {Columns} FROM audit_events WHERE item_id = $item ORDER BY seq", ("$item", id))
            : connection.Command($"SELECT {Columns} FROM audit_events ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadEvent(reader);
        }
    }

    public static AuditVerification Verify(SqliteConnection connection)
    {
        long headSequence;
        string headHash;
        using (var command = connection.Command("SELECT seq, hash FROM audit_head WHERE id = 1"))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return new AuditVerification(0, 1, "the record of the chain's newest event is missing");
            }

            (headSequence, headHash) = (reader.GetInt64(0), reader.GetString(1));
        }

        try
        {
            return AuditChain.Verify(Read(connection, null), headSequence, headHash);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or InvalidDataException)
        {
            // A row edited into something unreadable (a broken timestamp, a text sequence) is tampering too.
            return new AuditVerification(0, FirstUnreadable(connection), "an event row cannot be read: " + ex.Message);
        }
    }

    private static long? FirstUnreadable(SqliteConnection connection)
    {
        using var command = connection.Command($"SELECT {Columns} FROM audit_events ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            try
            {
                ReadEvent(reader);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or InvalidDataException)
            {
                return reader.IsDBNull(0) ? null : reader.GetValue(0) as long?;
            }
        }

        return null;
    }

    private static (long Sequence, string Hash) Head(SqliteConnection connection)
    {
        using var command = connection.Command("SELECT seq, hash FROM audit_head WHERE id = 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : throw new InvalidDataException("audit_head row is missing");
    }

    private static AuditEvent ReadEvent(SqliteDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        Entry = new AuditEntry
        {
            At = Timestamps.Parse(r.GetString(1)),
            Actor = r.GetString(2),
            Role = r.GetString(3),
            Action = r.GetString(4),
            ItemId = r.IsDBNull(5) ? null : r.GetInt64(5),
            VersionHash = r.NullableString(6),
            Decision = r.NullableString(7),
            Comment = r.NullableString(8),
        },
        PreviousHash = r.GetString(9),
        Hash = r.GetString(10),
    };
}
