namespace ComplianceCheck.Review.Model;

/// <summary>The three passes of 三方联审, in order: the author's own pass, legal review, operations sign-off.</summary>
public enum Stage
{
    Creative,
    Legal,
    Operations,
}

public static class Stages
{
    public static IReadOnlyList<Stage> All { get; } = [Stage.Creative, Stage.Legal, Stage.Operations];

    public static string Name(Stage stage) => stage switch
    {
        Stage.Creative => "creative",
        Stage.Legal => "legal",
        _ => "operations",
    };

    /// <summary>The Chinese name reviewers use for the stage (创意 / 法务 / 运营).</summary>
    public static string ChineseName(Stage stage) => stage switch
    {
        Stage.Creative => "创意",
        Stage.Legal => "法务",
        _ => "运营",
    };

    /// <summary>Only a user with this role may decide the stage.</summary>
    public static Role DecidedBy(Stage stage) => stage switch
    {
        Stage.Creative => Role.Creative,
        Stage.Legal => Role.Legal,
        _ => Role.Operations,
    };

    public static bool TryParse(string? text, out Stage stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    public static Stage Parse(string? text) =>
        TryParse(text, out var stage) ? stage : throw new ReviewException(ReviewError.Invalid, $"stage '{text}' is not one of creative, legal, operations");
}
