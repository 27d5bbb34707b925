using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Engine;

public enum FixKind
{
    /// <summary>Replace the source span with the rule's compliant wording.</summary>
    Replace,

    /// <summary>Insert a missing required statement at <see cref="Fix.Start"/> (a format-aware writer adds breaks).</summary>
    InsertStatement,
}

/// <summary>A safe, rule-defined edit in original-text offsets.</summary>
public sealed record Fix(FixKind Kind, int Start, int End, string Text);

/// <summary>One problem found in a draft, positioned in the original file.</summary>
public sealed record Finding
{
    public required string RuleId { get; init; }

    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    public required string Message { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public required int EndLine { get; init; }

    /// <summary>1-based column just past the last character (exclusive), as in SARIF.</summary>
    public required int EndColumn { get; init; }

    /// <summary>The original text at the span (empty for a missing statement).</summary>
    public required string Match { get; init; }

    /// <summary>"rule" or "model".</summary>
    public string Source { get; init; } = "rule";

    public double? Confidence { get; init; }

    public required string LegalBasis { get; init; }

    public string? Suggestion { get; init; }

    public bool Suppressed { get; init; }

    public string? SuppressionReason { get; init; }

    public ReviewHint Review { get; init; } = ReviewHint.Violation;

    /// <summary>False when the rule's basis takes effect after the scan date: reported apart, never fails the gate.</summary>
    public bool InForce { get; init; } = true;

    /// <summary>Why the severity was lowered: <see cref="QuotedNote"/>, <see cref="WarningDraftNote"/>.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Info because its rule (or the configuration) makes it a hint, not because context lowered a claim: a hint says nothing about
    /// whether the sentence quotes or warns.
    /// </summary>
    public bool IsHint { get; init; }

    /// <summary>The claim is quoted, denied or listed as wording to avoid, not made.</summary>
    public const string QuotedNote = "likely a quotation or warning";

    /// <summary>The draft as a whole warns against such claims (an anti-fraud post, compliance training): it retells them.</summary>
    public const string WarningDraftNote = "in a draft that warns against such claims";

    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    /// <summary>The sentence around the match (folded), used for baseline fingerprints that survive line moves.</summary>
    public string Context { get; init; } = string.Empty;

    public Fix? Fix { get; init; }

    /// <summary>Whether this finding counts towards the exit code.</summary>
    public bool IsActive => !Suppressed && InForce;
}
