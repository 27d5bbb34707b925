using ComplianceCheck.Benchmarks;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Benchmarks.Tests;

/// <summary>The optimised hot paths the benchmarks measure give the same answers as the plain way.</summary>
public class HotPathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_automaton_finds_every_occurrence_in_order_like_a_naive_search(int seed)
    {
        var rng = new SeededRandom((ulong)seed);
        string alphabet = "保本收益稳赚不赔最佳abc 1";
        string Random(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
        var patterns = Enumerable.Range(0, 60).Select(_ => Random(rng.Next(1, 5))).ToList();
        patterns.Add(patterns[0]);
        string text = Random(5000);

        var hits = new List<LiteralHit>();
        new PhraseAutomaton(patterns).FindAll(text, hits);

        // Every occurrence, by end position, longer patterns first, then by pattern id.
        var expected = new List<LiteralHit>();
        for (int end = 1; end <= text.Length; end++)
        {
            foreach (int id in Enumerable.Range(0, patterns.Count).OrderByDescending(i => patterns[i].Length).ThenBy(i => i))
            {
                int length = patterns[id].Length;
                if (length <= end && string.CompareOrdinal(text, end - length, patterns[id], 0, length) == 0)
                {
                    expected.Add(new LiteralHit(id, end));
                }
            }
        }

        hits.ShouldBe(expected);
        new PhraseAutomaton(patterns).Count(text).ShouldBe(expected.Count);
    }

    [Fact]
    public void Rows_built_by_several_threads_at_once_give_the_hits_one_thread_finds()
    {
        // Rows are built on first entry: scans racing through a fresh automaton must still see only finished rows.
        var rng = new SeededRandom(7);
        string alphabet = "保本收益稳赚不赔最佳零风险年化利率abcdefghij 0123456789";
        string Random(int length) => new([.. Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)])]);
        var patterns = Enumerable.Range(0, 400).Select(_ => Random(rng.Next(1, 7))).ToList();
        var texts = Enumerable.Range(0, 8).Select(_ => Random(20_000)).ToList();
        var alone = new PhraseAutomaton(patterns);
        var expected = texts.Select(t =>
        {
            var hits = new List<LiteralHit>();
            alone.FindAll(t, hits);
            return hits;
        }).ToList();

        for (int round = 0; round < 5; round++)
        {
            var shared = new PhraseAutomaton(patterns);
            using var start = new Barrier(4);
            var found = new List<LiteralHit>[4 * texts.Count];
            var counts = new int[4 * texts.Count];
            var threads = Enumerable.Range(0, 4).Select(w => new Thread(() =>
            {
                start.SignalAndWait();
                for (int k = 0; k < texts.Count; k++)
                {
                    int t = (k + w * 3) % texts.Count;
                    found[w * texts.Count + t] = [];
                    shared.FindAll(texts[t], found[w * texts.Count + t]);
                    counts[w * texts.Count + t] = shared.Count(texts[(t + 1) % texts.Count]);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            for (int i = 0; i < found.Length; i++)
            {
                found[i].ShouldBe(expected[i % texts.Count]);
                counts[i].ShouldBe(expected[(i + 1) % texts.Count].Count);
            }
        }
    }

    [Fact]
    public void The_automaton_allocates_nothing_per_match()
    {
        var corpusPhrases = new[] { "保本", "稳赚", "最佳", "收益" };
        string text = string.Concat(Enumerable.Repeat("本产品保本稳赚，收益最佳。", 2000));
        var automaton = new PhraseAutomaton(corpusPhrases);
        var hits = new List<LiteralHit>(20_000);
        automaton.FindAll(text, hits);
        hits.Clear();
        long before = GC.GetAllocatedBytesForCurrentThread();
        automaton.FindAll(text, hits);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        hits.Count.ShouldBe(8000);
    }

    [Fact]
    public void A_regex_gate_never_rules_out_text_its_regex_matches()
    {
        // Rule regexes against generated copy at every density plus the planted violations: wherever a gate says
        // "cannot match", the regex must not match.
        var texts = Enum.GetValues<MatchDensity>()
            .SelectMany(d => new MarketingText(11, ContentRepo.Violations, d).Drafts(150_000, 3000))
            .SelectMany(draft => draft.Split('。', '！', '？', '\n'))
            .Concat(ContentRepo.Violations)
            .Where(s => s.Length > 0)
            .ToList();
        GateStats.SoundnessViolations(texts).ShouldBeEmpty();
    }
}
