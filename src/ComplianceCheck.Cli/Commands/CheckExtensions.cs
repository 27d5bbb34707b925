using System.CommandLine;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Cli.Commands;

/// <summary>
/// The seams of <c>check</c> that the CI gate (extra formats, baselines, changed files, autofix) and the classifier
/// (<c>--no-model</c>) plug into, so each feature lives in its own file.
/// </summary>
internal static class CheckExtensions
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    public static IEnumerable<Option> Options => [];

    public static IFindingAugmenter? CreateAugmenter(ParseResult parse, ComplianceConfig config) => null;

    public static Func<string, bool> IgnoreTest(ComplianceConfig config) => _ => false;

    public static List<ScanInput> FilterInputs(ParseResult parse, List<ScanInput> inputs, ComplianceConfig config) => inputs;

    public static FileResult Transform(ParseResult parse, FileResult result) => result;

    public static ScanReport Finish(ParseResult parse, ScanReport report, Scanner scanner) => report;

    public static bool StreamsText(ParseResult parse) => true;

    public static void WriteExtraOutputs(ParseResult parse, ScanReport report)
    {
    }
}
