using System.Text.Json.Nodes;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Audit;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Web.Api;

/// <summary>
/// The API's JSON for items, summaries, audit events and approvals. Findings are passed through exactly as stored,
/// in the shape of <c>compliance check --format json</c>.
/// </summary>
internal static class ItemJson
{
    public static JsonObject Item(ReviewItem item, string baseUrl)
    {
        var json = Header(item.Header, baseUrl);
        json["contentHash"] = item.Current.Sha256;
        json["versions"] = new JsonArray([.. item.Versions.Select(Version)]);
        json["dispositions"] = new JsonArray([.. item.Dispositions.Select(Disposition)]);
        json["decisions"] = new JsonArray([.. item.Decisions.Select(Decision)]);
        json["comments"] = new JsonArray([.. item.Comments.Select(Comment)]);
        json["blockingFindings"] = item.State.Stage is { } stage
            ? new JsonArray([.. ReviewWorkflow.BlockingFindings(item, stage).Select(f => (JsonNode)f.Index)])
            : new JsonArray();
        return json;
    }

    public static JsonObject Summary(ItemSummary summary, string baseUrl)
    {
        var json = Header(summary.Header, baseUrl);
        json["contentHash"] = summary.CurrentSha256;
        json["findings"] = new JsonObject { ["errors"] = summary.Errors, ["warnings"] = summary.Warnings, ["infos"] = summary.Infos };
        json["categories"] = new JsonArray([.. summary.Categories.Select(c => (JsonNode)c)]);
        return json;
    }

    public static JsonObject Event(AuditEvent e) => new()
    {
        ["sequence"] = e.Sequence,
        ["at"] = Timestamps.Format(e.Entry.At),
        ["actor"] = e.Entry.Actor,
        ["role"] = e.Entry.Role,
        ["action"] = e.Entry.Action,
        ["itemId"] = e.Entry.ItemId,
        ["versionHash"] = e.Entry.VersionHash,
        ["decision"] = e.Entry.Decision,
        ["comment"] = e.Entry.Comment,
        ["previousHash"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    public static JsonObject Approval(ApprovalStatus status, string baseUrl) => new()
    {
        ["sha256"] = status.Sha256,
        ["approved"] = status.IsApproved,
        ["approvals"] = new JsonArray([.. status.ApprovedIn.Select(item => (JsonNode)new JsonObject
        {
            ["itemId"] = item.Id,
            ["url"] = $"{baseUrl}/items/{item.Id}",
            ["title"] = item.Header.Title,
            ["version"] = item.Current.Number,
            ["approvedAt"] = Timestamps.Format(item.Header.StageEnteredAt),
            ["approvedBy"] = new JsonArray([.. item.Decisions
                .Where(d => d.Version == item.Current.Number && d.VoidedByVersion == null && DecisionKinds.IsApproval(d.Kind))
                .Select(d => (JsonNode)new JsonObject { ["stage"] = Stages.Name(d.Stage), ["user"] = d.Actor, ["at"] = Timestamps.Format(d.At) })]),
        })]),
        ["seenIn"] = new JsonArray([.. status.SeenIn.Select(item => (JsonNode)new JsonObject
        {
            ["itemId"] = item.Id,
            ["url"] = $"{baseUrl}/items/{item.Id}",
            ["state"] = item.State.Name,
            ["isCurrentVersion"] = item.Current.Sha256 == status.Sha256,
        })]),
    };

    public static JsonObject Dismissal(DismissalRecord record) => new()
    {
        ["itemId"] = record.ItemId,
        ["version"] = record.Disposition.Version,
        ["finding"] = record.Disposition.FindingIndex,
        ["ruleId"] = record.Disposition.RuleId,
        ["category"] = record.Finding?.Category,
        ["match"] = record.Finding?.Match,
        ["message"] = record.Finding?.Message,
        ["reason"] = record.Disposition.Reason,
        ["stage"] = Stages.Name(record.Disposition.Stage),
        ["by"] = record.Disposition.Actor,
        ["at"] = Timestamps.Format(record.Disposition.At),
    };

    private static JsonObject Header(ItemHeader h, string baseUrl) => new()
    {
        ["id"] = h.Id,
        ["url"] = $"{baseUrl}/items/{h.Id}",
        ["title"] = h.Title,
        ["fileName"] = h.FileName,
        ["format"] = h.Format,
        ["product"] = h.Product,
        ["channel"] = h.Channel,
        ["author"] = h.Author,
        ["state"] = h.State.Name,
        ["stage"] = h.State.Stage is { } s ? Stages.Name(s) : null,
        ["currentVersion"] = h.CurrentVersion,
        ["createdAt"] = Timestamps.Format(h.CreatedAt),
        ["stageEnteredAt"] = Timestamps.Format(h.StageEnteredAt),
        ["updatedAt"] = Timestamps.Format(h.UpdatedAt),
    };

    private static JsonNode Version(ItemVersion v) => new JsonObject
    {
        ["number"] = v.Number,
        ["sha256"] = v.Sha256,
        ["submittedBy"] = v.SubmittedBy,
        ["submittedAt"] = Timestamps.Format(v.SubmittedAt),
        ["toolVersion"] = v.ToolVersion,
        ["rulesFingerprint"] = v.RulesFingerprint,
        ["modelFingerprint"] = v.ModelFingerprint,
        ["content"] = v.Content,
        ["findings"] = JsonNode.Parse(v.FindingsJson),
    };

    private static JsonNode Disposition(Disposition d) => new JsonObject
    {
        ["version"] = d.Version,
        ["finding"] = d.FindingIndex,
        ["ruleId"] = d.RuleId,
        ["stage"] = Stages.Name(d.Stage),
        ["disposition"] = DispositionKinds.Name(d.Kind),
        ["reason"] = d.Reason,
        ["by"] = d.Actor,
        ["role"] = Roles.Name(d.Role),
        ["at"] = Timestamps.Format(d.At),
    };

    private static JsonNode Decision(Decision d) => new JsonObject
    {
        ["version"] = d.Version,
        ["contentHash"] = d.ContentHash,
        ["stage"] = Stages.Name(d.Stage),
        ["decision"] = DecisionKinds.Name(d.Kind),
        ["comment"] = d.Comment,
        ["by"] = d.Actor,
        ["role"] = Roles.Name(d.Role),
        ["at"] = Timestamps.Format(d.At),
        ["voidedByVersion"] = d.VoidedByVersion,
    };

    private static JsonNode Comment(Comment c) => new JsonObject
    {
        ["version"] = c.Version,
        ["text"] = c.Text,
        ["by"] = c.Actor,
        ["role"] = Roles.Name(c.Role),
        ["at"] = Timestamps.Format(c.At),
    };
}
