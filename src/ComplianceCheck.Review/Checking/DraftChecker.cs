using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Review.Checking;

/// <summary>What the checker said about one submitted text.</summary>
public sealed record CheckedDraft
{
    public required string Sha256 { get; init; }

    public required string Format { get; init; }

    /// <summary>The product and channel the checker judged the draft by (given, declared, or detected).</summary>
    public required string Product { get; init; }

    public string? Channel { get; init; }

    public required string FindingsJson { get; init; }

    public required string RulesFingerprint { get; init; }

    public string? ModelFingerprint { get; init; }

    public required string ToolVersion { get; init; }
}

/// <summary>
/// Runs the real scanner on each submitted version. The rule engine is built once (it is thread-safe); the optional
/// classifier (<see cref="IFindingAugmenter"/>) adds its findings and its fingerprint when one is registered.
/// </summary>
public sealed class DraftChecker(RuleEngine engine, IFindingAugmenter? augmenter = null)
{
    public string RulesFingerprint => engine.RuleSet.Fingerprint;

    public CheckedDraft Check(string fileName, string content, string? product, string? channel)
    {
        product = Term(product, "product", Vocabulary.Products, Vocabulary.NormalizeProduct);
        channel = Term(channel, "channel", Vocabulary.Channels, Vocabulary.NormalizeChannel);

        var scanner = new Scanner(new ScanSettings
        {
            Engine = engine,
            Overrides = new ProfileOverrides(product, channel),
            Augmenter = augmenter,
            Parallelism = 1,
        });
        var result = scanner.ScanText(fileName, content);
        return new CheckedDraft
        {
            Sha256 = ContentHash.Of(content),
            Format = result.Format,
            Product = result.Profile?.Product ?? "none",
            Channel = result.Profile?.Channel,
            FindingsJson = FindingJson.Serialize(result.Findings),
            RulesFingerprint = engine.RuleSet.Fingerprint,
            ModelFingerprint = augmenter?.Fingerprint,
            ToolVersion = RuleSet.ToolVersion,
        };
    }

    private static string? Term(string? value, string what, IReadOnlyList<string> terms, Func<string?, string?> normalize) =>
        value == null
            ? null
            : normalize(value) ?? throw new ReviewException(ReviewError.Invalid, $"{what} '{value}' is not one of {string.Join(", ", terms)}");
}
