using System.Security.Cryptography;
using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Gate;

/// <summary>
/// Identifies a finding across edits of its file: the rule id, the file's path and a hash of the matched text and the
/// sentence around it, never a line or column, so text inserted above a finding, or a paragraph reflowed, leaves the
/// identity unchanged. Two identical findings in one file (the same sentence twice) are told apart by their order.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>Hex digits kept of the SHA-256 (96 bits: collisions are not a practical concern).</summary>
    private const int HexDigits = 24;

    /// <summary>Rule id plus a hash of the normalised match and context; the path is kept beside it, not in it.</summary>
    public static string ContentHash(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        string material = string.Join('\u001f', finding.RuleId.ToUpperInvariant(), Normalize(finding.Match), Normalize(finding.Context));
        return Hash(material);
    }

    /// <summary>
    /// Rule id plus a hash of the normalised match only: the looser identity a baseline falls back on when the sentence
    /// around a known finding was edited (another phrase in it fixed, say) but the finding itself is still there.
    /// </summary>
    public static string MatchHash(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Hash(string.Join('\u001f', finding.RuleId.ToUpperInvariant(), Normalize(finding.Match)));
    }

    /// <summary>A single string naming the finding in its file: hash of rule id, path and <see cref="ContentHash"/>.</summary>
    public static string Of(string relativePath, Finding finding) =>
        Hash(string.Join('\u001f', finding.RuleId.ToUpperInvariant(), NormalizePathSeparators(relativePath), ContentHash(finding)));

    /// <summary>
    /// The fingerprints of a file's findings, in their order, each suffixed with <c>:n</c>, its occurrence among
    /// findings with the same fingerprint (1 for the first), as SARIF consumers expect of partial fingerprints.
    /// </summary>
    public static IReadOnlyList<string> ForFile(string relativePath, IReadOnlyList<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            string fingerprint = Of(relativePath, findings[i]);
            int n = seen.TryGetValue(fingerprint, out int count) ? count + 1 : 1;
            seen[fingerprint] = n;
            result[i] = $"{fingerprint}:{n}";
        }

        return result;
    }

    /// <summary>A path relative to <paramref name="baseDirectory"/> with '/' separators (absolute when outside it).</summary>
    public static string RelativePath(string path, string baseDirectory)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal)
            || Path.IsPathRooted(relative))
        {
            return NormalizePathSeparators(full);
        }

        return NormalizePathSeparators(relative);
    }

    public static string NormalizePathSeparators(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p;
    }

    /// <summary>Folds width and case and drops every white-space character, so re-wrapping a line changes nothing.</summary>
    private static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string folded = TextFold.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Hash(string material) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..HexDigits];
}
