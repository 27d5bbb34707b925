using System.CommandLine;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;
using ComplianceCheck.Review;

namespace ComplianceCheck.Cli.Commands;

/// <summary>
/// <c>check --require-approval --server URL --token TOKEN</c>: the CI gate. A file whose exact content (SHA-256 of its
/// decoded text, as <c>submit</c> sends it) has no approved review gets an error finding; an approved file's findings
/// count as reviewed (suppressed, with the item named), since legal has already judged each of them.
/// </summary>
internal static class RequireApprovalGate
{
    public const string RuleId = "REVIEW-APPROVAL";

    public static readonly Option<bool> RequireApproval = new("--require-approval")
    {
        Description = "Fail every file whose exact content has no approved review on --server (三方联审 gate).",
    };

    public static readonly Option<string?> Server = ReviewClient.ServerOption();

    public static readonly Option<string?> Token = ReviewClient.TokenOption();

    public static IEnumerable<Option> Options => [RequireApproval, Server, Token];

    public static FileResult Apply(ParseResult parse, FileResult result)
    {
        if (!parse.GetValue(RequireApproval) || result.Error != null)
        {
            return result;
        }

        var client = ReviewClient.From(parse.GetValue(Server), parse.GetValue(Token), "--require-approval");
        if (!File.Exists(result.Path))
        {
            return WithFinding(result, "the approval of standard input cannot be checked; check the file itself");
        }

        string sha = ContentHash.Of(SubmitCommand.ReadDraft(result.Path));
        var answer = client.Get($"/api/approvals/{sha}");
        if (answer["approved"]?.GetValue<bool>() == true)
        {
            var approval = answer["approvals"]!.AsArray()[0]!;
            string reason = $"approved in review item {approval["itemId"]} ({approval["url"]})";
            return result with { Findings = [.. result.Findings.Select(f => f.Suppressed ? f : f with { Suppressed = true, SuppressionReason = reason })] };
        }

        var seen = answer["seenIn"]!.AsArray().FirstOrDefault(s => s!["isCurrentVersion"]!.GetValue<bool>());
        string why = seen == null
            ? $"no approved review for this exact content (sha256 {sha[..12]}); submit it with 'compliance submit {result.Path}'"
            : $"this content is item {seen["itemId"]}, {seen["state"]}, not approved yet ({seen["url"]})";
        return WithFinding(result, why);
    }

    private static FileResult WithFinding(FileResult result, string message) => result with
    {
        Findings =
        [
            new Finding
            {
                RuleId = RuleId,
                Category = "review",
                Severity = Severity.Error,
                Message = message,
                Line = 1,
                Column = 1,
                EndLine = 1,
                EndColumn = 1,
                Match = string.Empty,
                LegalBasis = "三方联审: creative, legal and operations approval before publication [industry-practice]",
            },
            .. result.Findings,
        ],
    };
}
