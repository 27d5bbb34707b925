namespace ComplianceCheck.Review.Model;

/// <summary>A reviewer's verdict on one finding.</summary>
public enum DispositionKind
{
    /// <summary>The finding is right: the text is a problem.</summary>
    Confirmed,

    /// <summary>The finding is wrong (a false positive); the reason is kept for rule tuning.</summary>
    Dismissed,

    /// <summary>The finding is relevant but acceptable here (e.g. a statement the channel does not need).</summary>
    NotRequired,
}

public static class DispositionKinds
{
    public static IReadOnlyList<DispositionKind> All { get; } = [DispositionKind.Confirmed, DispositionKind.Dismissed, DispositionKind.NotRequired];

    public static string Name(DispositionKind kind) => kind switch
    {
        DispositionKind.Confirmed => "confirmed",
        DispositionKind.Dismissed => "dismissed",
        _ => "not-required",
    };

    public static DispositionKind Parse(string? text)
    {
        foreach (var kind in All)
        {
            if (string.Equals(Name(kind), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new ReviewException(ReviewError.Invalid, $"disposition '{text}' is not one of confirmed, dismissed, not-required");
    }
}
