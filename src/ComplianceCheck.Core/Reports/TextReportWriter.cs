using System.Globalization;
using System.Text;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>
/// Compiler-style text: <c>path:line:col: severity [rule-id] message</c>, the source line with the match underlined,
/// the legal basis and the suggestion, then a summary. Colours only when asked (a terminal).
/// </summary>
public sealed class TextReportWriter(TextWriter output, bool color)
{
    private const string Reset = "\u001b[0m";

    public void WriteFile(FileResult file)
    {
        string path = file.Path.Replace('\\', '/');
        if (file.Error != null)
        {
            output.WriteLine($"{path}: {Paint("error", "31;1")}: {file.Error}");
            return;
        }

        var active = file.Findings.Where(f => !f.Suppressed && f.InForce).ToList();
        var pending = file.Findings.Where(f => !f.Suppressed && !f.InForce).ToList();
        foreach (var f in active)
        {
            WriteFinding(path, file, f);
        }

        if (pending.Count > 0)
        {
            output.WriteLine($"{path}: {pending.Count} finding(s) under rules not yet in force:");
            foreach (var f in pending)
            {
                WriteFinding(path, file, f);
            }
        }
    }

    private void WriteFinding(string path, FileResult file, Finding f)
    {
        string severity = ScanReport.SeverityName(f.Severity);
        string colorCode = f.Severity switch
        {
            Severity.Error => "31;1",
            Severity.Warning => "33;1",
            _ => "36",
        };
        string source = f.Source == "model" ? $" (model, {f.Confidence:P0})" : string.Empty;
        string review = f.Review == ReviewHint.NeedsReview ? " (needs a human look)" : string.Empty;
        output.WriteLine($"{path}:{f.Line}:{f.Column}: {Paint(severity, colorCode)} [{f.RuleId}] {f.Message}{source}{review}");
        if (file.Lines.TryGetValue(f.Line, out string? line))
        {
            string gutter = f.Line.ToString(CultureInfo.InvariantCulture);
            string pad = new(' ', gutter.Length);
            string shown = Shorten(line, f.Column, out int shift);
            output.WriteLine($"  {gutter} | {shown}");
            int startCol = f.Column - 1 - shift;
            int endCol = f.EndLine == f.Line ? f.EndColumn - 1 - shift : TextElementCount(shown);
            string lead = DisplayWidthPrefix(shown, startCol);
            int width = Math.Max(1, DisplayWidth(Slice(shown, startCol, endCol)));
            output.WriteLine($"  {pad} | {lead}{Paint(new string('^', width), colorCode)}");
        }

        if (!string.IsNullOrEmpty(f.LegalBasis))
        {
            output.WriteLine($"    = 依据 basis: {f.LegalBasis}");
        }

        if (!string.IsNullOrEmpty(f.Suggestion))
        {
            output.WriteLine($"    = 建议 suggestion: {f.Suggestion}");
        }

        if (f.Fix?.Kind == FixKind.InsertStatement)
        {
            output.WriteLine($"    = 补充 insert: {f.Fix.Text}");
        }
    }

    public void WriteSummary(ScanReport report)
    {
        var s = report.Summary;
        var categories = s.ByCategory(report.Files);
        output.WriteLine();
        string counts = $"{s.Errors} error(s), {s.Warnings} warning(s), {s.Infos} info";
        string extra = string.Concat(
            s.Suppressed > 0 ? $", {s.Suppressed} suppressed" : string.Empty,
            s.NotInForce > 0 ? $", {s.NotInForce} under rules not yet in force" : string.Empty,
            s.FileErrors > 0 ? $", {s.FileErrors} file(s) could not be scanned" : string.Empty);
        output.WriteLine($"{s.Files} file(s) scanned in {report.Elapsed.TotalSeconds:0.00} s: {counts}{extra}");
        if (categories.Count > 0)
        {
            output.WriteLine("by category: " + string.Join(", ", categories.Select(c => $"{c.Key} {c.Value}")));
        }
    }

    private string Paint(string text, string code) => color ? $"\u001b[{code}m{text}{Reset}" : text;

    /// <summary>Very long lines (a 50 MB single line) are cut to a window around the match.</summary>
    private static string Shorten(string line, int column, out int shift)
    {
        shift = 0;
        if (line.Length <= 240)
        {
            return line;
        }

        int start = Math.Max(0, column - 1 - 80);
        shift = start;
        return line.Substring(start, Math.Min(240, line.Length - start));
    }

    private static int TextElementCount(string s) => s.EnumerateRunes().Count();

    private static string Slice(string s, int fromRune, int toRune)
    {
        var sb = new StringBuilder();
        int i = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (i >= fromRune && i < toRune)
            {
                sb.Append(rune.ToString());
            }

            i++;
        }

        return sb.ToString();
    }

    private static string DisplayWidthPrefix(string s, int runes)
    {
        var sb = new StringBuilder();
        int i = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (i++ >= runes)
            {
                break;
            }

            sb.Append(rune.Value == '\t' ? "\t" : new string(' ', RuneWidth(rune)));
        }

        return sb.ToString();
    }

    private static int DisplayWidth(string s) => s.EnumerateRunes().Sum(RuneWidth);

    /// <summary>East Asian wide and full-width characters take two terminal cells.</summary>
    private static int RuneWidth(Rune rune)
    {
        int v = rune.Value;
        bool wide = v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F300 and <= 0x1FAFF or >= 0x20000 and <= 0x3FFFD;
        return wide ? 2 : 1;
    }
}
