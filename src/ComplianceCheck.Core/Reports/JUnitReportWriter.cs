using System.Globalization;
using System.Text;
using System.Xml;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>
/// Writes a scan as JUnit XML, the format CI dashboards (GitLab, Jenkins, Azure DevOps, GitHub test reporters) read:
/// one <c>&lt;testsuite&gt;</c> per file and one failing <c>&lt;testcase&gt;</c> per active error or warning; a clean
/// file has a single passing test case, and a file that could not be scanned has an errored one.
/// </summary>
public static class JUnitReportWriter
{
    public static void Write(ScanReport report, Stream stream, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        string root = baseDirectory ?? Directory.GetCurrentDirectory();
        var settings = new XmlWriterSettings
        {
            Indent = true,
            Encoding = new UTF8Encoding(false),
            NewLineChars = "\n",
            CloseOutput = false,
        };
        var suites = report.Files.Select(f => new Suite(f, FindingFingerprint.RelativePath(f.Path, root), Failures(f))).ToList();

        using (var w = XmlWriter.Create(stream, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "compliance");
            w.WriteAttributeString("tests", Count(suites.Sum(s => s.Tests)));
            w.WriteAttributeString("failures", Count(suites.Sum(s => s.Failures.Count)));
            w.WriteAttributeString("errors", Count(suites.Count(s => s.File.Error != null)));
            w.WriteAttributeString("skipped", "0");
            w.WriteAttributeString("time", Seconds(report.Elapsed.TotalSeconds));
            foreach (var suite in suites)
            {
                WriteSuite(w, suite);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        stream.Write("\n"u8);
    }

    private sealed record Suite(FileResult File, string Path, IReadOnlyList<Finding> Failures)
    {
        public int Tests => Math.Max(1, Failures.Count);
    }

    /// <summary>Active errors and warnings fail; info, suppressed and not-yet-in-force findings do not.</summary>
    private static List<Finding> Failures(FileResult file) =>
        file.Error != null ? [] : file.Findings.Where(f => f.IsActive && f.Severity >= Severity.Warning).ToList();

    private static void WriteSuite(XmlWriter w, Suite suite)
    {
        var file = suite.File;
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", Clean(suite.Path));
        w.WriteAttributeString("tests", Count(suite.Tests));
        w.WriteAttributeString("failures", Count(suite.Failures.Count));
        w.WriteAttributeString("errors", file.Error != null ? "1" : "0");
        w.WriteAttributeString("skipped", "0");
        w.WriteAttributeString("time", "0");
        if (file.Profile is { } profile)
        {
            w.WriteStartElement("properties");
            Property(w, "format", file.Format);
            Property(w, "product", profile.Product);
            Property(w, "channel", profile.Channel);
            Property(w, "lang", string.Join(",", profile.Languages));
            w.WriteEndElement();
        }

        if (file.Error != null)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("name", "scan");
            w.WriteAttributeString("classname", Clean(suite.Path));
            w.WriteAttributeString("file", Clean(suite.Path));
            w.WriteAttributeString("time", "0");
            w.WriteStartElement("error");
            w.WriteAttributeString("message", Clean(file.Error));
            w.WriteAttributeString("type", "scan-error");
            w.WriteString(Clean($"{suite.Path}: {file.Error}"));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        else if (suite.Failures.Count == 0)
        {
            w.WriteStartElement("testcase");
            w.WriteAttributeString("name", "compliance check");
            w.WriteAttributeString("classname", Clean(suite.Path));
            w.WriteAttributeString("file", Clean(suite.Path));
            w.WriteAttributeString("time", "0");
            w.WriteEndElement();
        }
        else
        {
            foreach (var f in suite.Failures)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("name", Clean($"{f.RuleId} at {f.Line}:{f.Column}: {Shorten(f.Match)}"));
                w.WriteAttributeString("classname", Clean(suite.Path));
                w.WriteAttributeString("file", Clean(suite.Path));
                w.WriteAttributeString("line", Count(f.Line));
                w.WriteAttributeString("time", "0");
                w.WriteStartElement("failure");
                w.WriteAttributeString("message", Clean($"[{f.RuleId}] {f.Message}"));
                w.WriteAttributeString("type", ScanReport.SeverityName(f.Severity));
                w.WriteString(Clean(Details(suite.Path, f)));
                w.WriteEndElement();
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
    }

    private static string Details(string path, Finding f)
    {
        var sb = new StringBuilder();
        sb.Append($"{path}:{f.Line}:{f.Column}: {ScanReport.SeverityName(f.Severity)} [{f.RuleId}] {f.Message}\n");
        sb.Append($"category: {f.Category}\n");
        if (f.Match.Length > 0)
        {
            sb.Append($"match: {f.Match}\n");
        }

        if (!string.IsNullOrEmpty(f.LegalBasis))
        {
            sb.Append($"依据 basis: {f.LegalBasis}\n");
        }

        if (!string.IsNullOrEmpty(f.Suggestion))
        {
            sb.Append($"建议 suggestion: {f.Suggestion}\n");
        }

        if (f.Fix is { Kind: FixKind.InsertStatement } insert)
        {
            sb.Append($"补充 insert: {insert.Text}\n");
        }
        else if (f.Fix is { Kind: FixKind.Replace } replace)
        {
            sb.Append($"autofix: replace with “{replace.Text}” (compliance check --fix)\n");
        }

        return sb.ToString();
    }

    private static void Property(XmlWriter w, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        w.WriteStartElement("property");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("value", Clean(value));
        w.WriteEndElement();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Shorten(string s)
    {
        string oneLine = s.ReplaceLineEndings(" ");
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates) so the report always parses.</summary>
    public static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('\uFFFD');
            }
        }

        return sb.ToString();
    }
}
