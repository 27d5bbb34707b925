using ComplianceCheck.Review;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Workflow;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Hosting;
using ComplianceCheck.Web.Rendering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceCheck.Web.Pages.Items;

/// <summary>
/// One item: the draft with findings highlighted in place, dispositions and the decision form for the current stage,
/// comments, version history with a diff, and the item's audit events. Every form posts back here with its handler.
/// </summary>
public sealed class ShowModel(ReviewService reviews) : PageModel
{
    public ReviewItem Item { get; private set; } = null!;

    public ItemVersion Shown { get; private set; } = null!;

    public User Me { get; private set; } = null!;

    public IReadOnlyList<DraftSegment> Segments { get; private set; } = [];

    public IReadOnlyList<DiffRow>? Diff { get; private set; }

    public (int From, int To)? DiffRange { get; private set; }

    public IReadOnlyList<Review.Model.AuditEvent> Audit { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public bool ShowsCurrent => Shown.Number == Item.Header.CurrentVersion;

    /// <summary>Whether the signed-in user may dispose findings and decide at the item's current stage.</summary>
    public bool CanAct => ShowsCurrent && ReviewWorkflow.CanActAtCurrentStage(Item, Me);

    public bool CanAddVersion => Me.Role == Role.Creative && Item.State.Status != ItemStatus.Rejected;

    public IReadOnlyList<DecisionKind> DecisionChoices => Item.State.Stage is { } stage ? DecisionKinds.AllowedAt(stage) : [];

    public IReadOnlyList<StoredFinding> Blocking => Item.State.Stage is { } stage ? ReviewWorkflow.BlockingFindings(Item, stage) : [];

    public IActionResult OnGet(long id, int? v, int? from, int? to)
    {
        Load(id, v, from, to);
        return Page();
    }

    public IActionResult OnPostDisposition(long id, string? contentHash, int finding, string? disposition, string? reason) =>
        Act(id, me => reviews.Dispose(me, id, new DispositionRequest(contentHash ?? string.Empty, finding, DispositionKinds.Parse(disposition), reason)),
            $"Finding #{finding} marked {disposition}.");

    public IActionResult OnPostDecision(long id, string? stage, string? decision, string? contentHash, string? comment) =>
        Act(id, me => reviews.Decide(me, id, new DecisionRequest(Stages.Parse(stage), DecisionKinds.Parse(decision), contentHash ?? string.Empty, comment)),
            $"Decision recorded: {stage} {decision}.");

    public IActionResult OnPostComment(long id, string? text) =>
        Act(id, me => reviews.Comment(me, id, text ?? string.Empty), "Comment added.");

    public IActionResult OnPostVersion(long id, string? draftText, string? baseSha256) =>
        // Browsers send textarea lines with CRLF; the draft keeps the LF it was submitted with.
        Act(id, me => reviews.AddVersion(me, id, (draftText ?? string.Empty).ReplaceLineEndings("\n"), baseSha256), "New version submitted; earlier approvals are void.");

    private IActionResult Act(long id, Func<User, ReviewItem> action, string notice)
    {
        try
        {
            action(CurrentUser.Get(HttpContext));
            Notice = notice;
            return Redirect($"/items/{id}");
        }
        catch (ReviewException ex) when (ex.Error != ReviewError.NotFound)
        {
            Load(id, null, null, null);
            Error = ex.Message;
            Response.StatusCode = Problems.StatusOf(ex.Error);
            return Page();
        }
    }

    private void Load(long id, int? version, int? from, int? to)
    {
        Me = CurrentUser.Get(HttpContext);
        Item = reviews.Get(id);
        Shown = (version is { } v ? Item.Version(v) : null) ?? Item.Current;
        Segments = HighlightedDraft.Build(Shown.Content, Shown.Findings);
        if (from is { } f && to is { } t && Item.Version(f) is { } older && Item.Version(t) is { } newer)
        {
            DiffRange = (f, t);
            Diff = VersionDiff.Build(older.Content, newer.Content);
        }

        Audit = reviews.Store.ReadAudit(id);
    }
}
