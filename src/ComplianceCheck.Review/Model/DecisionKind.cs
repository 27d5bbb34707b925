namespace ComplianceCheck.Review.Model;

public enum DecisionKind
{
    Approve,

    /// <summary>Legal only: approve on condition of the edits in the comment; goes back to creative for them.</summary>
    ApproveWithChanges,

    RequestChanges,

    Reject,
}

public static class DecisionKinds
{
    public static IReadOnlyList<DecisionKind> All { get; } =
        [DecisionKind.Approve, DecisionKind.ApproveWithChanges, DecisionKind.RequestChanges, DecisionKind.Reject];

    public static string Name(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "approve",
        DecisionKind.ApproveWithChanges => "approve-with-changes",
        DecisionKind.RequestChanges => "request-changes",
        _ => "reject",
    };

    /// <summary>Which decisions each stage offers; the creative stage can only pass the draft on or withdraw it.</summary>
    public static IReadOnlyList<DecisionKind> AllowedAt(Stage stage) => stage switch
    {
        Stage.Creative => [DecisionKind.Approve, DecisionKind.Reject],
        Stage.Legal => All,
        _ => [DecisionKind.Approve, DecisionKind.RequestChanges, DecisionKind.Reject],
    };

    /// <summary>Sending a draft back or closing it must say why, so the author (and the auditor) can act on it.</summary>
    public static bool NeedsComment(DecisionKind kind) => kind != DecisionKind.Approve;

    public static bool IsApproval(DecisionKind kind) => kind is DecisionKind.Approve or DecisionKind.ApproveWithChanges;

    public static DecisionKind Parse(string? text)
    {
        foreach (var kind in All)
        {
            if (string.Equals(Name(kind), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new ReviewException(ReviewError.Invalid, $"decision '{text}' is not one of {string.Join(", ", All.Select(Name))}");
    }
}
