using System.Globalization;
using System.Text;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>
/// Writes GitHub Actions workflow commands, one per active finding, so each shows as an annotation on the pull request:
/// <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message</c> (<c>warning</c>, <c>notice</c> for info).
/// Values are escaped as the runner expects: in the message <c>%</c>, CR and LF; in properties also <c>:</c> and <c>,</c>.
/// </summary>
public static class GitHubAnnotationWriter
{
    public static void Write(ScanReport report, TextWriter output, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        string root = baseDirectory ?? Directory.GetCurrentDirectory();
        foreach (var file in report.Files)
        {
            string path = FindingFingerprint.RelativePath(file.Path, root);
            if (file.Error != null)
            {
                output.Write($"::error file={EscapeProperty(path)},title={EscapeProperty("compliance: file not scanned")}::{EscapeData(file.Error)}\n");
                continue;
            }

            foreach (var f in file.Findings.Where(f => f.IsActive))
            {
                output.Write(Command(path, f));
                output.Write('\n');
            }
        }
    }

    public static string Command(string path, Finding f)
    {
        string command = f.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
        };
        var props = new List<string>
        {
            "file=" + EscapeProperty(path),
            "line=" + Number(f.Line),
            "col=" + Number(f.Column),
            "endLine=" + Number(Math.Max(f.Line, f.EndLine)),
            "endColumn=" + Number(Math.Max(1, f.EndColumn)),
            "title=" + EscapeProperty($"{f.RuleId} ({f.Category})"),
        };
        return $"::{command} {string.Join(',', props)}::{EscapeData(Message(f))}";
    }

    private static string Message(Finding f) => FindingText.Describe(f, mentionReplacement: true);

    /// <summary>The message part: <c>%</c> → <c>%25</c>, CR → <c>%0D</c>, LF → <c>%0A</c>.</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as <see cref="EscapeData"/> plus <c>:</c> → <c>%3A</c> and <c>,</c> → <c>%2C</c>.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Number(int n) => Math.Max(1, n).ToString(CultureInfo.InvariantCulture);
}
