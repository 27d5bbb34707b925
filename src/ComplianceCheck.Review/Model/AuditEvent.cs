namespace ComplianceCheck.Review.Model;

/// <summary>What happened, before the store numbers it and links it into the hash chain.</summary>
public sealed record AuditEntry
{
    public required string Actor { get; init; }

    public required string Role { get; init; }

    /// <summary>user-created, item-created, version-submitted, disposition, decision, comment.</summary>
    public required string Action { get; init; }

    public long? ItemId { get; init; }

    public string? VersionHash { get; init; }

    /// <summary>The decision or disposition name, when the action is one.</summary>
    public string? Decision { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A stored audit event: the entry plus its place in the chain.</summary>
public sealed record AuditEvent
{
    public required long Sequence { get; init; }

    public required AuditEntry Entry { get; init; }

    /// <summary>The hash of the previous event (64 zeros for the first), so no event can be edited or removed unseen.</summary>
    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
