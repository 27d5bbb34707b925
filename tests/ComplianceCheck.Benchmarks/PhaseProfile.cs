using System.Diagnostics;
using System.Globalization;
using ComplianceCheck.Classifier;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Benchmarks;

/// <summary>
/// <c>phases REPO [--passes N]</c>: scans a content repo on one thread, phase by phase (read, decode, load by format,
/// profile, engine, model), and prints each phase's CPU share and bytes allocated per input byte. Where a whole-process
/// profile says "GC", this says which phase allocates. The first pass warms up; the last pass is reported. <c>--types</c> adds
/// the runtime's allocation samples (one per ~100 KB) of the last pass by type.
/// </summary>
public static class PhaseProfile
{
    private static readonly string[] Phases = ["read", "decode", "load markdown", "load html", "load text", "profile", "engine", "model"];

    public static int Run(string[] args)
    {
        string repo = args[0];
        int passes = int.Parse(Tools.Option(args, "--passes") ?? "2", CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var engine = new RuleEngine(RuleSet.Load());
        var model = ClassifierModel.LoadEmbedded() ?? throw new InvalidOperationException("no embedded classifier model");
        var augmenter = new ModelAugmenter(model, ComplianceConfig.Empty.Model);
        var resolver = new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides());
        var options = new EngineOptions();

        var ticks = new long[Phases.Length];
        var bytesAllocated = new long[Phases.Length];
        long inputBytes = 0;
        int findings = 0;
        AllocationSampler? allocations = null;
        List<IReadOnlyList<Finding>>? held = args.Contains("--hold") ? [] : null;
        for (int pass = 0; pass < passes; pass++)
        {
            if (pass == passes - 1 && args.Contains("--types"))
            {
                allocations = new AllocationSampler();
            }

            Array.Clear(ticks);
            Array.Clear(bytesAllocated);
            inputBytes = 0;
            findings = 0;
            foreach (string file in files)
            {
                byte[] bytes = Measure(0, ticks, bytesAllocated, () => File.ReadAllBytes(file));
                inputBytes += bytes.Length;
                var decoded = Measure(1, ticks, bytesAllocated, () => TextDecoder.Decode(bytes));
                var format = DocumentLoader.Sniff(file, decoded.Text);
                int loadPhase = format switch { DocumentFormat.Markdown => 2, DocumentFormat.Html => 3, _ => 4 };
                var document = Measure(loadPhase, ticks, bytesAllocated, () => DocumentLoader.LoadText(file, decoded.Text));
                var profile = Measure(5, ticks, bytesAllocated, () => resolver.Resolve(document, file, []));
                var ruleFindings = Measure(6, ticks, bytesAllocated, () => engine.Scan(document, profile, options));
                var all = Measure(7, ticks, bytesAllocated, () => augmenter.Augment(document, profile, ruleFindings));
                findings += all.Count;
                held?.Add(all);
            }
        }

        allocations?.Print(inputBytes);
        if (held != null)
        {
            // What a report holds until it is written: every finding of the last pass.
            Console.WriteLine(FormattableString.Invariant(
                $"live heap holding the last pass's {held.Skip(held.Count - files.Count).Sum(f => f.Count)} findings: {GC.GetTotalMemory(true) / 1048576.0:0.0} MB; after letting them go: {Release(held) / 1048576.0:0.0} MB"));
        }

        double total = ticks.Sum();
        Console.WriteLine(FormattableString.Invariant($"{files.Count} files, {inputBytes / 1048576.0:0.0} MB, {findings} findings, one thread, pass {passes} of {passes}"));
        Console.WriteLine("phase               time %   MB/s of input   allocated B per input byte");
        for (int p = 0; p < Phases.Length; p++)
        {
            double seconds = ticks[p] / (double)Stopwatch.Frequency;
            Console.WriteLine(FormattableString.Invariant(
                $"{Phases[p],-18} {100 * ticks[p] / total,7:0.0} {inputBytes / 1048576.0 / seconds,15:0.0} {bytesAllocated[p] / (double)inputBytes,15:0.00}"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"{"all",-18} {100.0,7:0.0} {inputBytes / 1048576.0 / (total / Stopwatch.Frequency),15:0.0} {bytesAllocated.Sum() / (double)inputBytes,15:0.00}"));
        return 0;
    }

    private static long Release(List<IReadOnlyList<Finding>> held)
    {
        held.Clear();
        held.TrimExcess();
        return GC.GetTotalMemory(true);
    }

    private static T Measure<T>(int phase, long[] ticks, long[] allocated, Func<T> step)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        var value = step();
        ticks[phase] += Stopwatch.GetTimestamp() - start;
        allocated[phase] += GC.GetAllocatedBytesForCurrentThread() - before;
        return value;
    }
}

/// <summary>The runtime's GCAllocationTick events, summed by type name.</summary>
internal sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
{
    private readonly Dictionary<string, long> _bytesByType = [];

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && e.Payload is { } payload && e.PayloadNames is { } names)
        {
            string type = payload[names.IndexOf("TypeName")] as string ?? "?";
            long amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
            lock (_bytesByType)
            {
                _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            }
        }
    }

    public void Print(long inputBytes)
    {
        lock (_bytesByType)
        {
            Console.WriteLine("sampled allocations by type (B per input byte):");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(30))
            {
                Console.WriteLine(FormattableString.Invariant($"{bytes / (double)inputBytes,8:0.00}  {type}"));
            }
        }
    }
}
