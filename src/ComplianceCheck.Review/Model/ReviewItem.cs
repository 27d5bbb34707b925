namespace ComplianceCheck.Review.Model;

/// <summary>The fields of an item that change as it moves through review (everything but its history).</summary>
public sealed record ItemHeader
{
    public long Id { get; init; }

    public required string Title { get; init; }

    public required string FileName { get; init; }

    /// <summary>"markdown", "html" or "text", as the checker read it.</summary>
    public required string Format { get; init; }

    public string? Product { get; init; }

    public string? Channel { get; init; }

    /// <summary>The user who created the item; never allowed to decide at legal or operations.</summary>
    public required string Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required ItemState State { get; init; }

    /// <summary>When the item reached its current stage; the queue's SLA age counts from here.</summary>
    public required DateTimeOffset StageEnteredAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public int CurrentVersion { get; init; }

    /// <summary>Bumped by every change; the store refuses a write based on an older revision.</summary>
    public long Revision { get; init; }
}

/// <summary>One submitted text of a draft, exactly as submitted, with what the checker found in it.</summary>
public sealed record ItemVersion
{
    public required int Number { get; init; }

    /// <summary>Lowercase hex SHA-256 of the content's UTF-8 bytes: what a decision approves.</summary>
    public required string Sha256 { get; init; }

    public required string Content { get; init; }

    public required IReadOnlyList<StoredFinding> Findings { get; init; }

    /// <summary>The findings as a JSON array in the shape of <c>compliance check --format json</c>.</summary>
    public required string FindingsJson { get; init; }

    public required string RulesFingerprint { get; init; }

    public string? ModelFingerprint { get; init; }

    public required string ToolVersion { get; init; }

    public required string SubmittedBy { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public IEnumerable<StoredFinding> ActiveFindings => Findings.Where(f => f.IsActive);
}

public sealed record Disposition
{
    public required int Version { get; init; }

    public required int FindingIndex { get; init; }

    public required string RuleId { get; init; }

    public required Stage Stage { get; init; }

    public required DispositionKind Kind { get; init; }

    public string? Reason { get; init; }

    public required string Actor { get; init; }

    public required Role Role { get; init; }

    public required DateTimeOffset At { get; init; }
}

public sealed record Decision
{
    public required int Version { get; init; }

    public required string ContentHash { get; init; }

    public required Stage Stage { get; init; }

    public required DecisionKind Kind { get; init; }

    public string? Comment { get; init; }

    public required string Actor { get; init; }

    public required Role Role { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Set when a later version made this approval void.</summary>
    public int? VoidedByVersion { get; init; }
}

public sealed record Comment
{
    public required int Version { get; init; }

    public required string Text { get; init; }

    public required string Actor { get; init; }

    public required Role Role { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>An item with its whole history, as loaded for one page or one command.</summary>
public sealed record ReviewItem
{
    public required ItemHeader Header { get; init; }

    public required IReadOnlyList<ItemVersion> Versions { get; init; }

    public IReadOnlyList<Disposition> Dispositions { get; init; } = [];

    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    public IReadOnlyList<Comment> Comments { get; init; } = [];

    public long Id => Header.Id;

    public ItemState State => Header.State;

    public string Author => Header.Author;

    public ItemVersion Current => Versions.First(v => v.Number == Header.CurrentVersion);

    public ItemVersion? Version(int number) => Versions.FirstOrDefault(v => v.Number == number);

    /// <summary>The latest disposition of a finding of the current version made at <paramref name="stage"/>.</summary>
    public Disposition? DispositionOf(int findingIndex, Stage stage) =>
        Dispositions.LastOrDefault(d => d.Version == Header.CurrentVersion && d.FindingIndex == findingIndex && d.Stage == stage);

    /// <summary>The latest disposition of a finding of the current version, whoever made it.</summary>
    public Disposition? LatestDispositionOf(int findingIndex) =>
        Dispositions.LastOrDefault(d => d.Version == Header.CurrentVersion && d.FindingIndex == findingIndex);
}
