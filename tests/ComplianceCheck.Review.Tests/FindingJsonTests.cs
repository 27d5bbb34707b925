using System.Text.Json;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Scanning;
using ComplianceCheck.Review.Checking;

namespace ComplianceCheck.Review.Tests;

public sealed class FindingJsonTests
{
    [Fact]
    public void Stored_findings_have_the_check_reports_keys_and_values_plus_offsets()
    {
        var scanner = new Scanner(new ScanSettings { Engine = ReviewHarness.RuleEngine });
        var result = scanner.ScanText("draft.md", Drafts.Flawed);
        using var reportJson = JsonDocument.Parse(ReportOf(result));
        var reported = reportJson.RootElement.GetProperty("files")[0].GetProperty("findings");

        string stored = new DraftChecker(ReviewHarness.RuleEngine).Check("draft.md", Drafts.Flawed, null, null).FindingsJson;
        using var storedJson = JsonDocument.Parse(stored);

        storedJson.RootElement.GetArrayLength().ShouldBe(reported.GetArrayLength());
        for (int i = 0; i < reported.GetArrayLength(); i++)
        {
            var s = storedJson.RootElement[i];
            foreach (var property in reported[i].EnumerateObject())
            {
                JsonElement.DeepEquals(s.GetProperty(property.Name), property.Value).ShouldBeTrue($"finding {i}, key {property.Name}");
            }

            s.GetProperty("index").GetInt32().ShouldBe(i);
            s.GetProperty("startOffset").GetInt32().ShouldBe(result.Findings[i].StartOffset);
        }
    }

    [Fact]
    public void Parsing_keeps_what_the_review_needs()
    {
        var findings = FindingJson.Parse(new DraftChecker(ReviewHarness.RuleEngine).Check("a.md", Drafts.TwoErrors, null, null).FindingsJson);

        findings.Select(f => f.RuleId).ShouldBe(["ZH-GUA-001", "ZH-ABS-004"]);
        findings.ShouldAllBe(f => f.IsActive && f.IsError && !f.IsMissingStatement && f.LegalBasis.Length > 0);
        Drafts.TwoErrors[findings[1].StartOffset..findings[1].EndOffset].ShouldBe("最安全");
    }

    private static string ReportOf(FileResult result)
    {
        using var buffer = new MemoryStream();
        JsonReportWriter.Write(new ScanReport("test", "rules", null, [result], TimeSpan.Zero), buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
