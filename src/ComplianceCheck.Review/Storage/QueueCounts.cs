using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Storage;

/// <summary>
/// Queue counts kept until the queue changes. A count with a rule-category filter reads every item's current version
/// (milliseconds at 10,000 items), and every page of a list asks for one. Every change to an item appends audit events in
/// its own transaction, so the audit head's sequence number names the state of the queue, whichever process wrote it.
/// </summary>
internal sealed class QueueCounts
{
    // Enough for every filter combination reviewers use; a flood of odd queries only stops being remembered.
    private const int MaxFilters = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _sequence = -1;

    public int Count(SqliteConnection connection, QueueFilter filter)
    {
        // One read transaction, so the sequence number and the count come from the same snapshot.
        connection.Execute("BEGIN");
        try
        {
            long sequence = connection.Scalar<long>("SELECT seq FROM audit_head");
            lock (_gate)
            {
                if (sequence == _sequence && _counts.TryGetValue(filter.Key, out int known))
                {
                    return known;
                }
            }

            int count = ItemReader.Count(connection, filter);
            lock (_gate)
            {
                if (sequence > _sequence)
                {
                    _counts.Clear();
                    _sequence = sequence;
                }

                if (sequence == _sequence && _counts.Count < MaxFilters)
                {
                    _counts[filter.Key] = count;
                }
            }

            return count;
        }
        finally
        {
            connection.Execute("COMMIT");
        }
    }
}
