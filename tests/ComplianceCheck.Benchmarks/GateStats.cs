using System.Diagnostics;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>gate-stats [--density D]</c>: for each anchored regex rule, on the generated drafts, how many sentences its
/// anchors select, how many of them its derived gate lets through, how many the regex matches, and the time spent
/// — which rules cost the engine most, for rule authors choosing anchors.
/// </summary>
public static class GateStats
{
    /// <summary>
    /// Texts (folded here) on which some rule regex matches although its gate said it cannot: always empty for a
    /// sound gate. Checks every pattern, trigger, statement and exception regex of the rule packs.
    /// </summary>
    public static IReadOnlyList<string> SoundnessViolations(IEnumerable<string> texts)
    {
        var regexes = BenchmarkCorpus.Rules.Rules.SelectMany(r => r.ExceptionPatterns.Concat(r switch
        {
            PatternRule p => [p.Pattern],
            RequiredRule q => q.RequirePatterns.Concat(q.TriggerPattern is { } t ? [t] : []),
            _ => [],
        })).Distinct().Select(r => (Regex: r, Gate: RegexGate.For(r))).Where(x => x.Gate is { Filters: true }).ToList();
        var violations = new List<string>();
        foreach (string raw in texts)
        {
            string text = TextFold.Fold(raw);
            var digits = RegexGate.DigitPositions(text);
            foreach (var (regex, gate) in regexes)
            {
                if (!gate!.MayMatch(text, 0, text.Length, digits) && regex.IsMatch(text))
                {
                    violations.Add($"{regex}: {text}");
                }
            }
        }

        return violations;
    }

    public static int Run(string[] args)
    {
        var density = Enum.Parse<MatchDensity>(Tools.Option(args, "--density") ?? "Realistic", true);
        var corpus = BenchmarkCorpus.Get(PhraseSetKind.RulePacks, density);
        var rules = BenchmarkCorpus.Rules.Rules.OfType<PatternRule>().ToList();
        var stats = rules.ToDictionary(r => r.Id, _ => (Anchored: 0, Passed: 0, Matched: 0, Ticks: 0L));
        var gates = rules.ToDictionary(r => r.Id, r => RegexGate.For(r.Pattern));
        foreach (string draft in corpus.DraftList)
        {
            var doc = DocumentLoader.LoadText("d.txt", draft);
            foreach (var block in doc.Blocks)
            {
                string folded = TextFold.Fold(block.Text);
                var sentences = new SentenceMap(folded);

                // Worked out once per block, as the engine does.
                List<int>? digits = null;
                for (int i = 0; i < sentences.Count; i++)
                {
                    var (s, e) = sentences.Sentence(i);
                    string sentence = folded[s..e];
                    foreach (var rule in rules)
                    {
                        bool whole = rule.Anchors.Count == 0;
                        if (!whole && !rule.Anchors.Any(a => sentence.Contains(a, StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        var st = stats[rule.Id];
                        st.Anchored++;
                        long t0 = Stopwatch.GetTimestamp();
                        var gate = gates[rule.Id];
                        if (gate == null || !gate.Filters || gate.MayMatch(folded, s, e, gate.NeedsDigits ? digits ??= RegexGate.DigitPositions(folded) : null))
                        {
                            st.Passed++;
                            st.Matched += rule.Pattern.IsMatch(sentence) ? 1 : 0;
                        }

                        st.Ticks += Stopwatch.GetTimestamp() - t0;
                        stats[rule.Id] = st;
                    }
                }
            }
        }

        Console.WriteLine("rule           sentences  gate-passed  matched      ms  pattern");
        foreach (var (id, st) in stats.OrderByDescending(s => s.Value.Ticks).Take(30))
        {
            var rule = rules.First(r => r.Id == id);
            Console.WriteLine($"{id,-14} {st.Anchored,9} {st.Passed,12} {st.Matched,8} {st.Ticks * 1000.0 / Stopwatch.Frequency,7:0.0}  " +
                $"{(gates[id] == null ? "(no gate) " : string.Empty)}{rule.Pattern.ToString()[..Math.Min(70, rule.Pattern.ToString().Length)]}");
        }

        return 0;
    }
}
