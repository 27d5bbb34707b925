using BenchmarkDotNet.Attributes;
using ComplianceCheck.Benchmarks.Baselines;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Benchmarks.Benchmarks;

/// <summary>
/// Item 1 of the performance issue: the phrase automaton against <c>SearchValues&lt;string&gt;</c> (the baseline) and a
/// NonBacktracking regex alternation, on 50 MB of folded marketing text, for both phrase sets and three densities.
/// The automaton and SearchValues record every hit into a reused list, so "Allocated" shows allocations per
/// operation (0 B: none per match).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class LiteralMatchingBenchmarks
{
    private Corpus _corpus = null!;
    private PhraseAutomaton _automaton = null!;
    private SearchValuesMatcher _searchValues = null!;
    private RegexAlternationMatcher _regex = null!;
    private readonly List<LiteralHit> _hits = [];

    internal PhraseAutomaton Automaton => _automaton;

    [Params(PhraseSetKind.RulePacks, PhraseSetKind.Phrases2000)]
    public PhraseSetKind Set { get; set; }

    [Params(MatchDensity.Clean, MatchDensity.Realistic, MatchDensity.Dense)]
    public MatchDensity Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchmarkCorpus.Get(Set, Density);
        _automaton = new PhraseAutomaton(_corpus.Phrases);
        _searchValues = new SearchValuesMatcher(_corpus.Phrases);
        _regex = new RegexAlternationMatcher(_corpus.Phrases);
        CaseSizes.Record(CaseSizes.Key(nameof(LiteralMatchingBenchmarks), [(nameof(Set), Set), (nameof(Density), Density)]), _corpus.Utf8Bytes, _corpus.Text.Length);

        // Size the hit list once, so a measured operation allocates only if the matcher itself does.
        _hits.Capacity = Math.Max(AhoCorasick(), SearchValues()) * 2;
    }

    [Benchmark(Description = "Aho-Corasick (PhraseAutomaton)")]
    public int AhoCorasick()
    {
        _hits.Clear();
        _automaton.FindAll(_corpus.Folded, _hits);
        return _hits.Count;
    }

    [Benchmark(Baseline = true, Description = "SearchValues<string>")]
    public int SearchValues()
    {
        _hits.Clear();
        _searchValues.FindAll(_corpus.Folded, _hits);
        return _hits.Count;
    }

    [Benchmark(Description = "Regex NonBacktracking")]
    public int RegexNonBacktracking() => _regex.FindAll(_corpus.Folded);
}
