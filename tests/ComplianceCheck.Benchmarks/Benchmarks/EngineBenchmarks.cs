using BenchmarkDotNet.Attributes;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Benchmarks.Benchmarks;

/// <summary>
/// Item 2 of the performance issue: the whole rule engine (phrases, anchored regexes, proximity, required
/// statements, exceptions, negation, de-duplication) on the same 50 MB of text as ~3,000-character drafts, against
/// the engine's own automaton alone on the same drafts (the baseline). Drafts are loaded, and their product and
/// languages detected as the scanner does, before measuring.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class EngineBenchmarks
{
    private RuleEngine _engine = null!;
    private SourceDocument[] _documents = [];
    private DraftProfile[] _profiles = [];
    private string[][] _foldedBlocks = [];
    private readonly List<LiteralHit> _hits = [];

    [Params(MatchDensity.Clean, MatchDensity.Realistic, MatchDensity.Dense)]
    public MatchDensity Density { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = BenchmarkCorpus.Get(PhraseSetKind.RulePacks, Density);
        _engine = new RuleEngine(BenchmarkCorpus.Rules);
        _documents = corpus.DraftList.Select((text, i) => DocumentLoader.LoadText($"draft{i}.txt", text)).ToArray();
        var resolver = new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides());
        _profiles = _documents.Select(d => resolver.Resolve(d, d.Path, [])).ToArray();
        _foldedBlocks = _documents.Select(d => d.Blocks.Select(b => TextFold.Fold(b.Text)).ToArray()).ToArray();
        CaseSizes.Record(CaseSizes.Key(nameof(EngineBenchmarks), [(nameof(Density), Density)]), corpus.Utf8Bytes, corpus.Text.Length);
        _hits.Capacity = 1 << 16;
        LiteralMatcher();
    }

    [Benchmark(Baseline = true, Description = "Literal matcher alone")]
    public int LiteralMatcher()
    {
        int count = 0;
        foreach (string[] blocks in _foldedBlocks)
        {
            foreach (string block in blocks)
            {
                _hits.Clear();
                _engine.Automaton.FindAll(block, _hits);
                count += _hits.Count;
            }
        }

        return count;
    }

    [Benchmark(Description = "Whole rule engine")]
    public int Engine()
    {
        int findings = 0;
        for (int i = 0; i < _documents.Length; i++)
        {
            findings += _engine.Scan(_documents[i], _profiles[i]).Count;
        }

        return findings;
    }
}
