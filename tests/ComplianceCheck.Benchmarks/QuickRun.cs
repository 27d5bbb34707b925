using System.Diagnostics;
using System.Globalization;
using ComplianceCheck.Benchmarks.Benchmarks;
using ComplianceCheck.Benchmarks.Generation;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>quick [literal|engine] [--runs N]</c>: the in-process benchmarks timed with a stopwatch (median of N runs) in
/// one process, printed as MB/s and ratios. For iterating on the hot paths and for a one-run ratio table; the
/// BenchmarkDotNet runs (allocation counts, statistics) are the reference.
/// </summary>
public static class QuickRun
{
    public static int Run(string[] args)
    {
        UseCpuTime = args.Contains("--cpu");
        int runs = int.Parse(Tools.Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var densities = Tools.Option(args, "--density") is { } only ? [Enum.Parse<MatchDensity>(only, true)] : Enum.GetValues<MatchDensity>();
        bool literal = args.Length == 0 || args[0] is "literal" or "all" || args[0].StartsWith("--", StringComparison.Ordinal);
        bool engine = args.Length == 0 || args[0] is "engine" or "all" || args[0].StartsWith("--", StringComparison.Ordinal);
        bool classifier = args.Length > 0 && args[0] is "classifier" or "all";
        Console.WriteLine(FormattableString.Invariant($"corpus: {BenchmarkCorpus.TargetBytes / 1048576.0:0} MB per case, median of {runs} runs{(UseCpuTime ? " (CPU time)" : string.Empty)}"));
        if (literal)
        {
            Console.WriteLine("set          density    matcher                 MB/s   Mchar/s  vs SearchValues  alloc/op");
            foreach (var set in Enum.GetValues<PhraseSetKind>())
            {
                foreach (var density in densities)
                {
                    var b = new LiteralMatchingBenchmarks { Set = set, Density = density };
                    b.Setup();
                    var corpus = BenchmarkCorpus.Get(set, density);
                    if (density == MatchDensity.Clean)
                    {
                        Console.WriteLine($"{set}: {corpus.Phrases.Count} phrases, {b.Automaton.StateCount} states");
                    }

                    double ac = Time(() => b.AhoCorasick(), runs, out long acAlloc);
                    double sv = Time(() => b.SearchValues(), runs, out long svAlloc);
                    double rx = Time(() => b.RegexNonBacktracking(), Math.Min(runs, 3), out long rxAlloc);
                    Row(set, density, "Aho-Corasick", corpus, ac, sv / ac, acAlloc);
                    Row(set, density, "SearchValues<string>", corpus, sv, 1, svAlloc);
                    Row(set, density, "Regex NonBacktracking", corpus, rx, sv / rx, rxAlloc);
                }
            }
        }

        if (engine)
        {
            Console.WriteLine("density    engine MB/s  literal MB/s  engine/literal  findings");
            foreach (var density in densities)
            {
                var b = new EngineBenchmarks { Density = density };
                b.Setup();
                var corpus = BenchmarkCorpus.Get(PhraseSetKind.RulePacks, density);
                int findings = b.Engine();
                double lit = Time(() => b.LiteralMatcher(), runs, out _);
                double eng = Time(() => b.Engine(), runs, out _);
                Console.WriteLine(FormattableString.Invariant(
                    $"{density,-10} {Mb(corpus, eng),11:0.0} {Mb(corpus, lit),13:0.0} {lit / eng,14:P0} {findings,9}"));
            }
        }

        if (classifier)
        {
            var b = new ClassifierBenchmarks();
            b.Setup();
            int sentences = (int)CaseSizes.Read(CaseSizes.Key(nameof(ClassifierBenchmarks), []))!.Value.Chars;
            Console.WriteLine($"classifier: {sentences} sentences per run");
            foreach (var (name, run) in new (string, Func<double>)[]
            {
                ("shipped model, single thread", b.ShippedModel), ("shipped model, batch (all cores)", b.ShippedModelBatch),
                ("ML.NET PredictionEngine", b.PredictionEngine), ("ML.NET batch Transform", b.MlNetBatch),
            })
            {
                double seconds = Time(() => (int)run(), runs, out _);
                Console.WriteLine(FormattableString.Invariant($"{name,-34} {sentences / seconds,12:N0} sentences/s"));
            }
        }

        return 0;
    }

    private static double Mb(Corpus corpus, double seconds) => corpus.Utf8Bytes / seconds / 1048576.0;

    private static void Row(PhraseSetKind set, MatchDensity density, string name, Corpus corpus, double seconds, double ratio, long alloc) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{set,-12} {density,-10} {name,-22} {Mb(corpus, seconds),6:0.0} {corpus.Text.Length / seconds / 1e6,8:0.0} {ratio,15:0.00}x {alloc,9}"));

    /// <summary>With --cpu, time is the process's CPU time rather than wall time: steadier on a machine shared with other work.</summary>
    private static bool UseCpuTime { get; set; }

    private static double Time(Func<int> action, int runs, out long allocated)
    {
        if (UseCpuTime)
        {
            return CpuTime(action, runs, out allocated);
        }

        action();
        var times = new List<double>();
        allocated = 0;
        for (int i = 0; i < runs; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static double CpuTime(Func<int> action, int runs, out long allocated)
    {
        // Warm up past tiered compilation, whose background work would count as CPU time.
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var times = new List<double>();
        allocated = 0;
        for (int i = 0; i < runs; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var start = process.TotalProcessorTime;
            action();
            process.Refresh();
            times.Add((process.TotalProcessorTime - start).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
