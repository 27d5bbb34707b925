using ComplianceCheck.Review.Model;

namespace ComplianceCheck.Web.Rendering;

/// <summary>A run of draft text and the findings whose spans cover all of it.</summary>
public sealed record DraftSegment(string Text, IReadOnlyList<StoredFinding> Findings, IReadOnlyList<int> StartsHere)
{
    public bool IsHighlighted => Findings.Count > 0;

    /// <summary>The most serious finding decides the colour of overlapping highlights.</summary>
    public string SeverityClass => Findings.Any(f => f.IsError) ? "sev-error" : Findings.Any(f => f.Severity == "warning") ? "sev-warning" : "sev-info";

    public string Title => string.Join(" · ", Findings.Select(f => $"#{f.Index} {f.RuleId}: {f.Message}"));
}

/// <summary>
/// Splits a draft into plain and highlighted runs at every finding boundary, so the page can show the text exactly as
/// submitted (escaped by Razor, never interpreted as HTML) with each finding marked in place.
/// </summary>
public static class HighlightedDraft
{
    public static IReadOnlyList<DraftSegment> Build(string content, IEnumerable<StoredFinding> findings)
    {
        var spans = findings
            .Where(f => f.IsActive && !f.IsMissingStatement && f.StartOffset >= 0 && f.EndOffset <= content.Length)
            .ToList();
        var cuts = new SortedSet<int> { 0, content.Length };
        foreach (var f in spans)
        {
            cuts.Add(f.StartOffset);
            cuts.Add(f.EndOffset);
        }

        var segments = new List<DraftSegment>();
        int? previous = null;
        foreach (int cut in cuts)
        {
            if (previous is { } start && cut > start)
            {
                var covering = spans.Where(f => f.StartOffset <= start && f.EndOffset >= cut).ToList();
                var starting = spans.Where(f => f.StartOffset == start).Select(f => f.Index).ToList();
                segments.Add(new DraftSegment(content[start..cut], covering, starting));
            }

            previous = cut;
        }

        return segments;
    }
}
