using ComplianceCheck.Review.Audit;
using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Workflow;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Review.Storage;

/// <summary>
/// The review store in one SQLite file: created and migrated on open, WAL journal (readers never wait for the writer),
/// <c>synchronous=FULL</c> and one IMMEDIATE transaction per change, so a killed process leaves every change either
/// fully written or absent.
/// </summary>
public sealed class SqliteReviewStore : IReviewStore
{
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;

    // SQLite admits one writer at a time; queueing writers here is cheaper than letting them spin on SQLITE_BUSY.
    // Other processes (the CLI adding a user while the server runs) are still serialized by the database lock.
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly QueueCounts _counts = new();

    public SqliteReviewStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (folder != null)
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using (var connection = Open())
        {
            // WAL is a property of the file: set once, it holds for every later connection.
            connection.Execute("PRAGMA journal_mode = WAL");
        }

        SchemaMigrations.Apply(this);
    }

    public string Path { get; }

    internal SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // Per connection: FULL makes each commit durable before it is acknowledged; waiting beats failing when busy.
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public User AddUser(User user, AuditEntry audit) => Write(connection =>
    {
        long id;
        try
        {
            id = connection.Scalar<long>(
                """
                INSERT INTO users (name, role, password_hash, token_hash, token_expires_at, created_at)
                VALUES ($name, $role, $password, $token, $expires, $created) RETURNING id
                """,
                ("$name", user.Name), ("$role", Roles.Name(user.Role)), ("$password", user.PasswordHash), ("$token", user.TokenHash),
                ("$expires", user.TokenExpiresAt is { } e ? Timestamps.Format(e) : null), ("$created", Timestamps.Format(user.CreatedAt)));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new ReviewException(ReviewError.Conflict, $"a user named '{user.Name}' already exists");
        }

        AuditLog.Append(connection, [audit]);
        return user with { Id = id };
    });

    public User? FindUserByName(string name) => ReadUser("name = $v", name);

    public User? FindUserByTokenHash(string tokenHash) => ReadUser("token_hash = $v", tokenHash);

    public int CountUsers()
    {
        using var connection = Open();
        return (int)connection.Scalar<long>("SELECT COUNT(*) FROM users");
    }

    public ReviewItem CreateItem(ItemChange change)
    {
        long id = Write(connection =>
        {
            var h = change.Header;
            long newId = connection.Scalar<long>(
                """
                INSERT INTO items (title, file_name, format, product, channel, author, created_at, state, stage, stage_entered_at, updated_at, current_version, revision)
                VALUES ($title, $file, $format, $product, $channel, $author, $created, $state, $stage, $entered, $updated, $current, 1) RETURNING id
                """,
                ("$title", h.Title), ("$file", h.FileName), ("$format", h.Format), ("$product", h.Product), ("$channel", h.Channel),
                ("$author", h.Author), ("$created", Timestamps.Format(h.CreatedAt)), ("$state", h.State.Name), ("$stage", StageName(h.State)),
                ("$entered", Timestamps.Format(h.StageEnteredAt)), ("$updated", Timestamps.Format(h.UpdatedAt)), ("$current", h.CurrentVersion));
            WriteHistory(connection, newId, change);
            return newId;
        });
        return GetItem(id)!;
    }

    public ReviewItem UpdateItem(long id, Func<ReviewItem, ItemChange> decide)
    {
        Write(connection =>
        {
            var item = ItemReader.Load(connection, id) ?? throw new ReviewException(ReviewError.NotFound, $"no item {id}");
            var change = decide(item);
            var h = change.Header;
            int updated = connection.Execute(
                """
                UPDATE items SET title = $title, state = $state, stage = $stage, stage_entered_at = $entered, updated_at = $updated,
                    current_version = $current, revision = revision + 1
                WHERE id = $id AND revision = $revision
                """,
                ("$title", h.Title), ("$state", h.State.Name), ("$stage", StageName(h.State)), ("$entered", Timestamps.Format(h.StageEnteredAt)),
                ("$updated", Timestamps.Format(h.UpdatedAt)), ("$current", h.CurrentVersion), ("$id", id), ("$revision", item.Header.Revision));
            if (updated != 1)
            {
                throw new ReviewException(ReviewError.Conflict, $"item {id} was changed by someone else; reload it and try again");
            }

            WriteHistory(connection, id, change);
            return 0;
        });
        return GetItem(id)!;
    }

    public ReviewItem? GetItem(long id)
    {
        using var connection = Open();
        return ItemReader.Load(connection, id);
    }

    public IReadOnlyList<ItemSummary> ListItems(ItemQuery query)
    {
        using var connection = Open();
        return ItemReader.List(connection, query);
    }

    public int CountItems(ItemQuery query)
    {
        using var connection = Open();
        return _counts.Count(connection, QueueFilter.Of(query));
    }

    public IReadOnlyList<long> FindItemsWithContent(string sha256)
    {
        using var connection = Open();
        using var command = connection.Command("SELECT DISTINCT item_id FROM versions WHERE sha256 = $sha ORDER BY item_id", ("$sha", sha256));
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public IReadOnlyList<AuditEvent> ReadAudit(long? itemId = null)
    {
        using var connection = Open();
        return AuditLog.Read(connection, itemId).ToList();
    }

    public AuditVerification VerifyAudit()
    {
        using var connection = Open();
        return AuditLog.Verify(connection);
    }

    public IReadOnlyList<DismissalRecord> ListDismissals()
    {
        using var connection = Open();
        using var command = connection.Command(
            """
            SELECT d.item_id, d.version, d.finding_index, d.rule_id, d.stage, d.kind, d.reason, d.actor, d.role, d.at, v.findings_json
            FROM dispositions d JOIN versions v ON v.item_id = d.item_id AND v.number = d.version
            WHERE d.kind = 'dismissed' ORDER BY d.id
            """);
        using var reader = command.ExecuteReader();
        var records = new List<DismissalRecord>();
        var findingsByVersion = new Dictionary<(long, int), IReadOnlyList<StoredFinding>>();
        while (reader.Read())
        {
            long itemId = reader.GetInt64(0);
            var disposition = ItemReader.ReadDisposition(reader, 1);
            var key = (itemId, disposition.Version);
            if (!findingsByVersion.TryGetValue(key, out var findings))
            {
                findings = findingsByVersion[key] = FindingJson.Parse(reader.GetString(10));
            }

            records.Add(new DismissalRecord(itemId, disposition, findings.FirstOrDefault(f => f.Index == disposition.FindingIndex)));
        }

        return records;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction, which takes the write lock at its first statement so
    /// the state <paramref name="work"/> reads cannot change before it writes.
    /// </summary>
    internal T Write<T>(Func<SqliteConnection, T> work)
    {
        _writer.Wait();
        try
        {
            using var connection = Open();
            connection.Execute("BEGIN IMMEDIATE");
            try
            {
                var result = work(connection);
                connection.Execute("COMMIT");
                return result;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                connection.Execute("ROLLBACK");

                // The database's own guards (one approval per stage and version) fired: someone else got there first.
                throw new ReviewException(ReviewError.Conflict, "the change conflicts with one already recorded: " + ex.Message);
            }
            catch
            {
                connection.Execute("ROLLBACK");
                throw;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private static void WriteHistory(SqliteConnection connection, long itemId, ItemChange change)
    {
        if (change.NewVersion is { } v)
        {
            var active = v.ActiveFindings.ToList();
            connection.Execute(
                """
                INSERT INTO versions (item_id, number, sha256, content, findings_json, errors, warnings, infos, categories,
                    rules_fingerprint, model_fingerprint, tool_version, submitted_by, submitted_at)
                VALUES ($item, $number, $sha, $content, $findings, $errors, $warnings, $infos, $categories, $rules, $model, $tool, $by, $at)
                """,
                ("$item", itemId), ("$number", v.Number), ("$sha", v.Sha256), ("$content", v.Content), ("$findings", v.FindingsJson),
                ("$errors", active.Count(f => f.Severity == "error")), ("$warnings", active.Count(f => f.Severity == "warning")),
                ("$infos", active.Count(f => f.Severity == "info")), ("$categories", string.Join(' ', active.Select(f => f.Category).Distinct().Order(StringComparer.Ordinal))),
                ("$rules", v.RulesFingerprint), ("$model", v.ModelFingerprint), ("$tool", v.ToolVersion), ("$by", v.SubmittedBy), ("$at", Timestamps.Format(v.SubmittedAt)));
        }

        if (change.VoidApprovalsBefore is { } voidingVersion)
        {
            connection.Execute(
                """
                UPDATE decisions SET voided_by_version = $v
                WHERE item_id = $item AND version < $v AND voided_by_version IS NULL AND kind IN ('approve', 'approve-with-changes')
                """,
                ("$v", voidingVersion), ("$item", itemId));
        }

        if (change.NewDisposition is { } d)
        {
            connection.Execute(
                """
                INSERT INTO dispositions (item_id, version, finding_index, rule_id, stage, kind, reason, actor, role, at)
                VALUES ($item, $version, $index, $rule, $stage, $kind, $reason, $actor, $role, $at)
                """,
                ("$item", itemId), ("$version", d.Version), ("$index", d.FindingIndex), ("$rule", d.RuleId), ("$stage", Stages.Name(d.Stage)),
                ("$kind", DispositionKinds.Name(d.Kind)), ("$reason", d.Reason), ("$actor", d.Actor), ("$role", Roles.Name(d.Role)), ("$at", Timestamps.Format(d.At)));
        }

        if (change.NewDecision is { } decision)
        {
            connection.Execute(
                """
                INSERT INTO decisions (item_id, version, content_hash, stage, kind, comment, actor, role, at)
                VALUES ($item, $version, $hash, $stage, $kind, $comment, $actor, $role, $at)
                """,
                ("$item", itemId), ("$version", decision.Version), ("$hash", decision.ContentHash), ("$stage", Stages.Name(decision.Stage)),
                ("$kind", DecisionKinds.Name(decision.Kind)), ("$comment", decision.Comment), ("$actor", decision.Actor),
                ("$role", Roles.Name(decision.Role)), ("$at", Timestamps.Format(decision.At)));
        }

        if (change.NewComment is { } c)
        {
            connection.Execute(
                "INSERT INTO comments (item_id, version, text, actor, role, at) VALUES ($item, $version, $text, $actor, $role, $at)",
                ("$item", itemId), ("$version", c.Version), ("$text", c.Text), ("$actor", c.Actor), ("$role", Roles.Name(c.Role)), ("$at", Timestamps.Format(c.At)));
        }

        AuditLog.Append(connection, change.Audit.Select(e => e with { ItemId = itemId }));
    }

    private User? ReadUser(string where, string value)
    {
        using var connection = Open();
        using var command = connection.Command(
            $"SELECT id, name, role, password_hash, token_hash, token_expires_at, created_at FROM users WHERE {where}", ("$v", value));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new User
        {
            Id = reader.GetInt64(0),
            Name = reader.GetString(1),
            Role = Roles.Parse(reader.GetString(2)),
            PasswordHash = reader.GetString(3),
            TokenHash = reader.GetString(4),
            TokenExpiresAt = reader.IsDBNull(5) ? null : Timestamps.Parse(reader.GetString(5)),
            CreatedAt = Timestamps.Parse(reader.GetString(6)),
        };
    }

    private static string? StageName(ItemState state) => state.Stage is { } stage ? Stages.Name(stage) : null;
}
