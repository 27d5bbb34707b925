using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>Counts over a whole scan; suppressed findings and rules not yet in force are counted apart.</summary>
public sealed record ScanSummary(int Files, int Findings, int Errors, int Warnings, int Infos, int Suppressed, int NotInForce, int FileErrors)
{
    public static ScanSummary Of(IReadOnlyList<FileResult> files)
    {
        var active = files.SelectMany(f => f.Findings).Where(f => f.IsActive).ToList();
        var all = files.SelectMany(f => f.Findings).ToList();
        return new ScanSummary(
            files.Count,
            active.Count,
            active.Count(f => f.Severity == Severity.Error),
            active.Count(f => f.Severity == Severity.Warning),
            active.Count(f => f.Severity == Severity.Info),
            all.Count(f => f.Suppressed),
            all.Count(f => !f.Suppressed && !f.InForce),
            files.Count(f => f.Error != null));
    }

    public IReadOnlyDictionary<string, int> ByCategory(IReadOnlyList<FileResult> files) =>
        files.SelectMany(f => f.Findings).Where(f => f.IsActive).GroupBy(f => f.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A finished scan: what was scanned with which rules (and model), and what was found.</summary>
public sealed record ScanReport(string ToolVersion, string RulesFingerprint, string? ModelFingerprint, IReadOnlyList<FileResult> Files, TimeSpan Elapsed)
{
    public ScanSummary Summary { get; } = ScanSummary.Of(Files);

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static string ReviewName(ReviewHint review) => review switch
    {
        ReviewHint.NeedsReview => "needs-review",
        ReviewHint.Advice => "advice",
        _ => "violation",
    };

    /// <summary>Whether any active finding reaches <paramref name="failOn"/> (null: never fail on findings).</summary>
    public bool HasFindingsAtOrAbove(Severity? failOn) =>
        failOn is { } level && Files.SelectMany(f => f.Findings).Any(f => f.IsActive && f.Severity >= level);

    public static bool IsActive(Finding finding) => finding.IsActive;
}
