namespace ComplianceCheck.Review.Model;

/// <summary>
/// One checker finding as kept with a version. The raw JSON (same keys as <c>compliance check --format json</c>) is
/// kept beside these fields so the API returns exactly what the checker said.
/// </summary>
public sealed record StoredFinding
{
    /// <summary>Position in the version's finding list; dispositions refer to it.</summary>
    public required int Index { get; init; }

    public required string RuleId { get; init; }

    public required string Category { get; init; }

    /// <summary>"error", "warning" or "info".</summary>
    public required string Severity { get; init; }

    public required string Message { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public string Match { get; init; } = string.Empty;

    public string Source { get; init; } = "rule";

    public string LegalBasis { get; init; } = string.Empty;

    public string? Suggestion { get; init; }

    public bool Suppressed { get; init; }

    public bool InForce { get; init; } = true;

    /// <summary>Offsets of the match in the version's content (equal for a missing statement).</summary>
    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    public bool IsActive => !Suppressed && InForce;

    public bool IsError => Severity == "error";

    /// <summary>A required statement that is absent has no span in the text to highlight.</summary>
    public bool IsMissingStatement => EndOffset <= StartOffset;
}
