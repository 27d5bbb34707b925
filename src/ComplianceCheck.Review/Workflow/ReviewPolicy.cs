namespace ComplianceCheck.Review.Workflow;

/// <summary>The configurable parts of the workflow.</summary>
public sealed record ReviewPolicy
{
    /// <summary>
    /// Whether a clean draft (no active findings) goes straight from creative to operations. Off by default: legal
    /// still reads clean drafts, because the checker cannot prove a draft compliant.
    /// </summary>
    public bool CleanDraftsSkipLegal { get; init; }

    /// <summary>The largest draft accepted, in UTF-8 bytes; marketing copy is far smaller, a larger one is a mistake.</summary>
    public int MaxDraftBytes { get; init; } = 1024 * 1024;

    public static ReviewPolicy Default { get; } = new();
}
