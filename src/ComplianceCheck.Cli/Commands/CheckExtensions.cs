using System.CommandLine;
using ComplianceCheck.Cli.Gate;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Cli.Commands;

/// <summary>
/// The seams of <c>check</c> that the CI gate (extra formats, baselines, changed files, autofix) and the classifier
/// (<c>--no-model</c>) plug into, so each feature lives in its own file.
/// </summary>
internal static class CheckExtensions
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", .. GateOptions.Formats];

    public static IEnumerable<Option> Options => [ModelOptions.NoModel, .. GateOptions.All, .. RequireApprovalGate.Options];

    public static IFindingAugmenter? CreateAugmenter(ParseResult parse, ComplianceConfig config, RuleSet rules) =>
        ModelOptions.CreateAugmenter(parse, config, rules);

    public static Func<string, bool> IgnoreTest(ComplianceConfig config) => ComplianceIgnore.Load(config);

    public static List<ScanInput> FilterInputs(ParseResult parse, List<ScanInput> inputs, ComplianceConfig config) => GateSession.For(parse).FilterInputs(inputs);

    public static FileResult Transform(ParseResult parse, FileResult result) =>
        RequireApprovalGate.Apply(parse, GateSession.For(parse).Transform(result));

    public static ScanReport Finish(ParseResult parse, ScanReport report, Scanner scanner) => GateSession.For(parse).Finish(report, scanner);

    public static bool StreamsText(ParseResult parse) => GateSession.For(parse).StreamsText;

    public static void WriteExtraOutputs(ParseResult parse, ScanReport report) => GateSession.For(parse).WriteExtraOutputs(report);
}
