using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Workflow;

/// <summary>
/// Everything one command changes about an item, written by the store in a single transaction together with its
/// audit events, so a crash leaves either all of it or none of it.
/// </summary>
public sealed record ItemChange
{
    /// <summary>The item's new header (state, stage time, current version); the store bumps the revision.</summary>
    public required ItemHeader Header { get; init; }

    public ItemVersion? NewVersion { get; init; }

    public Disposition? NewDisposition { get; init; }

    public Decision? NewDecision { get; init; }

    public Comment? NewComment { get; init; }

    /// <summary>When set, approvals of versions before this one are marked void by it.</summary>
    public int? VoidApprovalsBefore { get; init; }

    public required IReadOnlyList<AuditEntry> Audit { get; init; }
}
