namespace ComplianceCheck.Classifier;

/// <summary>The sentence labels of the corpus and how they map to rule categories and finding ids.</summary>
public static class Labels
{
    public const string Guarantee = "guarantee";
    public const string Absolute = "absolute";
    public const string Testimonial = "testimonial";
    public const string Inducement = "inducement";
    public const string Apr = "apr";
    public const string CleanPromo = "clean-promo";
    public const string CleanWarning = "clean-warning";

    /// <summary>Every label, risky ones first, in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [Guarantee, Absolute, Testimonial, Inducement, Apr, CleanPromo, CleanWarning];

    /// <summary>The labels that mean "this sentence is a problem".</summary>
    public static readonly IReadOnlyList<string> Risky = [Guarantee, Absolute, Testimonial, Inducement, Apr];

    /// <summary>When a sentence hits rules of several categories, the label reported is the first of these that hit.</summary>
    public static readonly IReadOnlyList<string> Priority = [Guarantee, Apr, Testimonial, Inducement, Absolute];

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public static readonly IReadOnlyList<string> HardKinds = ["none", "paraphrase", "negation", "warning", "quotation", "ordinal", "lookalike"];

    public static bool IsKnown(string label) => All.Contains(label);

    public static bool IsRisky(string label) => Risky.Contains(label);

    /// <summary>The rule category of a risky label (the same word), used for model findings.</summary>
    public static string Category(string label) => label;

    /// <summary>The label a rule finding of this category stands for, or null when the category is no sentence label (disclaimer, pii…).</summary>
    public static string? FromCategory(string category) => Risky.Contains(category) ? category : null;

    /// <summary>The rule id of a model finding: ML-GUARANTEE, ML-ABSOLUTE…</summary>
    public static string RuleId(string label) => "ML-" + label.ToUpperInvariant();

    public static int Index(string label)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"unknown label '{label}'", nameof(label));
    }
}
