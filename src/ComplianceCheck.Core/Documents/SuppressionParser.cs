using System.Text.RegularExpressions;

namespace ComplianceCheck.Core.Documents;

/// <summary>Reads <c>compliance-ignore RULE-ID[, RULE-ID]: reason</c> from a comment's text.</summary>
internal static partial class SuppressionParser
{
    [GeneratedRegex(@"compliance-ignore\s+(?<ids>[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)\s*(?::\s*(?<reason>.*?))?\s*(?:-->)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    public static bool LooksLikeDirective(string commentText) => commentText.Contains("compliance-ignore", StringComparison.Ordinal);

    /// <summary>
    /// Parses a directive found on <paramref name="line"/>. A trailing comment covers its own line; a comment alone on
    /// its line covers the next line with text (<paramref name="nextTextLine"/>).
    /// </summary>
    public static Suppression? Parse(string commentText, int line, int appliesToLine)
    {
        var m = Directive().Match(commentText);
        if (!m.Success)
        {
            return null;
        }

        var ids = m.Groups["ids"].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToUpperInvariant())
            .ToArray();
        return new Suppression(ids, m.Groups["reason"].Value.Trim(), line, appliesToLine);
    }

    /// <summary>The first line after <paramref name="line"/> holding anything but white space, or the line itself.</summary>
    public static int NextTextLine(LineIndex lines, int line)
    {
        for (int l = line + 1; l <= lines.LineCount; l++)
        {
            if (!string.IsNullOrWhiteSpace(lines.LineText(l)))
            {
                return l;
            }
        }

        return line;
    }

    /// <summary>Whether anything other than the comment stands on its line (then the comment is a trailing one).</summary>
    public static bool SharesLineWithText(string text, int commentStart, int commentEnd)
    {
        int s = commentStart - 1;
        while (s >= 0 && text[s] != '\n' && text[s] != '\r')
        {
            if (!char.IsWhiteSpace(text[s]))
            {
                return true;
            }

            s--;
        }

        for (int e = commentEnd; e < text.Length && text[e] != '\n' && text[e] != '\r'; e++)
        {
            if (!char.IsWhiteSpace(text[e]))
            {
                return true;
            }
        }

        return false;
    }
}
