using System.CommandLine;

namespace ComplianceCheck.Cli.Gate;

/// <summary>The options of <c>check</c> that make it a CI gate: extra report files, changed files, baselines and autofix.</summary>
internal static class GateOptions
{
    /// <summary>Report formats beyond text and json.</summary>
    public static readonly IReadOnlyList<string> Formats = ["sarif", "junit", "github"];

    public static readonly Option<string?> SarifOutput = new("--sarif-output")
    {
        Description = "Also write a SARIF 2.1.0 report to FILE (for GitHub code scanning), whatever --format says.",
    };

    public static readonly Option<string?> JUnitOutput = new("--junit-output")
    {
        Description = "Also write a JUnit XML report to FILE (one test suite per file, one failing test per finding).",
    };

    public static readonly Option<string?> JsonOutput = new("--json-output") { Description = "Also write the JSON report to FILE." };

    public static readonly Option<string?> ChangedSince = new("--changed-since")
    {
        Description = "Scan only files added, modified or renamed since git REF (from its merge base with HEAD, including uncommitted and untracked files).",
    };

    public static readonly Option<string?> Baseline = new("--baseline")
    {
        Description = "Report only findings not in this baseline file (see 'compliance baseline create'), and count the baselined ones left and gone.",
    };

    public static readonly Option<bool> Fix = new("--fix")
    {
        Description = "Apply the rules' safe fixes (compliant wording, missing statements) in place, print a unified diff, then report what remains.",
    };

    public static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "With --fix: print the diff only, change no file (the report and exit code are for the files as they are).",
    };

    public static IEnumerable<Option> All => [SarifOutput, JUnitOutput, JsonOutput, ChangedSince, Baseline, Fix, DryRun];
}
