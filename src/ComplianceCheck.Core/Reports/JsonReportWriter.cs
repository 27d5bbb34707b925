using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Reports;

/// <summary>
/// The JSON report other tools rely on:
/// <c>{"tool":{name,version,rulesFingerprint},"files":[{path,format,product,productSource,findings:[…],error}],"summary":{…}}</c>.
/// Keys beyond that shape (channel, review, inForce…) only ever get added after the documented ones.
/// </summary>
public static class JsonReportWriter
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ScanReport report, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        writer.WriteStartObject();
        writer.WriteStartObject("tool");
        writer.WriteString("name", "compliance");
        writer.WriteString("version", report.ToolVersion);
        writer.WriteString("rulesFingerprint", report.RulesFingerprint);
        writer.WriteString("modelFingerprint", report.ModelFingerprint);
        writer.WriteEndObject();
        writer.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            WriteFile(writer, file);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        var s = report.Summary;
        writer.WriteStartObject("summary");
        writer.WriteNumber("files", s.Files);
        writer.WriteNumber("findings", s.Findings);
        writer.WriteNumber("errors", s.Errors);
        writer.WriteNumber("warnings", s.Warnings);
        writer.WriteNumber("infos", s.Infos);
        writer.WriteNumber("suppressed", s.Suppressed);
        writer.WriteNumber("notInForce", s.NotInForce);
        writer.WriteNumber("fileErrors", s.FileErrors);
        writer.WriteNumber("elapsedMs", (long)report.Elapsed.TotalMilliseconds);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands what the writer holds to its stream every 64 KB. Unflushed, a writer keeps the whole report in one growing buffer:
    /// on a 10,000-draft repository that was a 36 MB report held twice over while the buffer doubled, at the end of the run.
    /// </summary>
    public static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 16)
        {
            writer.Flush();
        }
    }

    public static void WriteFile(Utf8JsonWriter writer, FileResult file)
    {
        writer.WriteStartObject();
        writer.WriteString("path", file.Path.Replace('\\', '/'));
        writer.WriteString("format", file.Format);
        writer.WriteString("product", file.Profile?.Product);
        writer.WriteString("productSource", file.Profile?.ProductSource);
        writer.WriteStartArray("findings");
        foreach (var finding in file.Findings)
        {
            WriteFinding(writer, finding);
        }

        writer.WriteEndArray();
        writer.WriteString("error", file.Error);
        writer.WriteString("channel", file.Profile?.Channel);
        writer.WriteString("channelSource", file.Profile?.ChannelSource);
        writer.WriteStartArray("lang");
        foreach (string lang in file.Profile?.Languages ?? [])
        {
            writer.WriteStringValue(lang);
        }

        writer.WriteEndArray();
        writer.WriteString("encoding", file.Encoding);
        writer.WriteStartArray("warnings");
        foreach (string warning in file.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteFinding(Utf8JsonWriter writer, Finding f)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", f.RuleId);
        writer.WriteString("category", f.Category);
        writer.WriteString("severity", ScanReport.SeverityName(f.Severity));
        writer.WriteString("message", f.Message);
        writer.WriteNumber("line", f.Line);
        writer.WriteNumber("column", f.Column);
        writer.WriteNumber("endLine", f.EndLine);
        writer.WriteNumber("endColumn", f.EndColumn);
        writer.WriteString("match", f.Match);
        writer.WriteString("source", f.Source);
        if (f.Confidence is { } confidence)
        {
            writer.WriteNumber("confidence", Math.Round(confidence, 4));
        }
        else
        {
            writer.WriteNull("confidence");
        }

        writer.WriteString("legalBasis", f.LegalBasis);
        writer.WriteString("suggestion", f.Suggestion);
        writer.WriteBoolean("suppressed", f.Suppressed);
        if (f.SuppressionReason != null)
        {
            writer.WriteString("suppressionReason", f.SuppressionReason);
        }

        writer.WriteString("review", ScanReport.ReviewName(f.Review));
        writer.WriteBoolean("inForce", f.InForce);
        if (f.Note != null)
        {
            writer.WriteString("note", f.Note);
        }

        if (f.Fix != null)
        {
            writer.WriteStartObject("fix");
            writer.WriteString("kind", f.Fix.Kind == FixKind.Replace ? "replace" : "insert");
            writer.WriteString("text", f.Fix.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
