using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

public class VanishedFileTests
{
    [Fact]
    public void A_file_found_by_a_folder_scan_and_gone_before_it_is_read_is_skipped_with_a_warning()
    {
        var scanner = new Scanner(new ScanSettings { Engine = new RuleEngine(RuleSet.Load()) });
        string gone = Path.Combine(Path.GetTempPath(), "cc-gone-" + Guid.NewGuid().ToString("N") + ".md");
        var result = scanner.ScanAll([new ScanInput(gone, Explicit: false)]).Single();
        result.Warnings.ShouldContain(w => w.StartsWith("skipped:", StringComparison.Ordinal) && w.Contains("vanished", StringComparison.Ordinal));
        scanner.ScanAll([new ScanInput(gone, Explicit: true)]).Single().Error.ShouldBe("file not found");
    }
}
