using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Review.Checking;

/// <summary>
/// Findings as stored with a version: each object is exactly what <see cref="JsonReportWriter.WriteFinding"/> writes
/// (the keys of <c>compliance check --format json</c>), followed by <c>index</c>, <c>startOffset</c> and
/// <c>endOffset</c>, which the review page needs to highlight the match in place.
/// </summary>
public static class FindingJson
{
    public static string Serialize(IReadOnlyList<Finding> findings)
    {
        var array = new JsonArray();
        for (int i = 0; i < findings.Count; i++)
        {
            array.Add(ToNode(findings[i], i));
        }

        return array.ToJsonString(new JsonSerializerOptions { Encoder = JsonReportWriter.Options.Encoder });
    }

    public static IReadOnlyList<StoredFinding> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(Read).ToList();
    }

    private static JsonObject ToNode(Finding finding, int index)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonReportWriter.Options.Encoder }))
        {
            JsonReportWriter.WriteFinding(writer, finding);
        }

        var node = JsonNode.Parse(buffer.ToArray())!.AsObject();
        node["index"] = index;
        node["startOffset"] = finding.StartOffset;
        node["endOffset"] = finding.EndOffset;
        return node;
    }

    private static StoredFinding Read(JsonElement e) => new()
    {
        Index = e.GetProperty("index").GetInt32(),
        RuleId = e.GetProperty("ruleId").GetString() ?? string.Empty,
        Category = e.GetProperty("category").GetString() ?? string.Empty,
        Severity = e.GetProperty("severity").GetString() ?? "info",
        Message = e.GetProperty("message").GetString() ?? string.Empty,
        Line = e.GetProperty("line").GetInt32(),
        Column = e.GetProperty("column").GetInt32(),
        Match = e.GetProperty("match").GetString() ?? string.Empty,
        Source = e.GetProperty("source").GetString() ?? "rule",
        LegalBasis = e.GetProperty("legalBasis").GetString() ?? string.Empty,
        Suggestion = e.GetProperty("suggestion").GetString(),
        Suppressed = e.GetProperty("suppressed").GetBoolean(),
        InForce = e.GetProperty("inForce").GetBoolean(),
        StartOffset = e.GetProperty("startOffset").GetInt32(),
        EndOffset = e.GetProperty("endOffset").GetInt32(),
    };
}
