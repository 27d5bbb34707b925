using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ComplianceCheck.Benchmarks.Benchmarks;

/// <summary>
/// Input sizes of the benchmark cases. Each case runs in its own process, which records the size of what it scans
/// in a side file; the host's columns read it to turn mean times into MB/s.
/// </summary>
public static class CaseSizes
{
    private static string Folder => Path.Combine(Path.GetTempPath(), "cc-bench-sizes");

    public static void Record(string key, long utf8Bytes, long chars)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, key + ".txt"), FormattableString.Invariant($"{utf8Bytes} {chars}"));
    }

    public static (long Bytes, long Chars)? Read(string key)
    {
        string path = Path.Combine(Folder, key + ".txt");
        if (!File.Exists(path))
        {
            return null;
        }

        string[] parts = File.ReadAllText(path).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The size key of a case: its type and its parameters (by name), whatever the method.</summary>
    public static string KeyOf(BenchmarkCase benchmarkCase) =>
        Key(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Parameters.Items.Select(p => (p.Name, (object?)p.Value)));

    public static string Key(string type, IEnumerable<(string Name, object? Value)> parameters) =>
        type + string.Concat(parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"-{p.Name}={p.Value}"));
}

/// <summary>MB/s (UTF-8 megabytes of input per second) and millions of characters per second.</summary>
public sealed class ThroughputColumn(bool chars) : IColumn
{
    public string Id => chars ? "MChars/s" : "MB/s";

    public string ColumnName => Id;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => chars ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => chars ? "Millions of UTF-16 characters scanned per second" : "Megabytes (UTF-8, 2^20 bytes) of input scanned per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var size = CaseSizes.Read(CaseSizes.KeyOf(benchmarkCase));
        if (report?.ResultStatistics == null || size == null)
        {
            return "?";
        }

        double seconds = report.ResultStatistics.Mean / 1e9;
        double value = chars ? size.Value.Chars / seconds / 1e6 : size.Value.Bytes / seconds / (1024 * 1024);
        return value.ToString("0.0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Sentences classified per second (the case's recorded count of sentences per operation).</summary>
public sealed class SentencesColumn : IColumn
{
    public string Id => "Sentences/s";

    public string ColumnName => Id;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Sentences classified per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var size = CaseSizes.Read(CaseSizes.KeyOf(benchmarkCase));
        return report?.ResultStatistics == null || size == null
            ? "?"
            : (size.Value.Chars / (report.ResultStatistics.Mean / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Classifier runs: an operation is a few thousand sentences, so more, shorter iterations.</summary>
public sealed class ClassifierConfig : ManualConfig
{
    public ClassifierConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new SentencesColumn(), StatisticColumn.Median);
        WithOptions(ConfigOptions.DisableLogFile);
        HideColumns(Column.Error, Column.StdDev, Column.RatioSD);
    }
}

/// <summary>
/// Few, long iterations: one operation scans tens of megabytes, so noise per iteration is small and the whole suite
/// stays within minutes on two cores. Runs in process (no generated project to build; the corpora are generated
/// once per process and shared by the cases).
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(7).WithUnrollFactor(1).WithInvocationCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn(false), new ThroughputColumn(true));
        AddColumn(StatisticColumn.Median);
        WithOptions(ConfigOptions.DisableLogFile);
        HideColumns(Column.Error, Column.StdDev, Column.RatioSD);
    }
}

