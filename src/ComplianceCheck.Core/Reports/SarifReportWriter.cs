using System.Text;
using System.Text.Json;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>What a SARIF log needs beyond the scan itself.</summary>
public sealed record SarifOptions
{
    /// <summary>Every loaded rule: the driver lists them all (code scanning shows their help beside each alert).</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>Artifact URIs are relative to this folder (the <c>%SRCROOT%</c> base), normally the repository root.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>When a baseline filtered the results, each result is marked <c>baselineState: new</c>.</summary>
    public bool BaselineApplied { get; init; }

    /// <summary>Extra run-level properties (e.g. baseline counts).</summary>
    public IReadOnlyDictionary<string, object?> RunProperties { get; init; } = new Dictionary<string, object?>();
}

/// <summary>
/// Writes a scan as a SARIF 2.1.0 log (one run) for GitHub code scanning and other SARIF viewers: the driver lists every
/// rule (id, name, short and full description, help with the legal basis, default level); each finding becomes a result
/// with its rule, level, message, region (columns in Unicode code points), a partial fingerprint that survives edits
/// elsewhere in the file, inline suppressions, and a fix when the rule replaces the matched text.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string FingerprintKey = "complianceFingerprint/v1";
    private const string SourceRoot = "%SRCROOT%";

    public static void Write(ScanReport report, Stream stream, SarifOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var descriptors = BuildDescriptors(report, options.Rules);
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);

        using var w = new Utf8JsonWriter(stream, JsonReportWriter.Options);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        WriteTool(w, report, descriptors);
        WriteInvocation(w, report, options);
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot);
        w.WriteString("uri", DirectoryUri(options.BaseDirectory));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("columnKind", "unicodeCodePoints");

        w.WriteStartArray("results");
        foreach (var file in report.Files.Where(f => f.Error == null))
        {
            string relative = FindingFingerprint.RelativePath(file.Path, options.BaseDirectory);
            var fingerprints = FindingFingerprint.ForFile(relative, file.Findings);
            for (int i = 0; i < file.Findings.Count; i++)
            {
                WriteResult(w, file, file.Findings[i], fingerprints[i], index, options);
            }

            JsonReportWriter.FlushWhenFull(w);
        }

        w.WriteEndArray();

        if (options.RunProperties.Count > 0)
        {
            w.WriteStartObject("properties");
            foreach (var (key, value) in options.RunProperties)
            {
                w.WritePropertyName(key);
                JsonSerializer.Serialize(w, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>SARIF levels: error, warning, note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter w, ScanReport report, IReadOnlyList<Descriptor> descriptors)
    {
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "compliance");
        w.WriteString("fullName", $"ComplianceCheck {report.ToolVersion}");
        w.WriteString("version", report.ToolVersion);
        w.WriteString("semanticVersion", report.ToolVersion);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", "Checks financial marketing drafts against advertising and financial-promotion rules.");
        w.WriteEndObject();
        w.WriteStartArray("rules");
        foreach (var d in descriptors)
        {
            WriteDescriptor(w, d);
        }

        w.WriteEndArray();
        w.WriteStartObject("properties");
        w.WriteString("rulesFingerprint", report.RulesFingerprint);
        if (report.ModelFingerprint != null)
        {
            w.WriteString("modelFingerprint", report.ModelFingerprint);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter w, ScanReport report, SarifOptions options)
    {
        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", report.Files.All(f => f.Error == null));
        var failed = report.Files.Where(f => f.Error != null).ToList();
        if (failed.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var file in failed)
            {
                w.WriteStartObject();
                w.WriteString("level", "error");
                w.WriteStartObject("message");
                w.WriteString("text", $"{FindingFingerprint.RelativePath(file.Path, options.BaseDirectory)}: {file.Error}");
                w.WriteEndObject();
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                WriteArtifactLocation(w, file.Path, options.BaseDirectory);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter w, FileResult file, Finding f, string fingerprint, Dictionary<string, int> index, SarifOptions options)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteNumber("ruleIndex", index[f.RuleId]);
        if (!f.InForce && !f.Suppressed)
        {
            // Rules whose basis is not yet in force are reported for information only: they never fail the gate.
            w.WriteString("kind", "informational");
            w.WriteString("level", "none");
        }
        else
        {
            w.WriteString("level", Level(f.Severity));
        }

        w.WriteStartObject("message");
        w.WriteString("text", MessageText(f));
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        WriteArtifactLocation(w, file.Path, options.BaseDirectory);
        WriteRegion(w, f, "region", snippet: true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, fingerprint);
        w.WriteEndObject();

        if (f.Suppressed)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "inSource");
            if (!string.IsNullOrWhiteSpace(f.SuppressionReason))
            {
                w.WriteString("justification", f.SuppressionReason);
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        if (options.BaselineApplied && !f.Suppressed)
        {
            w.WriteString("baselineState", "new");
        }

        if (f.Fix is { Kind: FixKind.Replace } fix && f.Match.Length > 0)
        {
            w.WriteStartArray("fixes");
            w.WriteStartObject();
            w.WriteStartObject("description");
            w.WriteString("text", $"Replace “{f.Match}” with “{fix.Text}”");
            w.WriteEndObject();
            w.WriteStartArray("artifactChanges");
            w.WriteStartObject();
            WriteArtifactLocation(w, file.Path, options.BaseDirectory);
            w.WriteStartArray("replacements");
            w.WriteStartObject();
            WriteRegion(w, f, "deletedRegion", snippet: false);
            w.WriteStartObject("insertedContent");
            w.WriteString("text", fix.Text);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartObject("properties");
        w.WriteString("category", f.Category);
        w.WriteString("severity", ScanReport.SeverityName(f.Severity));
        w.WriteString("source", f.Source);
        if (f.Confidence is { } confidence)
        {
            w.WriteNumber("confidence", Math.Round(confidence, 4));
        }

        w.WriteString("legalBasis", f.LegalBasis);
        if (f.Suggestion != null)
        {
            w.WriteString("suggestion", f.Suggestion);
        }

        w.WriteString("review", ScanReport.ReviewName(f.Review));
        w.WriteBoolean("inForce", f.InForce);
        if (f.Note != null)
        {
            w.WriteString("note", f.Note);
        }

        if (f.Fix is { Kind: FixKind.InsertStatement } insert)
        {
            w.WriteString("insertStatement", insert.Text);
        }

        w.WriteStartArray("tags");
        w.WriteStringValue(f.Category);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string MessageText(Finding f) => FindingText.Describe(f, mentionReplacement: false);

    private static void WriteRegion(Utf8JsonWriter w, Finding f, string name, bool snippet)
    {
        w.WriteStartObject(name);
        w.WriteNumber("startLine", Math.Max(1, f.Line));
        w.WriteNumber("startColumn", Math.Max(1, f.Column));
        w.WriteNumber("endLine", Math.Max(Math.Max(1, f.Line), f.EndLine));
        w.WriteNumber("endColumn", Math.Max(1, f.EndLine > f.Line ? f.EndColumn : Math.Max(f.Column, f.EndColumn)));
        if (snippet && f.Match.Length > 0)
        {
            w.WriteStartObject("snippet");
            w.WriteString("text", f.Match);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter w, string path, string baseDirectory)
    {
        w.WriteStartObject("artifactLocation");
        string relative = FindingFingerprint.RelativePath(path, baseDirectory);
        if (Path.IsPathRooted(relative))
        {
            w.WriteString("uri", new Uri(Path.GetFullPath(path)).AbsoluteUri);
        }
        else
        {
            w.WriteString("uri", string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
            w.WriteString("uriBaseId", SourceRoot);
        }

        w.WriteEndObject();
    }

    private static string DirectoryUri(string directory)
    {
        string full = Path.GetFullPath(directory);
        if (!full.EndsWith(Path.DirectorySeparatorChar) && !full.EndsWith(Path.AltDirectorySeparatorChar))
        {
            full += Path.DirectorySeparatorChar;
        }

        return new Uri(full).AbsoluteUri;
    }

    private sealed record Descriptor(string Id, Rule? Rule, string Category, Severity Severity);

    /// <summary>Every loaded rule, then any rule id a result uses that is not among them (the classifier's labels).</summary>
    private static List<Descriptor> BuildDescriptors(ScanReport report, IReadOnlyList<Rule> rules)
    {
        var list = rules.Select(r => new Descriptor(r.Id, r, r.Category, r.Severity)).ToList();
        var known = new HashSet<string>(list.Select(d => d.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var f in report.Files.SelectMany(f => f.Findings))
        {
            if (known.Add(f.RuleId))
            {
                list.Add(new Descriptor(f.RuleId, null, f.Category, f.Severity));
            }
        }

        return list;
    }

    private static void WriteDescriptor(Utf8JsonWriter w, Descriptor d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        if (d.Rule is not { } rule)
        {
            w.WriteString("name", d.Id);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", $"{d.Category}: flagged by the classifier");
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", $"A sentence the ML classifier judges to be a {d.Category} risk although no rule matched it; it needs a human look.");
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", "Flagged by the classifier trained on the project's labelled corpora, not by a rule; review the sentence against the rules of its category.");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(d.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", d.Category);
            w.WriteStartArray("tags");
            w.WriteStringValue(d.Category);
            w.WriteStringValue("classifier");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            return;
        }

        w.WriteString("name", rule.Name);
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Name);
        w.WriteEndObject();
        w.WriteStartObject("fullDescription");
        w.WriteString("text", FullDescription(rule));
        w.WriteEndObject();
        var (helpText, helpMarkdown) = Help(rule);
        w.WriteStartObject("help");
        w.WriteString("text", helpText);
        w.WriteString("markdown", helpMarkdown);
        w.WriteEndObject();
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.Severity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("category", rule.Category);
        w.WriteString("kind", rule.Kind.ToString().ToLowerInvariant());
        w.WriteString("lang", rule.Lang);
        w.WriteString("review", ScanReport.ReviewName(rule.Review));
        w.WriteString("legalBasisType", rule.LegalBasis.Type);
        if (rule.Effective is { } effective)
        {
            w.WriteString("effective", effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteStartArray("tags");
        w.WriteStringValue(rule.Category);
        w.WriteStringValue(rule.Lang);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string FullDescription(Rule rule)
    {
        string message = PlaceholderText(rule.Message);
        string what = rule switch
        {
            PhraseRule p => "Flags: " + Shorten(string.Join("、", p.Phrases)),
            PatternRule p => "Flags text matching: " + Shorten(p.Expression.Text),
            ProximityRule p => $"Flags {Shorten(string.Join("、", p.First))} within {p.Within} characters of {Shorten(string.Join("、", p.Second))}",
            RequiredRule r => "Requires a statement such as: " + r.InsertText,
            _ => string.Empty,
        };
        return $"{rule.Name}. {message}. {what}".Replace("。.", "。", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);
    }

    private static (string Text, string Markdown) Help(Rule rule)
    {
        var text = new StringBuilder();
        var md = new StringBuilder();
        string basis = rule.LegalBasis.ToString();
        text.Append("Legal basis 依据: ").Append(basis).AppendLine();
        md.Append("**Legal basis 依据:** ").Append(basis).Append("\n\n");
        if (rule.LegalBasis.Quote is { } quote)
        {
            text.Append("Quote: ").Append(quote).AppendLine();
            md.Append("> ").Append(quote).Append("\n\n");
        }

        if (rule.Effective is { } effective)
        {
            string date = effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            text.Append("In force from ").Append(date).AppendLine();
            md.Append("In force from ").Append(date).Append(".\n\n");
        }

        if (rule.Suggestion != null)
        {
            text.Append("Suggestion 建议: ").Append(rule.Suggestion).AppendLine();
            md.Append("**Suggestion 建议:** ").Append(rule.Suggestion).Append("\n\n");
        }

        if (rule.FixReplace != null)
        {
            text.Append("Autofix (compliance check --fix): replace with “").Append(rule.FixReplace).AppendLine("”");
            md.Append("**Autofix** (`compliance check --fix`): replace with “").Append(rule.FixReplace).Append("”\n\n");
        }

        if (rule is RequiredRule required)
        {
            text.Append("Statement to add 补充: ").Append(required.InsertText).AppendLine();
            md.Append("**Statement to add 补充:** ").Append(required.InsertText).Append("\n\n");
        }

        if (rule.FlagExamples.Count > 0)
        {
            text.AppendLine("Flagged, e.g.: " + string.Join(" | ", rule.FlagExamples.Take(3).Select(e => e.Text)));
            md.Append("Flagged, e.g.:\n\n").Append(string.Concat(rule.FlagExamples.Take(3).Select(e => $"- ✗ {e.Text}\n"))).Append('\n');
        }

        if (rule.PassExamples.Count > 0)
        {
            text.AppendLine("Not flagged, e.g.: " + string.Join(" | ", rule.PassExamples.Take(3).Select(e => e.Text)));
            md.Append("Not flagged, e.g.:\n\n").Append(string.Concat(rule.PassExamples.Take(3).Select(e => $"- ✓ {e.Text}\n"))).Append('\n');
        }

        text.Append("Explain: compliance rules explain ").Append(rule.Id);
        md.Append("Run `compliance rules explain ").Append(rule.Id).Append("` for details.");
        return (text.ToString().ReplaceLineEndings("\n"), md.ToString());
    }

    private static string PlaceholderText(string message)
    {
        var sb = new StringBuilder(message.Length);
        int depth = 0;
        foreach (char c in message)
        {
            if (c == '{')
            {
                depth++;
                sb.Append('…');
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimEnd('。', '.', ' ');
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
