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

    /// <summary>
    /// In a batch of messages, the product each message (block) markets where it differs from the draft's, else null: that
    /// product's claim rules, and the statements they call for beside a claim, also apply to the message. Null for other drafts.
    /// </summary>
    public IReadOnlyList<string?>? BlockProducts { get; init; }

    /// <summary>The other product whose rules apply to block <paramref name="blockIndex"/>, besides the draft's own.</summary>
    public string? BlockProduct(int blockIndex) =>
        BlockProducts is { } products && blockIndex < products.Count ? products[blockIndex] : null;

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
