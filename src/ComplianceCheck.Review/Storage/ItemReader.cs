using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Model;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Storage;

/// <summary>Reads items (whole, with history) and queue summaries from the SQLite store.</summary>
internal static class ItemReader
{
    private const string HeaderColumns =
        "i.id, i.title, i.file_name, i.format, i.product, i.channel, i.author, i.created_at, i.state, i.stage_entered_at, i.updated_at, i.current_version, i.revision";

    // The summary index holds every version column the queue reads; by itself the planner would pick the primary key
    // and then read the table row, whose summary columns sit after the content and findings on overflow pages.
    private const string CurrentVersionJoin =
        "JOIN versions v INDEXED BY versions_summary ON v.item_id = i.id AND v.number = i.current_version";

    public static ReviewItem? Load(SqliteConnection connection, long id)
    {
        ItemHeader? header;
        using (var command = connection.Command($"SELECT {HeaderColumns} FROM items i WHERE i.id = $id", ("$id", id)))
        using (var reader = command.ExecuteReader())
        {
            header = reader.Read() ? ReadHeader(reader) : null;
        }

        if (header == null)
        {
            return null;
        }

        return new ReviewItem
        {
            Header = header,
            Versions = ReadAll(connection, id,
                "SELECT number, sha256, content, findings_json, rules_fingerprint, model_fingerprint, tool_version, submitted_by, submitted_at FROM versions WHERE item_id = $id ORDER BY number",
                ReadVersion),
            Dispositions = ReadAll(connection, id,
                "SELECT version, finding_index, rule_id, stage, kind, reason, actor, role, at FROM dispositions WHERE item_id = $id ORDER BY id",
                r => ReadDisposition(r, 0)),
            Decisions = ReadAll(connection, id,
                "SELECT version, content_hash, stage, kind, comment, actor, role, at, voided_by_version FROM decisions WHERE item_id = $id ORDER BY id",
                ReadDecision),
            Comments = ReadAll(connection, id,
                "SELECT version, text, actor, role, at FROM comments WHERE item_id = $id ORDER BY id",
                ReadComment),
        };
    }

    public static IReadOnlyList<ItemSummary> List(SqliteConnection connection, ItemQuery query)
    {
        if (query.After != null && query.Before != null)
        {
            throw new ArgumentException("a queue query pages after a place or before one, not both", nameof(query));
        }

        var filter = QueueFilter.Of(query);
        var parameters = new List<(string, object?)>(filter.Parameters) { ("$limit", query.Limit) };

        // Paging backwards reads the queue in reverse from the place, then turns the page round.
        bool backwards = query.Before != null;
        bool descending = query.NewestFirst != backwards;
        string? seek = null;
        if ((query.After ?? query.Before) is { } place)
        {
            // The first comparison is implied by the second; it is there so the planner seeks the index to the place
            // instead of reading the queue from its start.
            string beyond = descending ? "<" : ">";
            seek = $"i.stage_entered_at {beyond}= $at AND (i.stage_entered_at {beyond} $at OR i.id {beyond} $id)";
            parameters.Add(("$at", Timestamps.Format(place.StageEnteredAt)));
            parameters.Add(("$id", place.Id));
        }

        string direction = descending ? "DESC" : "ASC";
        string sql =
            $"""
            SELECT {HeaderColumns}, v.sha256, v.errors, v.warnings, v.infos, v.categories
            FROM items i {CurrentVersionJoin}
            {filter.WhereClause(seek)}
            ORDER BY i.stage_entered_at {direction}, i.id {direction}
            LIMIT $limit
            """;
        using var command = connection.Command(sql, [.. parameters]);
        using var reader = command.ExecuteReader();
        var items = new List<ItemSummary>();
        while (reader.Read())
        {
            items.Add(new ItemSummary(
                ReadHeader(reader), reader.GetString(13), reader.GetInt32(14), reader.GetInt32(15), reader.GetInt32(16),
                reader.GetString(17).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        if (backwards)
        {
            items.Reverse();
        }

        return items;
    }

    public static int Count(SqliteConnection connection, QueueFilter filter)
    {
        // Every item has its current version, so the join only matters when a version column is filtered on.
        string join = filter.NeedsVersion ? CurrentVersionJoin : string.Empty;
        return (int)connection.Scalar<long>($"SELECT COUNT(*) FROM items i {join} {filter.WhereClause()}", [.. filter.Parameters]);
    }

    public static Disposition ReadDisposition(SqliteDataReader r, int first) => new()
    {
        Version = r.GetInt32(first),
        FindingIndex = r.GetInt32(first + 1),
        RuleId = r.GetString(first + 2),
        Stage = Stages.Parse(r.GetString(first + 3)),
        Kind = DispositionKinds.Parse(r.GetString(first + 4)),
        Reason = r.NullableString(first + 5),
        Actor = r.GetString(first + 6),
        Role = Roles.Parse(r.GetString(first + 7)),
        At = Timestamps.Parse(r.GetString(first + 8)),
    };

    private static ItemHeader ReadHeader(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Title = r.GetString(1),
        FileName = r.GetString(2),
        Format = r.GetString(3),
        Product = r.NullableString(4),
        Channel = r.NullableString(5),
        Author = r.GetString(6),
        CreatedAt = Timestamps.Parse(r.GetString(7)),
        State = ItemState.TryParse(r.GetString(8), out var state) ? state : throw new InvalidDataException($"item {r.GetInt64(0)} has unknown state '{r.GetString(8)}'"),
        StageEnteredAt = Timestamps.Parse(r.GetString(9)),
        UpdatedAt = Timestamps.Parse(r.GetString(10)),
        CurrentVersion = r.GetInt32(11),
        Revision = r.GetInt64(12),
    };

    private static ItemVersion ReadVersion(SqliteDataReader r)
    {
        string findingsJson = r.GetString(3);
        return new ItemVersion
        {
            Number = r.GetInt32(0),
            Sha256 = r.GetString(1),
            Content = r.GetString(2),
            FindingsJson = findingsJson,
            Findings = FindingJson.Parse(findingsJson),
            RulesFingerprint = r.GetString(4),
            ModelFingerprint = r.NullableString(5),
            ToolVersion = r.GetString(6),
            SubmittedBy = r.GetString(7),
            SubmittedAt = Timestamps.Parse(r.GetString(8)),
        };
    }

    private static Decision ReadDecision(SqliteDataReader r) => new()
    {
        Version = r.GetInt32(0),
        ContentHash = r.GetString(1),
        Stage = Stages.Parse(r.GetString(2)),
        Kind = DecisionKinds.Parse(r.GetString(3)),
        Comment = r.NullableString(4),
        Actor = r.GetString(5),
        Role = Roles.Parse(r.GetString(6)),
        At = Timestamps.Parse(r.GetString(7)),
        VoidedByVersion = r.IsDBNull(8) ? null : r.GetInt32(8),
    };

    private static Comment ReadComment(SqliteDataReader r) => new()
    {
        Version = r.GetInt32(0),
        Text = r.GetString(1),
        Actor = r.GetString(2),
        Role = Roles.Parse(r.GetString(3)),
        At = Timestamps.Parse(r.GetString(4)),
    };

    private static List<T> ReadAll<T>(SqliteConnection connection, long id, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.Command(sql, ("$id", id));
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
