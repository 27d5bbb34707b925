using System.Collections.Concurrent;
using System.Text;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Benchmarks.Generation;

/// <summary>Which phrase set a literal benchmark matches.</summary>
public enum PhraseSetKind
{
    /// <summary>The literals of the built-in rule packs (everything the engine's automaton holds).</summary>
    RulePacks,

    /// <summary>2,000 phrases: the rule packs' literals topped up with generated marketing phrases.</summary>
    Phrases2000,
}

/// <summary>
/// The shared, seeded inputs of the in-process benchmarks. Sizes default to 50 MB of UTF-8 text per corpus; set
/// CC_BENCH_MB to run smaller (for a quick look) — the README's figures use the default. CC_BENCH_RULES names a
/// folder of rule packs (&lt;lang&gt;/*.yaml) to use instead of the built-in ones (to pin a snapshot of the rules).
/// </summary>
public static class BenchmarkCorpus
{
    public const ulong Seed = 20240601;

    private static readonly ConcurrentDictionary<(PhraseSetKind, MatchDensity), Lazy<Corpus>> Cache = new();
    private static readonly Lazy<RuleSet> BuiltIn = new(() => Environment.GetEnvironmentVariable("CC_BENCH_RULES") is { Length: > 0 } dir
        ? RuleSet.Load([dir], includeBuiltIn: false)
        : RuleSet.Load());

    public static long TargetBytes
    {
        get
        {
            string? mb = Environment.GetEnvironmentVariable("CC_BENCH_MB");
            double megabytes = mb != null && double.TryParse(mb, System.Globalization.CultureInfo.InvariantCulture, out double value) && value > 0 ? value : 50;
            return (long)(megabytes * 1024 * 1024);
        }
    }

    public static RuleSet Rules => BuiltIn.Value;

    public static IReadOnlyList<string> Phrases(PhraseSetKind kind) => kind switch
    {
        PhraseSetKind.RulePacks => PhraseSets.RulePackLiterals(Rules),
        _ => PhraseSets.Synthetic(2000, PhraseSets.RulePackLiterals(Rules), Seed),
    };

    /// <summary>What is planted: violations (phrase-rule phrases) for the rule packs, the whole set for the 2,000 set.</summary>
    public static IReadOnlyList<string> Planted(PhraseSetKind kind) => kind switch
    {
        PhraseSetKind.RulePacks => PhraseSets.PhraseRulePhrases(Rules).Select(p => p.Phrase).Distinct(StringComparer.Ordinal).ToArray(),
        _ => Phrases(kind),
    };

    public static Corpus Get(PhraseSetKind kind, MatchDensity density) =>
        Cache.GetOrAdd((kind, density), key => new Lazy<Corpus>(() => Corpus.Create(key.Item1, key.Item2, TargetBytes))).Value;
}

/// <summary>One generated text: as written, folded (what the matchers scan), and its UTF-8 size.</summary>
public sealed class Corpus
{
    private Corpus(List<string> drafts, IReadOnlyList<string> phrases)
    {
        DraftList = drafts;
        string text = string.Concat(drafts);
        Text = text;
        Folded = TextFold.Fold(text);
        Phrases = phrases;
        Utf8Bytes = Encoding.UTF8.GetByteCount(text);
    }

    public string Text { get; }

    public string Folded { get; }

    public IReadOnlyList<string> Phrases { get; }

    /// <summary>The text as the drafts it was written as (about 3,000 characters each; one in five English).</summary>
    public IReadOnlyList<string> DraftList { get; }

    public long Utf8Bytes { get; }

    public static Corpus Create(PhraseSetKind kind, MatchDensity density, long bytes)
    {
        ulong seed = BenchmarkCorpus.Seed + ((ulong)kind * 10) + (ulong)density;
        var generator = new MarketingText(seed, BenchmarkCorpus.Planted(kind), density);
        return new Corpus(generator.Drafts(bytes, 3000), BenchmarkCorpus.Phrases(kind));
    }
}
