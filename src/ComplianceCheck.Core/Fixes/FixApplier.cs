using System.Text;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Fixes;

/// <summary>The outcome of fixing one text: the new text, what was fixed and what was left alone (and why).</summary>
public sealed record FixOutcome(string OriginalText, string FixedText, IReadOnlyList<Finding> Applied, IReadOnlyList<(Finding Finding, string Reason)> Skipped)
{
    public bool Changed => !string.Equals(OriginalText, FixedText, StringComparison.Ordinal);
}

/// <summary>
/// Applies the safe fixes rules define (<see cref="FixKind.Replace"/>: the matched text becomes the rule's compliant
/// wording; <see cref="FixKind.InsertStatement"/>: a missing statement is added where the rule says) and nothing else:
/// every character outside the edited spans stays as it was, line breaks follow the file's own style (CRLF stays
/// CRLF), and inserted statements are shaped for the format (a new paragraph in Markdown and text, a
/// <c>&lt;p&gt;</c> in HTML).
/// </summary>
public static partial class FixApplier
{
    /// <summary>Whether a finding carries a fix this tool applies: an active, non-quoted rule hit that is not only "needs review".</summary>
    public static bool IsFixable(Finding finding) =>
        finding.Fix != null && finding.IsActive && finding.Source == "rule" && finding.Note == null && finding.Review != ReviewHint.NeedsReview
        && finding.Fix.Text.Length > 0;

    /// <summary>
    /// Whether a statement holds blanks for a person to fill in (<c>【X】</c>, <c>[x.xx]</c>, <c>{rate}</c>): inserting it
    /// would make the gate pass with the blank still in the draft, so --fix leaves it to the writer.
    /// </summary>
    public static bool HasPlaceholder(string statement) =>
        Placeholder().IsMatch(statement);

    public static FixOutcome Apply(string text, DocumentFormat format, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        string newline = DominantNewline(text);
        var skipped = new List<(Finding, string)>();
        var edits = new List<Edit>();
        var applied = new List<Finding>();

        // Replacements first, in order; a replacement overlapping one already taken is left for the next run.
        int lastEnd = -1;
        foreach (var f in findings.Where(f => IsFixable(f) && f.Fix!.Kind == FixKind.Replace).OrderBy(f => f.Fix!.Start).ThenBy(f => f.Fix!.End))
        {
            var fix = f.Fix!;
            if (fix.Start < 0 || fix.End > text.Length || fix.End < fix.Start)
            {
                skipped.Add((f, "the file changed since it was scanned"));
                continue;
            }

            if (!string.Equals(text[fix.Start..fix.End], f.Match, StringComparison.Ordinal))
            {
                skipped.Add((f, "the text at the finding is not what was matched"));
                continue;
            }

            if (fix.Start < lastEnd)
            {
                skipped.Add((f, "overlaps another fix"));
                continue;
            }

            edits.Add(new Edit(fix.Start, fix.End, fix.Text.ReplaceLineEndings(newline), Order: 0));
            applied.Add(f);
            lastEnd = fix.End;
        }

        // Insertions: one per distinct statement and place (a block-scoped statement may be needed beside each of
        // several tables), never inside a replaced span.
        var inserted = new HashSet<(string, int)>();
        int order = 1;
        foreach (var f in findings.Where(f => IsFixable(f) && f.Fix!.Kind == FixKind.InsertStatement).OrderBy(f => f.Fix!.Start))
        {
            var fix = f.Fix!;
            string statement = fix.Text.Trim();
            if (fix.Start < 0 || fix.Start > text.Length)
            {
                skipped.Add((f, "the file changed since it was scanned"));
                continue;
            }

            if (HasPlaceholder(statement))
            {
                skipped.Add((f, $"its statement has blanks to fill in; add it by hand: {statement}"));
                continue;
            }

            int at = format == DocumentFormat.Html ? HtmlInsertionPoint(text, fix.Start) : fix.Start;
            if (!inserted.Add((statement, at)))
            {
                // The same statement is already being added here for another finding: that covers this one too.
                applied.Add(f);
                continue;
            }

            if (edits.Any(e => e.Start < at && at < e.End))
            {
                skipped.Add((f, "falls inside another fix"));
                continue;
            }

            string shaped = format == DocumentFormat.Html
                ? ShapeHtml(text, at, statement, newline)
                : ShapeParagraph(text, at, statement, newline, edits.Where(e => e.Start == at && e.Order > 0).Select(e => e.Text).LastOrDefault());
            edits.Add(new Edit(at, at, shaped, order++));
            applied.Add(f);
        }

        if (edits.Count == 0)
        {
            return new FixOutcome(text, text, applied, skipped);
        }

        var sb = new StringBuilder(text.Length + edits.Sum(e => e.Text.Length));
        int cursor = 0;
        foreach (var edit in edits.OrderBy(e => e.Start).ThenBy(e => e.End).ThenBy(e => e.Order))
        {
            sb.Append(text, cursor, edit.Start - cursor);
            sb.Append(edit.Text);
            cursor = edit.End;
        }

        sb.Append(text, cursor, text.Length - cursor);
        return new FixOutcome(text, sb.ToString(), applied, skipped);
    }

    /// <summary>"\r\n" when the file's line breaks are mostly CRLF, "\r" for old Mac files, else "\n".</summary>
    public static string DominantNewline(string text)
    {
        int crlf = 0, lf = 0, cr = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    crlf++;
                    i++;
                }
                else
                {
                    cr++;
                }
            }
            else if (text[i] == '\n')
            {
                lf++;
            }
        }

        return crlf > lf && crlf >= cr ? "\r\n" : cr > lf && cr > crlf ? "\r" : "\n";
    }

    /// <summary>
    /// A statement as a paragraph of its own at <paramref name="at"/>: a blank line before it (unless the text is
    /// empty there or one is already there) and after it (unless the text ends there).
    /// </summary>
    private static string ShapeParagraph(string text, int at, string statement, string nl, string? previousInsertHere)
    {
        var sb = new StringBuilder();
        if (previousInsertHere == null)
        {
            int breaksBefore = TrailingLineBreaks(text, at);
            if (at > 0 && breaksBefore < 2)
            {
                for (int i = breaksBefore; i < 2; i++)
                {
                    sb.Append(nl);
                }
            }
        }
        else if (!previousInsertHere.EndsWith(nl + nl, StringComparison.Ordinal))
        {
            // Right after another inserted paragraph, which ends with a line break: one more makes the blank line.
            sb.Append(nl);
        }

        sb.Append(statement.ReplaceLineEndings(nl));
        sb.Append(nl);
        if (at < text.Length && !StartsWithLineBreak(text, at))
        {
            sb.Append(nl);
        }

        return sb.ToString();
    }

    private static int TrailingLineBreaks(string text, int at)
    {
        int count = 0;
        int i = at - 1;
        while (i >= 0)
        {
            if (text[i] == '\n')
            {
                count++;
                i -= i > 0 && text[i - 1] == '\r' ? 2 : 1;
            }
            else if (text[i] == '\r')
            {
                count++;
                i--;
            }
            else if (text[i] is ' ' or '\t')
            {
                i--;
            }
            else
            {
                break;
            }
        }

        return count;
    }

    private static bool StartsWithLineBreak(string text, int at)
    {
        int i = at;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i >= text.Length || text[i] is '\n' or '\r';
    }

    /// <summary>
    /// Where a statement goes in an HTML page: at the end of the document means just before <c>&lt;/body&gt;</c>
    /// (at the start of its line when it stands alone there), or before <c>&lt;/html&gt;</c>, or at the very end; a
    /// point inside a table moves past the table's end.
    /// </summary>
    private static int HtmlInsertionPoint(string text, int at)
    {
        if (at >= text.Length)
        {
            int body = text.LastIndexOf("</body", StringComparison.OrdinalIgnoreCase);
            int html = text.LastIndexOf("</html", StringComparison.OrdinalIgnoreCase);
            int close = body >= 0 ? body : html;
            return close >= 0 ? LineStartIfAlone(text, close) : text.Length;
        }

        // Inside an open <table>? Move to just after the line holding its </table>.
        int opens = CountTag(text, "<table", at);
        int closes = CountTag(text, "</table", at);
        if (opens > closes)
        {
            int depth = opens - closes;
            int i = at;
            while (depth > 0)
            {
                int nextOpen = text.IndexOf("<table", i, StringComparison.OrdinalIgnoreCase);
                int nextClose = text.IndexOf("</table", i, StringComparison.OrdinalIgnoreCase);
                if (nextClose < 0)
                {
                    return at;
                }

                if (nextOpen >= 0 && nextOpen < nextClose)
                {
                    depth++;
                    i = nextOpen + 6;
                }
                else
                {
                    depth--;
                    i = nextClose + 7;
                }
            }

            int gt = text.IndexOf('>', i);
            int end = gt < 0 ? text.Length : gt + 1;
            int nl = text.IndexOf('\n', end);
            return nl < 0 ? text.Length : nl + 1;
        }

        return at;
    }

    private static int LineStartIfAlone(string text, int index)
    {
        int i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] is '\n' or '\r' ? i + 1 : index;
    }

    private static int CountTag(string text, string tag, int before)
    {
        int count = 0;
        int i = 0;
        while ((i = text.IndexOf(tag, i, StringComparison.OrdinalIgnoreCase)) >= 0 && i < before)
        {
            int after = i + tag.Length;
            if (after >= text.Length || text[after] is '>' or ' ' or '\t' or '\r' or '\n' or '/')
            {
                count++;
            }

            i = after;
        }

        return count;
    }

    private static string ShapeHtml(string text, int at, string statement, string nl)
    {
        string paragraph = "<p>" + HtmlEscape(statement).ReplaceLineEndings("<br>") + "</p>";
        bool atLineStart = at == 0 || text[at - 1] is '\n' or '\r';
        if (atLineStart)
        {
            return paragraph + nl;
        }

        // Mid-line (e.g. "...</p></body>" on one line, or a page without a final line break): keep to the line.
        return at >= text.Length ? nl + paragraph + nl : paragraph;
    }

    private static string HtmlEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"【[^】]*】|\[[^\]]*\]|\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    private sealed record Edit(int Start, int End, string Text, int Order);
}
