using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Gate;

/// <summary>One known finding: its rule, the file (relative to the baseline file) and its content fingerprints.</summary>
/// <param name="Fingerprint">Hash of the rule id, the matched text and its sentence (<see cref="FindingFingerprint.ContentHash"/>).</param>
/// <param name="MatchFingerprint">Hash of the rule id and the matched text only (<see cref="FindingFingerprint.MatchHash"/>).</param>
/// <param name="Line">Where it stood when the baseline was made; for people reading the file, never used to match.</param>
public sealed record BaselineEntry(string RuleId, string Path, string Fingerprint, string? MatchFingerprint, int Line, string Match);

/// <summary>A baseline file that cannot be read or used.</summary>
public sealed class BaselineException(string message) : Exception(message);

/// <summary>
/// The findings a content repository has accepted for now (<c>.compliance-baseline.json</c>): <c>check --baseline</c>
/// then fails only on findings that are not in it. Entries are matched by rule id, path and a fingerprint of the
/// matched text and its sentence, never by line, so edits elsewhere in a file do not turn known findings into new ones.
/// </summary>
public sealed class Baseline
{
    public const int FormatVersion = 1;

    private const int MaxMatchChars = 120;

    public Baseline(IReadOnlyList<BaselineEntry> entries, string? toolVersion = null, string? rulesFingerprint = null)
    {
        Entries = entries;
        ToolVersion = toolVersion;
        RulesFingerprint = rulesFingerprint;
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    public string? ToolVersion { get; }

    public string? RulesFingerprint { get; }

    /// <summary>Records every finding that is not suppressed inline (any severity, in force or not).</summary>
    public static Baseline FromResults(IEnumerable<FileResult> files, string baseDirectory, string? toolVersion = null, string? rulesFingerprint = null)
    {
        var entries = new List<BaselineEntry>();
        foreach (var file in files.Where(f => f.Error == null))
        {
            string path = FindingFingerprint.RelativePath(file.Path, baseDirectory);
            foreach (var finding in file.Findings.Where(f => !f.Suppressed))
            {
                string match = finding.Match.Length > MaxMatchChars ? finding.Match[..MaxMatchChars] + "…" : finding.Match;
                entries.Add(new BaselineEntry(finding.RuleId, path, FindingFingerprint.ContentHash(finding), FindingFingerprint.MatchHash(finding), finding.Line, match));
            }
        }

        entries.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Path, b.Path);
            c = c != 0 ? c : a.Line.CompareTo(b.Line);
            c = c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId);
            return c != 0 ? c : string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
        });
        return new Baseline(entries, toolVersion, rulesFingerprint);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Write(stream);
    }

    public void Write(Stream stream)
    {
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("tool", "compliance");
            writer.WriteString("toolVersion", ToolVersion);
            writer.WriteString("rulesFingerprint", RulesFingerprint);
            writer.WriteString("note", "Known findings accepted for now; 'compliance check --baseline FILE' fails only on findings not listed here. "
                + "Recreate with 'compliance baseline create -o FILE'.");
            writer.WriteStartArray("findings");
            foreach (var e in Entries)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", e.RuleId);
                writer.WriteString("path", e.Path);
                writer.WriteString("fingerprint", e.Fingerprint);
                if (e.MatchFingerprint != null)
                {
                    writer.WriteString("matchFingerprint", e.MatchFingerprint);
                }

                writer.WriteNumber("line", e.Line);
                writer.WriteString("match", e.Match);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.Write("\n"u8);
    }

    public static Baseline Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new BaselineException($"{path}: baseline file not found (create one with 'compliance baseline create -o {path}')");
        }
        catch (DirectoryNotFoundException)
        {
            throw new BaselineException($"{path}: baseline file not found (create one with 'compliance baseline create -o {path}')");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BaselineException($"{path}: cannot read baseline: {ex.Message}");
        }

        return Parse(bytes, path);
    }

    public static Baseline Parse(ReadOnlySpan<byte> json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            {
                throw new BaselineException($"{path}: not a baseline file (expected an object with a 'findings' array)");
            }

            if (root.TryGetProperty("version", out var version) && (version.ValueKind != JsonValueKind.Number || version.GetInt32() != FormatVersion))
            {
                throw new BaselineException($"{path}: baseline format version {version} is not supported (expected {FormatVersion}); recreate it with 'compliance baseline create'");
            }

            var entries = new List<BaselineEntry>();
            int index = 0;
            foreach (var item in findings.EnumerateArray())
            {
                string? ruleId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("ruleId", out var r) ? r.GetString() : null;
                string? file = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("path", out var p) ? p.GetString() : null;
                string? fingerprint = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("fingerprint", out var f) ? f.GetString() : null;
                if (string.IsNullOrEmpty(ruleId) || string.IsNullOrEmpty(file) || string.IsNullOrEmpty(fingerprint))
                {
                    throw new BaselineException($"{path}: findings[{index}] needs ruleId, path and fingerprint");
                }

                int line = item.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
                string match = item.TryGetProperty("match", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
                string? matchFingerprint = item.TryGetProperty("matchFingerprint", out var mf) && mf.ValueKind == JsonValueKind.String ? mf.GetString() : null;
                entries.Add(new BaselineEntry(ruleId, FindingFingerprint.NormalizePathSeparators(file), fingerprint, matchFingerprint, line, match));
                index++;
            }

            string? toolVersion = root.TryGetProperty("toolVersion", out var tv) && tv.ValueKind == JsonValueKind.String ? tv.GetString() : null;
            string? rules = root.TryGetProperty("rulesFingerprint", out var rf) && rf.ValueKind == JsonValueKind.String ? rf.GetString() : null;
            return new Baseline(entries, toolVersion, rules);
        }
        catch (JsonException ex)
        {
            throw new BaselineException($"{path}: not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            throw new BaselineException($"{path}: not a baseline file: {ex.Message}");
        }
    }

    /// <summary>A filter for one scan; paths are taken relative to <paramref name="baseDirectory"/> (the baseline file's folder).</summary>
    public BaselineFilter CreateFilter(string baseDirectory) => new(this, baseDirectory);
}

/// <summary>
/// Removes known findings from a scan's results, file by file, and counts what was hidden, what is new and which
/// baselined findings are gone (their files were scanned and the findings no longer appear). A finding matches an
/// entry of its file with the same content fingerprint; failing that, an entry with the same rule and matched text
/// whose sentence was edited (each entry is used once, so a file cannot gain occurrences unnoticed).
/// </summary>
public sealed class BaselineFilter
{
    private readonly string _baseDirectory;
    private readonly List<Slot> _slots = [];
    private readonly Dictionary<(string Path, string Fingerprint), List<Slot>> _byContent = [];
    private readonly Dictionary<(string Path, string Fingerprint), List<Slot>> _byMatch = [];
    private readonly HashSet<string> _scanned = new(StringComparer.Ordinal);

    internal BaselineFilter(Baseline baseline, string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        foreach (var e in baseline.Entries)
        {
            var slot = new Slot(e);
            _slots.Add(slot);
            Index(_byContent, (e.Path, e.Fingerprint), slot);
            if (e.MatchFingerprint != null)
            {
                Index(_byMatch, (e.Path, e.MatchFingerprint), slot);
            }
        }
    }

    /// <summary>Baselined findings found again (and hidden) so far.</summary>
    public int Hidden { get; private set; }

    /// <summary>Of <see cref="Hidden"/>, those found by rule and matched text after their sentence changed.</summary>
    public int Updated { get; private set; }

    /// <summary>Findings not in the baseline (suppressed ones not counted).</summary>
    public int New { get; private set; }

    /// <summary>Baselined findings of scanned files that no longer appear: fixed since the baseline was made.</summary>
    public int Gone => _slots.Count(s => !s.Used && _scanned.Contains(s.Entry.Path));

    /// <summary>Baselined findings of files this scan did not look at.</summary>
    public int NotScanned => _slots.Count(s => !s.Used && !_scanned.Contains(s.Entry.Path));

    /// <summary>
    /// Drops the findings of <paramref name="file"/> that the baseline knows. <paramref name="previousPath"/> is where
    /// the file was before a rename (from git), so a renamed file keeps its baselined findings.
    /// </summary>
    public FileResult Apply(FileResult file, string? previousPath = null)
    {
        string path = FindingFingerprint.RelativePath(file.Path, _baseDirectory);
        string? previous = previousPath == null ? null : FindingFingerprint.RelativePath(previousPath, _baseDirectory);
        _scanned.Add(path);
        if (previous != null)
        {
            _scanned.Add(previous);
        }

        if (file.Error != null || file.Findings.Count == 0)
        {
            return file;
        }

        string[] paths = previous == null ? [path] : [path, previous];
        var known = new bool[file.Findings.Count];

        // Exact matches first, so a loose match never takes the entry an unchanged finding needs.
        for (int i = 0; i < file.Findings.Count; i++)
        {
            var f = file.Findings[i];
            known[i] = !f.Suppressed && paths.Any(p => Take(_byContent, (p, FindingFingerprint.ContentHash(f))));
        }

        for (int i = 0; i < file.Findings.Count; i++)
        {
            var f = file.Findings[i];
            if (!known[i] && !f.Suppressed && paths.Any(p => Take(_byMatch, (p, FindingFingerprint.MatchHash(f)))))
            {
                known[i] = true;
                Updated++;
            }
        }

        var kept = new List<Finding>(file.Findings.Count);
        for (int i = 0; i < file.Findings.Count; i++)
        {
            if (known[i])
            {
                Hidden++;
                continue;
            }

            kept.Add(file.Findings[i]);
            if (!file.Findings[i].Suppressed)
            {
                New++;
            }
        }

        return kept.Count == file.Findings.Count ? file : file with { Findings = kept };
    }

    private static void Index(Dictionary<(string, string), List<Slot>> index, (string, string) key, Slot slot)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(slot);
    }

    private static bool Take(Dictionary<(string, string), List<Slot>> index, (string, string) key)
    {
        if (index.TryGetValue(key, out var list) && list.FirstOrDefault(s => !s.Used) is { } slot)
        {
            slot.Used = true;
            return true;
        }

        return false;
    }

    private sealed class Slot(BaselineEntry entry)
    {
        public BaselineEntry Entry { get; } = entry;

        public bool Used { get; set; }
    }
}

/// <summary>Helpers for writing the summary line of a baseline comparison.</summary>
public static class BaselineText
{
    public static string Summary(BaselineFilter filter, string baselinePath)
    {
        var sb = new StringBuilder();
        sb.Append($"baseline {baselinePath}: {filter.New} new finding(s); {filter.Hidden} baselined finding(s) remain (hidden), {filter.Gone} gone since the baseline");
        if (filter.NotScanned > 0)
        {
            sb.Append($", {filter.NotScanned} in files not scanned this run");
        }

        return sb.ToString();
    }
}
