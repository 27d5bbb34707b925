using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Audit;

/// <summary>Writes the audit trail for auditors as CSV (one row per event) or JSON (an array of events).</summary>
public static class AuditExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "json"];

    private static readonly string[] Columns =
        ["sequence", "at", "actor", "role", "action", "itemId", "versionHash", "decision", "comment", "previousHash", "hash"];

    public static void Write(IEnumerable<AuditEvent> events, string format, Stream output)
    {
        if (format == "csv")
        {
            WriteCsv(events, output);
        }
        else
        {
            WriteJson(events, output);
        }
    }

    public static void WriteCsv(IEnumerable<AuditEvent> events, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (var e in events)
        {
            writer.WriteLine(string.Join(',', Values(e).Select(CsvCell)));
        }
    }

    public static void WriteJson(IEnumerable<AuditEvent> events, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var e in events)
        {
            WriteEvent(writer, e);
        }

        writer.WriteEndArray();
    }

    public static void WriteEvent(Utf8JsonWriter writer, AuditEvent e)
    {
        writer.WriteStartObject();
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("at", Timestamps.Format(e.Entry.At));
        writer.WriteString("actor", e.Entry.Actor);
        writer.WriteString("role", e.Entry.Role);
        writer.WriteString("action", e.Entry.Action);
        if (e.Entry.ItemId is { } itemId)
        {
            writer.WriteNumber("itemId", itemId);
        }
        else
        {
            writer.WriteNull("itemId");
        }

        writer.WriteString("versionHash", e.Entry.VersionHash);
        writer.WriteString("decision", e.Entry.Decision);
        writer.WriteString("comment", e.Entry.Comment);
        writer.WriteString("previousHash", e.PreviousHash);
        writer.WriteString("hash", e.Hash);
        writer.WriteEndObject();
    }

    private static IEnumerable<string?> Values(AuditEvent e) =>
    [
        e.Sequence.ToString(CultureInfo.InvariantCulture), Timestamps.Format(e.Entry.At), e.Entry.Actor, e.Entry.Role, e.Entry.Action,
        e.Entry.ItemId?.ToString(CultureInfo.InvariantCulture), e.Entry.VersionHash, e.Entry.Decision, e.Entry.Comment, e.PreviousHash, e.Hash,
    ];

    private static string CsvCell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A spreadsheet would run a cell starting with =, +, - or @ as a formula; a leading apostrophe keeps it text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
