using System.CommandLine;
using System.Runtime.CompilerServices;
using ComplianceCheck.Cli.Commands;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Fixes;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Cli.Gate;

/// <summary>
/// The CI-gate side of one <c>check</c> run: narrows the inputs to changed files, hides baselined findings, applies
/// fixes, and writes the extra report files. One session per parsed command line.
/// </summary>
internal sealed class GateSession
{
    private static readonly ConditionalWeakTable<ParseResult, GateSession> Sessions = [];

    [ThreadStatic]
    private static GateSession? t_current;

    private readonly ParseResult _parse;
    private bool _prepared;
    private ChangeSet? _changes;
    private int _fixedFindings;
    private int _fixedFiles;

    private GateSession(ParseResult parse) => _parse = parse;

    /// <summary>The session whose report is being written on this thread (set when the scan finishes).</summary>
    public static GateSession? Current => t_current;

    public bool FixMode => _parse.GetValue(GateOptions.Fix);

    public bool DryRun => _parse.GetValue(GateOptions.DryRun);

    public string? BaselinePath => _parse.GetValue(GateOptions.Baseline);

    public BaselineFilter? BaselineFilter { get; private set; }

    public RuleSet? Rules { get; private set; }

    public static GateSession For(ParseResult parse) => Sessions.GetValue(parse, p => new GateSession(p));

    /// <summary>Text is streamed file by file except when fixing (the diff comes first, then the fixed files' findings).</summary>
    public bool StreamsText => !FixMode;

    /// <summary>Checks the options and loads the baseline before anything is scanned.</summary>
    public void Prepare()
    {
        if (_prepared)
        {
            return;
        }

        _prepared = true;
        if (DryRun && !FixMode)
        {
            throw new UsageException("--dry-run only goes with --fix (compliance check --fix --dry-run)");
        }

        if (BaselinePath is { } path)
        {
            try
            {
                var baseline = Baseline.Load(path);
                BaselineFilter = baseline.CreateFilter(Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory());
            }
            catch (BaselineException ex)
            {
                throw new UsageException(ex.Message);
            }
        }
    }

    public List<ScanInput> FilterInputs(List<ScanInput> inputs)
    {
        Prepare();
        if (_parse.GetValue(GateOptions.ChangedSince) is not { } gitRef)
        {
            return inputs;
        }

        _changes = ChangedFiles.Since(gitRef, Directory.GetCurrentDirectory());
        var kept = inputs.Where(i => _changes.Files.Contains(Path.GetFullPath(i.Path))).ToList();
        Console.Error.WriteLine($"compliance: --changed-since {gitRef}: {kept.Count} of {inputs.Count} file(s) changed");
        return kept;
    }

    public FileResult Transform(FileResult result)
    {
        Prepare();

        // When fixing, the baseline is applied to what is left after the fix (see Finish).
        return FixMode ? result : ApplyBaseline(result);
    }

    public ScanReport Finish(ScanReport report, Scanner scanner)
    {
        Prepare();
        Rules = scanner.Settings.Engine.RuleSet;
        t_current = this;
        var files = report.Files;
        if (FixMode)
        {
            files = RunFixes(files, scanner);
        }

        if (BaselineFilter != null)
        {
            Console.Error.WriteLine("compliance: " + BaselineText.Summary(BaselineFilter, BaselinePath!));
        }

        return ReferenceEquals(files, report.Files)
            ? report
            : new ScanReport(report.ToolVersion, report.RulesFingerprint, report.ModelFingerprint, files, report.Elapsed);
    }

    public void WriteExtraOutputs(ScanReport report)
    {
        t_current = this;
        Write(_parse.GetValue(GateOptions.SarifOutput), "sarif", report);
        Write(_parse.GetValue(GateOptions.JUnitOutput), "junit", report);
        Write(_parse.GetValue(GateOptions.JsonOutput), "json", report);
    }

    public IReadOnlyDictionary<string, object?> SarifRunProperties()
    {
        var properties = new Dictionary<string, object?>();
        if (BaselineFilter != null)
        {
            properties["baseline"] = new Dictionary<string, object?>
            {
                ["file"] = BaselinePath,
                ["new"] = BaselineFilter.New,
                ["unchanged"] = BaselineFilter.Hidden - BaselineFilter.Updated,
                ["updated"] = BaselineFilter.Updated,
                ["absent"] = BaselineFilter.Gone,
            };
        }

        if (_changes != null)
        {
            properties["changedSince"] = _changes.Ref;
        }

        if (FixMode)
        {
            properties["fixes"] = new Dictionary<string, object?> { ["dryRun"] = DryRun, ["findings"] = _fixedFindings, ["files"] = _fixedFiles };
        }

        return properties;
    }

    private static void Write(string? path, string format, ScanReport report)
    {
        if (path == null)
        {
            return;
        }

        using var stream = CheckRun.OpenOutput(path);
        if (format == "json")
        {
            JsonReportWriter.Write(report, stream);
        }
        else
        {
            GateReports.Write(report, format, stream);
        }
    }

    private FileResult ApplyBaseline(FileResult result)
    {
        if (BaselineFilter == null)
        {
            return result;
        }

        string? previous = _changes != null && _changes.RenamedFrom.TryGetValue(Path.GetFullPath(result.Path), out string? from) ? from : null;
        return BaselineFilter.Apply(result, previous);
    }

    private List<FileResult> RunFixes(IReadOnlyList<FileResult> files, Scanner scanner)
    {
        bool toStdout = _parse.GetValue(CheckCommand.Format) is null or "text" && _parse.GetValue(CheckCommand.Output) == null;
        var diffOut = toStdout ? Console.Out : Console.Error;
        string? stdinName = (_parse.GetValue(CheckCommand.Paths) ?? []).Contains("-") ? _parse.GetValue(CheckCommand.StdinName) ?? "<stdin>" : null;
        var results = new List<FileResult>(files.Count);
        foreach (var file in files)
        {
            if (file.Error != null || file.Path == stdinName || !file.Findings.Any(FixApplier.IsFixable))
            {
                results.Add(ApplyBaseline(file));
                continue;
            }

            var fixedResult = FixFile(file, scanner, diffOut);
            results.Add(ApplyBaseline(fixedResult ?? file));
        }

        diffOut.Flush();
        string summary = DryRun
            ? $"compliance: --fix --dry-run: {_fixedFindings} finding(s) in {_fixedFiles} file(s) would be fixed; no file was changed"
            : $"compliance: fixed {_fixedFindings} finding(s) in {_fixedFiles} file(s)";
        Console.Error.WriteLine(summary);
        return results;
    }

    /// <summary>Fixes one file; returns its re-scanned result, or null when it was left as it was.</summary>
    private FileResult? FixFile(FileResult file, Scanner scanner, TextWriter diffOut)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"compliance: warning: {file.Path}: not fixed: cannot read it again: {ex.Message}");
            return null;
        }

        if (file.Bytes > 0 && bytes.Length != file.Bytes)
        {
            Console.Error.WriteLine($"compliance: warning: {file.Path}: not fixed: it changed while it was being scanned");
            return null;
        }

        DocumentFormats.TryParse(file.Format, out var format);
        string display = FindingFingerprint.RelativePath(file.Path, Directory.GetCurrentDirectory());

        // Fix, re-scan, and keep only fixes that clear their finding: a statement inserted where its rule says but
        // that the rule still misses (its scope is narrower than its insert position) is left for a person.
        var excluded = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        FileFix? fix = null;
        FileResult? rescanned = null;
        string? problem = null;
        for (int attempt = 0; attempt < 4 && fix == null; attempt++)
        {
            var candidates = file.Findings.Where(f => !excluded.Contains(f)).ToList();
            fix = FileFixer.Fix(file.Path, display, bytes, format, candidates, out problem);
            if (fix == null)
            {
                break;
            }

            rescanned = scanner.ScanBytes(file.Path, fix.FixedBytes);
            var ineffective = Ineffective(file.Findings, fix.Outcome.Applied, rescanned.Findings);
            foreach (var finding in ineffective)
            {
                excluded.Add(finding);
                Console.Error.WriteLine($"compliance: warning: {display}:{finding.Line}:{finding.Column}: [{finding.RuleId}] not fixed: "
                    + "the rule still reports it after its fix is applied; fix it by hand");
            }

            if (ineffective.Count > 0)
            {
                fix = null;
                rescanned = null;
            }
        }

        if (problem != null)
        {
            Console.Error.WriteLine($"compliance: warning: {display}: {problem}");
        }

        if (fix == null || rescanned == null)
        {
            return null;
        }

        diffOut.Write(fix.Diff);
        foreach (var (finding, reason) in fix.Outcome.Skipped)
        {
            Console.Error.WriteLine($"compliance: warning: {display}:{finding.Line}:{finding.Column}: [{finding.RuleId}] not fixed: {reason}");
        }

        _fixedFiles++;
        _fixedFindings += fix.Outcome.Applied.Count;
        if (DryRun)
        {
            return null;
        }

        try
        {
            File.WriteAllBytes(file.Path, fix.FixedBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"compliance: warning: {display}: not fixed: cannot write it: {ex.Message}");
            _fixedFiles--;
            _fixedFindings -= fix.Outcome.Applied.Count;
            return null;
        }

        // Report what is left, exactly as a fresh 'check' of the fixed file says.
        return CheckExtensions.Transform(_parse, rescanned);
    }

    /// <summary>
    /// Applied fixes whose findings are still reported after the fix: for each rule and matched text, the fixed file
    /// must have fewer active findings than before by the number fixed.
    /// </summary>
    private static List<Finding> Ineffective(IReadOnlyList<Finding> before, IReadOnlyList<Finding> applied, IReadOnlyList<Finding> after)
    {
        var result = new List<Finding>();
        foreach (var group in applied.GroupBy(a => (a.RuleId, a.Match)))
        {
            int was = before.Count(f => f.IsActive && f.RuleId == group.Key.RuleId && f.Match == group.Key.Match);
            int now = after.Count(f => f.IsActive && f.RuleId == group.Key.RuleId && f.Match == group.Key.Match);
            if (now > was - group.Count())
            {
                result.AddRange(group);
            }
        }

        return result;
    }
}
