using System.Text;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using DiffPlex.Renderer;

namespace ComplianceCheck.Core.Fixes;

/// <summary>A fixed file: its new bytes (same encoding, BOM and line breaks as before), what was fixed and the diff.</summary>
public sealed record FileFix(string Path, byte[] FixedBytes, FixOutcome Outcome, string Diff, string EncodingName);

/// <summary>Fixes a file's bytes without changing its encoding, byte order mark or line breaks.</summary>
public static class FileFixer
{
    /// <summary>
    /// Applies the fixable findings to <paramref name="bytes"/>. Returns null when there is nothing to change;
    /// <paramref name="problem"/> says why a file with fixable findings was left alone (it does not round-trip
    /// through its encoding, so writing it back could alter bytes nobody asked to change).
    /// </summary>
    public static FileFix? Fix(string path, string displayPath, byte[] bytes, DocumentFormat format, IReadOnlyList<Finding> findings, out string? problem)
    {
        problem = null;
        if (!findings.Any(FixApplier.IsFixable))
        {
            return null;
        }

        DecodedText decoded;
        try
        {
            decoded = TextDecoder.Decode(bytes);
        }
        catch (UnreadableDraftException ex)
        {
            problem = ex.Message;
            return null;
        }

        if (!Encode(decoded, decoded.Text).AsSpan().SequenceEqual(bytes))
        {
            problem = $"not fixed: its bytes do not round-trip through {decoded.EncodingName}, so rewriting it could change more than the fixes";
            return null;
        }

        var outcome = FixApplier.Apply(decoded.Text, format, findings);
        if (!outcome.Changed)
        {
            if (outcome.Skipped.Count > 0)
            {
                problem = "not fixed: " + string.Join("; ", outcome.Skipped.Select(s => $"{s.Finding.RuleId} at line {s.Finding.Line}: {s.Reason}").Distinct());
            }

            return null;
        }

        byte[] fixedBytes = Encode(decoded, outcome.FixedText);
        string again;
        try
        {
            again = TextDecoder.Decode(fixedBytes).Text;
        }
        catch (UnreadableDraftException ex)
        {
            problem = "not fixed: the fixed text would not read back: " + ex.Message;
            return null;
        }

        if (!string.Equals(again, outcome.FixedText, StringComparison.Ordinal))
        {
            problem = $"not fixed: the fixed text would not read back the same in {decoded.EncodingName}";
            return null;
        }

        return new FileFix(path, fixedBytes, outcome, UnifiedDiff(outcome.OriginalText, outcome.FixedText, displayPath), decoded.EncodingName);
    }

    /// <summary>The text in the file's own encoding, with its byte order mark when it had one.</summary>
    public static byte[] Encode(DecodedText decoded, string text)
    {
        byte[] preamble = decoded.HadBom ? decoded.Encoding.GetPreamble() : [];
        byte[] body = decoded.Encoding.GetBytes(text);
        if (preamble.Length == 0)
        {
            return body;
        }

        var result = new byte[preamble.Length + body.Length];
        preamble.CopyTo(result, 0);
        body.CopyTo(result, preamble.Length);
        return result;
    }

    /// <summary>A unified diff (<c>--- a/path</c>, <c>+++ b/path</c>, hunks with 3 lines of context), line breaks shown as "\n".</summary>
    public static string UnifiedDiff(string before, string after, string displayPath)
    {
        string path = displayPath.Replace('\\', '/');
        string a = before.ReplaceLineEndings("\n");
        string b = after.ReplaceLineEndings("\n");

        // The differ reads "x\n" as two lines, "x" and an empty one; drop the shared final break so hunks match diff(1).
        if (a.EndsWith('\n') && b.EndsWith('\n'))
        {
            a = a[..^1];
            b = b[..^1];
        }
        string body = UnidiffRenderer.GenerateUnidiff(a, b, "a/" + path, "b/" + path, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
        var sb = new StringBuilder(body.ReplaceLineEndings("\n"));
        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
