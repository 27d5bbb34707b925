using System.Text;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>dump-findings OUT [--repo DIR] [--corpora DIR]</c>: every finding the engine reports on a fixed, varied input
/// (the labelled corpus sentences under every product, the sample drafts, a generated repo, generated drafts of
/// every density), one canonical line each. Run before and after changing the engine's hot paths: the two dumps
/// must be identical.
/// </summary>
public static class EquivalenceDump
{
    private static readonly string[] Products = ["fund", "wealth", "insurance", "credit", "securities", "private-fund", "deposit", "general", "none"];

    public static int Run(string[] args)
    {
        if (Tools.Option(args, "--print-draft") is { } which)
        {
            Console.WriteLine(Corpus.Create(PhraseSetKind.RulePacks, MatchDensity.Realistic, 100_000).DraftList[int.Parse(which, System.Globalization.CultureInfo.InvariantCulture)][..600]);
            return 0;
        }

        var rules = BenchmarkCorpus.Rules;
        var engine = new RuleEngine(rules);
        var options = new EngineOptions { AsOf = new DateOnly(2025, 1, 1) };
        using var output = new StreamWriter(args[0], false, new UTF8Encoding(false));
        int findings = 0;

        void Write(string source, IEnumerable<Finding> list)
        {
            foreach (var f in list)
            {
                findings++;
                output.Write(source);
                output.Write('\t');
                output.WriteLine(string.Join('\t', f.RuleId, f.Severity, f.StartOffset, f.EndOffset, f.Line, f.Column, f.EndLine, f.EndColumn, f.Match,
                    f.Message, f.Note, f.Context, f.Suppressed, f.SuppressionReason, f.InForce, f.Fix is { } x ? $"{x.Kind}:{x.Start}-{x.End}:{x.Text}" : "-")
                    .Replace('\n', '⏎'));
            }
        }

        string corpora = Tools.Option(args, "--corpora") ?? Path.Combine(Tools.RepoRoot(), "corpora");
        foreach (string tsv in Directory.EnumerateFiles(corpora, "*.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var (line, n) in File.ReadLines(tsv).Skip(1).Select((l, i) => (l, i)))
            {
                string text = line.Split('\t')[0];
                var doc = DocumentLoader.LoadText("s.txt", text);
                foreach (string product in Products)
                {
                    var profile = new DraftProfile(product, "cli", null, null, ["zh-CN", "en"], "cli");
                    Write($"{Path.GetFileName(tsv)}:{n}:{product}", engine.Scan(doc, profile, options));
                }
            }
        }

        var scanner = new Scanner(new ScanSettings { Engine = engine, AsOf = options.AsOf, Parallelism = 1 });
        foreach (string sample in Directory.EnumerateFiles(Path.Combine(corpora, "samples")).Order(StringComparer.Ordinal))
        {
            Write(Path.GetFileName(sample), scanner.ScanFile(sample).Findings);
        }

        string repo = Tools.Option(args, "--repo") ?? Path.Combine(Path.GetTempPath(), "cc-equivalence-repo");
        if (!Directory.Exists(repo))
        {
            ContentRepo.Write(repo, 2000, 7);
        }

        foreach (string file in Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Write(Path.GetRelativePath(repo, file), scanner.ScanFile(file).Findings);
        }

        foreach (var density in Enum.GetValues<MatchDensity>())
        {
            var corpus = Corpus.Create(PhraseSetKind.RulePacks, density, 2 * 1024 * 1024);
            int i = 0;
            foreach (string draft in corpus.DraftList)
            {
                var doc = DocumentLoader.LoadText("d.txt", draft);
                var profile = new DraftProfile(Products[i % Products.Length], "cli", null, null, ["zh-CN", "en"], "cli");
                Write($"{density}:{i++}", engine.Scan(doc, profile, options));
            }
        }

        Console.WriteLine($"{findings} findings written to {args[0]}");
        return 0;
    }
}
