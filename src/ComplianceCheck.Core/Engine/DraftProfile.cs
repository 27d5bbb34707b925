namespace ComplianceCheck.Core.Engine;

/// <summary>What the draft is (product, channel, languages) and which source decided each.</summary>
public sealed record DraftProfile(
    string Product,
    string ProductSource,
    string? Channel,
    string? ChannelSource,
    IReadOnlyList<string> Languages,
    string LangSource)
{
    /// <summary>
    /// A second product the text also markets, when the product was detected (credit beside an investment product, or the
    /// reverse): that product's claim rules apply too; its required statements do not.
    /// </summary>
    public string? AlsoProduct { get; init; }

    public bool HasLanguage(string lang) => Languages.Contains(lang);
}

/// <summary>Per-scan choices: which rules are off, severity overrides, and the date rules are judged in force.</summary>
public sealed record EngineOptions
{
    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Rules.Severity> SeverityOverrides { get; init; } = new Dictionary<string, Rules.Severity>(StringComparer.OrdinalIgnoreCase);

    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.Today);

    public static EngineOptions Default { get; } = new();
}
