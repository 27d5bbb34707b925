using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ComplianceCheck.Core.Scanning;

/// <summary>What the command line says about every draft (the highest precedence).</summary>
public sealed record ProfileOverrides(string? Product = null, string? Channel = null, string? Lang = null);

/// <summary>
/// Decides a draft's product, channel and languages with the precedence CLI flag &gt; front matter / meta &gt; config
/// glob mapping &gt; detection from the text, and records which source decided.
/// </summary>
public sealed class ProfileResolver(ComplianceConfig config, ProfileOverrides overrides)
{
    private readonly (PathMapping Mapping, Matcher Matcher)[] _mappings = config.Paths
        .Select(m =>
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(m.Glob);
            return (m, matcher);
        })
        .ToArray();

    public DraftProfile Resolve(SourceDocument document, string path, List<string> warnings)
    {
        string declaredSource = document.Format == DocumentFormat.Html ? "meta" : "front-matter";
        var mapping = MappingFor(path);
        string? joined = null;
        string Joined() => joined ??= string.Concat(document.Blocks.Select(b => b.Text));
        string? alsoProduct = null;

        var (product, productSource) = Pick(
            overrides.Product, Declared(document, "product", Vocabulary.Products, Vocabulary.NormalizeProduct, warnings), mapping?.Product, declaredSource,
            () =>
            {
                var detected = ProfileDetector.DetectProducts(TextFold.Fold(Joined()));
                alsoProduct = detected.AlsoProduct;
                return detected.Product;
            });
        if (product != null && productSource != "detected")
        {
            alsoProduct = ProfileDetector.AlsoProduct(TextFold.Fold(Joined()), product);
        }

        var (channel, channelSource) = Pick(
            overrides.Channel, Declared(document, "channel", Vocabulary.Channels, Vocabulary.NormalizeChannel, warnings), mapping?.Channel, declaredSource, () => null);

        string? declaredLang = document.DeclaredMetadata.TryGetValue("lang", out var l) ? Vocabulary.NormalizeLang(l) : null;
        if (document.DeclaredMetadata.ContainsKey("lang") && declaredLang == null)
        {
            warnings.Add($"lang '{l}' is not one of zh-CN, en; detected from the text instead");
        }

        var (lang, langSource) = Pick(Vocabulary.NormalizeLang(overrides.Lang), declaredLang, mapping?.Lang, declaredSource, () => null);
        IReadOnlyList<string> languages = lang != null
            ? [lang]
            : ProfileDetector.DetectLanguages(Joined());

        return new DraftProfile(product ?? "none", product == null ? "default" : productSource, channel, channel == null ? null : channelSource,
            languages, lang == null ? "detected" : langSource)
        {
            AlsoProduct = alsoProduct,
            BlockProducts = document.IsMessageBatch ? MessageProducts(document, product, alsoProduct)
                : product == "deposit" ? InvestmentPassages(document) : null,
        };
    }

    /// <summary>
    /// The product each message of a batch markets by its own words, where that is neither the draft's product nor its second
    /// one: a fund SMS in a batch that is mostly loan offers is still judged as a fund promotion.
    /// </summary>
    private static string?[] MessageProducts(SourceDocument document, string? product, string? alsoProduct) =>
        [.. document.Blocks.Select(block => ProfileDetector.DetectMessageProduct(TextFold.Fold(block.Text)) is { } own && own != product && own != alsoProduct
            ? own
            : null)];

    /// <summary>The investment product each passage of a savings draft sells by its own words, if any.</summary>
    private static string?[]? InvestmentPassages(SourceDocument document)
    {
        var products = document.Blocks.Select(block => ProfileDetector.DetectInvestmentPassage(TextFold.Fold(block.Text))).ToArray();
        return products.Any(p => p != null) ? products : null;
    }

    private static (string? Value, string Source) Pick(string? cli, string? declared, string? config, string declaredSource, Func<string?> detect)
    {
        if (cli != null)
        {
            return (cli, "cli");
        }

        if (declared != null)
        {
            return (declared, declaredSource);
        }

        if (config != null)
        {
            return (config, "config");
        }

        return (detect(), "detected");
    }

    private static string? Declared(
        SourceDocument document, string key, IReadOnlyList<string> vocabulary, Func<string?, string?> normalize, List<string> warnings)
    {
        if (!document.DeclaredMetadata.TryGetValue(key, out var value))
        {
            return null;
        }

        if (normalize(value) is { } normalized)
        {
            return normalized;
        }

        warnings.Add($"{key} '{value}' is not one of {string.Join(", ", vocabulary)}; ignored");
        return null;
    }

    private PathMapping? MappingFor(string path)
    {
        if (_mappings.Length == 0)
        {
            return null;
        }

        string relative = RelativeToConfig(path);
        foreach (var (mapping, matcher) in _mappings)
        {
            if (matcher.Match(relative).HasMatches)
            {
                return mapping;
            }
        }

        return null;
    }

    private string RelativeToConfig(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.GetRelativePath(config.BaseDirectory, full).Replace('\\', '/');
    }
}
