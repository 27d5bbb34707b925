using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Benchmarks;

/// <summary>The helpers the whole-process scripts call: repo generator, prh dictionary, textlint comparison.</summary>
public static class Tools
{
    /// <summary><c>gen-repo DIR [--files N] [--seed S]</c>: writes the content repo and prints its size.</summary>
    public static int GenerateRepo(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: gen-repo DIR [--files 10000] [--seed 42]");
            return 2;
        }

        int files = int.Parse(Option(args, "--files") ?? "10000", CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(Option(args, "--seed") ?? "42", CultureInfo.InvariantCulture);
        var stats = ContentRepo.Write(args[0], files, seed);
        Console.WriteLine(FormattableString.Invariant(
            $"{stats.Files} files, {stats.Bytes} bytes ({stats.Bytes / 1048576.0:0.0} MB): {stats.Markdown} Markdown, {stats.Html} HTML, {stats.Text} text"));
        return 0;
    }

    /// <summary><c>rule-stats</c>: what the engine works with (rule kinds, literals, automaton size, unanchored regexes).</summary>
    public static int RuleStats()
    {
        var rules = BenchmarkCorpus.Rules;
        var engine = new RuleEngine(rules);
        Console.WriteLine(string.Join(", ", rules.Rules.GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}")));
        Console.WriteLine($"{engine.Automaton.PatternCount} literals, {engine.Automaton.StateCount} automaton states");
        foreach (var rule in rules.Rules)
        {
            switch (rule)
            {
                case PatternRule p when p.Anchors.Count == 0:
                    Console.WriteLine($"unanchored pattern {p.Id} [{string.Join(",", p.Products)}]: {p.Pattern}");
                    break;
                case RequiredRule r:
                    Console.WriteLine($"required {r.Id} [{string.Join(",", r.WhenProducts)}] triggers={r.Triggers.Count} triggerPattern={r.TriggerPattern != null} " +
                        $"anchors={r.TriggerAnchors.Count} requirePatterns: {string.Join(" || ", r.RequirePatterns)}");
                    break;
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>prh OUT.yml</c>: a prh dictionary holding every literal phrase of the built-in phrase rules. Each entry
    /// reports the phrase (expected is a marker the text never contains); Latin phrases match case-insensitively, as
    /// ours do after folding.
    /// </summary>
    public static int WritePrhDictionary(string[] args)
    {
        var phrases = PhraseSets.PhraseRulePhrases(BenchmarkCorpus.Rules).Select(p => p.Phrase).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("version: 1\nrules:\n");
        foreach (string phrase in phrases)
        {
            string pattern = phrase.Any(char.IsAsciiLetter)
                ? "/" + EscapeJsRegex(phrase) + "/i"
                : phrase;
            sb.Append("  - expected: ").Append(Yaml("〔" + phrase + "〕")).Append('\n');
            sb.Append("    patterns:\n      - ").Append(Yaml(pattern)).Append('\n');
        }

        File.WriteAllText(args[0], sb.ToString(), new UTF8Encoding(false));
        Console.WriteLine($"{phrases.Count} phrases written to {args[0]}");
        return 0;
    }

    /// <summary>
    /// <c>compare-textlint TEXTLINT.json OURS.json</c>: which phrase findings each tool reports on the same files.
    /// A textlint hit agrees when one of our findings on the same line overlaps the same phrase; each hit only
    /// textlint reports is explained (the rule does not apply to the draft's product or language, a rule exception
    /// or a negation/warning cancelled it, it stands outside the text we scan) or counted as missed.
    /// </summary>
    public static int CompareTextlint(string[] args)
    {
        var rules = BenchmarkCorpus.Rules;
        var phraseRules = rules.Rules.OfType<PhraseRule>().ToList();
        var phraseRuleIds = phraseRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var rulesByPhrase = phraseRules.SelectMany(r => r.Phrases.Select(p => (p, r))).ToLookup(x => x.p, x => x.r, StringComparer.Ordinal);

        var textlint = ReadTextlint(args[0]);
        var ours = ReadOurs(args[1]);
        int both = 0, textlintOnly = 0, oursOnlyPhrase = 0, oursPhrase = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var missedSamples = new List<string>();
        foreach (var (path, hits) in textlint)
        {
            var file = ours.GetValueOrDefault(path) ?? ours.GetValueOrDefault(Path.GetFullPath(path));
            var findings = file?.Findings ?? [];
            var matchedOurs = new HashSet<int>();
            SourceDocument? doc = null;
            foreach (var (line, phrase) in hits)
            {
                string folded = TextFold.Fold(phrase);
                int index = findings.FindIndex(f => f.Line <= line && line <= f.EndLine && Overlaps(TextFold.Fold(f.Match), folded));
                if (index >= 0)
                {
                    both++;
                    matchedOurs.Add(index);
                    continue;
                }

                textlintOnly++;
                doc ??= DocumentLoader.LoadText(path, File.ReadAllText(path));
                string reason = Explain(doc, file, line, folded, rulesByPhrase[folded].ToList());
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                if (reason == "missed" && missedSamples.Count < 10)
                {
                    missedSamples.Add($"{path}:{line}: {phrase}");
                }
            }

            for (int i = 0; i < findings.Count; i++)
            {
                if (phraseRuleIds.Contains(findings[i].RuleId))
                {
                    oursPhrase++;
                    oursOnlyPhrase += matchedOurs.Contains(i) ? 0 : 1;
                }
            }
        }

        foreach (var (path, file) in ours.Where(o => !textlint.ContainsKey(o.Key)))
        {
            int count = file.Findings.Count(f => phraseRuleIds.Contains(f.RuleId));
            oursPhrase += count;
            oursOnlyPhrase += count;
        }

        int total = both + textlintOnly;
        Console.WriteLine($"textlint phrase hits: {total}");
        Console.WriteLine($"  also reported by compliance: {both} ({Percent(both, total)})");
        Console.WriteLine($"  reported by textlint only:   {textlintOnly}");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            Console.WriteLine($"    {reason}: {count}");
        }

        Console.WriteLine($"compliance phrase-rule findings: {oursPhrase} (not reported by textlint: {oursOnlyPhrase})");
        foreach (string sample in missedSamples)
        {
            Console.WriteLine("  missed: " + sample);
        }

        Console.WriteLine($"agreement: {Percent(both, total)} of textlint's hits; missed (unexplained): {reasons.GetValueOrDefault("missed")}");
        return 0;
    }

    private static string Explain(SourceDocument doc, OurFile? file, int line, string folded, List<PhraseRule> rules)
    {
        if (rules.Count == 0)
        {
            return "missed";
        }

        if (file != null && !rules.Any(r => file.Languages.Contains(r.Lang) && (r.Products.Count == 0 || r.Products.Contains(file.Product))))
        {
            return "rule not for the draft's product/language";
        }

        foreach (var block in doc.Blocks)
        {
            string text = TextFold.Fold(block.Text);
            for (int at = text.IndexOf(folded, StringComparison.Ordinal); at >= 0; at = text.IndexOf(folded, at + 1, StringComparison.Ordinal))
            {
                if (doc.Lines.PositionOf(block.SourceStart(at)).Line != line)
                {
                    continue;
                }

                int end = at + folded.Length;
                var (sStart, sEnd) = new SentenceMap(text).SentenceAt(at);
                string sentence = text[sStart..sEnd];
                if (rules.Any(r => r.Exceptions.Any(e => Covers(text, e, at, end))
                    || r.ExceptionPatterns.Any(p => p.Matches(sentence).Any(m => sStart + m.Index < end && sStart + m.Index + m.Length > at))))
                {
                    return "cancelled by a rule exception (a risk-level label, a longer legitimate phrase…)";
                }

                if (rules.All(r => r.Negation == NegationMode.Suppress) && NegationDetector.IsNegated(text, at, end))
                {
                    return "negated (不承诺/not…), deliberately not reported";
                }

                return "missed";
            }
        }

        return "outside the scanned text (markup, attribute, front matter)";
    }

    private static bool Covers(string text, string exception, int start, int end)
    {
        int from = Math.Max(0, start - exception.Length + 1);
        for (int at = text.IndexOf(exception, from, StringComparison.Ordinal); at >= 0 && at < end; at = text.IndexOf(exception, at + 1, StringComparison.Ordinal))
        {
            if (at + exception.Length > start)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(string a, string b) => a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);

    private static string Percent(int part, int total) => total == 0 ? "n/a" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private sealed record OurFinding(string RuleId, int Line, int EndLine, string Match);

    private sealed record OurFile(string Product, IReadOnlyList<string> Languages, List<OurFinding> Findings);

    private static Dictionary<string, OurFile> ReadOurs(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var result = new Dictionary<string, OurFile>(StringComparer.Ordinal);
        foreach (var file in json.RootElement.GetProperty("files").EnumerateArray())
        {
            var findings = file.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("source").GetString() == "rule" && !f.GetProperty("suppressed").GetBoolean())
                .Select(f => new OurFinding(f.GetProperty("ruleId").GetString()!, f.GetProperty("line").GetInt32(), f.GetProperty("endLine").GetInt32(),
                    f.GetProperty("match").GetString() ?? string.Empty))
                .ToList();
            var languages = file.TryGetProperty("lang", out var lang) ? lang.EnumerateArray().Select(l => l.GetString()!).ToArray() : [];
            result[Path.GetFullPath(file.GetProperty("path").GetString()!)] = new OurFile(file.GetProperty("product").GetString() ?? "none", languages, findings);
        }

        return result;
    }

    /// <summary>textlint's JSON formatter: [{filePath, messages:[{line, column, message:"最佳 => 〔最佳〕"}]}].</summary>
    private static Dictionary<string, List<(int Line, string Phrase)>> ReadTextlint(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var result = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        foreach (var file in json.RootElement.EnumerateArray())
        {
            var hits = new List<(int, string)>();
            foreach (var message in file.GetProperty("messages").EnumerateArray())
            {
                string text = message.GetProperty("message").GetString() ?? string.Empty;
                int arrow = text.IndexOf(" => ", StringComparison.Ordinal);
                if (arrow > 0)
                {
                    hits.Add((message.GetProperty("line").GetInt32(), text[..arrow].Trim()));
                }
            }

            result[Path.GetFullPath(file.GetProperty("filePath").GetString()!)] = hits;
        }

        return result;
    }

    private static string EscapeJsRegex(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            if ("\\^$.*+?()[]{}|/".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Yaml(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The repository root (the folder holding ComplianceCheck.sln) above the running assembly.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceCheck.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    internal static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
