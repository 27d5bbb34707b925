using System.Globalization;
using System.Text;
using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;

namespace ComplianceCheck.Review.Workflow;

/// <summary>Whether one exact content is approved, and the review items that hold it.</summary>
public sealed record ApprovalStatus(string Sha256, IReadOnlyList<ReviewItem> ApprovedIn, IReadOnlyList<ReviewItem> SeenIn)
{
    public bool IsApproved => ApprovedIn.Count > 0;
}

/// <summary>
/// The review commands used by the web app and the CLI: checks the draft with the real scanner (outside any
/// transaction, it can take a moment), then lets the store apply the workflow's decision atomically.
/// </summary>
public sealed class ReviewService(IReviewStore store, DraftChecker checker, ReviewPolicy policy, TimeProvider clock)
{
    public IReviewStore Store => store;

    public ReviewPolicy Policy => policy;

    public ReviewItem Submit(User actor, NewItem request)
    {
        RequireCreative(actor);
        RequireSize(request.Content);
        var check = checker.Check(request.FileName, request.Content, request.Product, request.Channel);
        return store.CreateItem(ReviewWorkflow.Create(request, check, actor, policy, Now()));
    }

    public ReviewItem AddVersion(User actor, long itemId, string content, string? baseSha256 = null)
    {
        RequireCreative(actor);
        RequireSize(content);
        var item = Get(itemId);
        var check = checker.Check(item.Header.FileName, content, item.Header.Product, item.Header.Channel);
        return store.UpdateItem(itemId, fresh => ReviewWorkflow.AddVersion(fresh, content, check, baseSha256, actor, policy, Now()));
    }

    public ReviewItem Dispose(User actor, long itemId, DispositionRequest request) =>
        store.UpdateItem(itemId, item => ReviewWorkflow.Dispose(item, request, actor, Now()));

    public ReviewItem Decide(User actor, long itemId, DecisionRequest request) =>
        store.UpdateItem(itemId, item => ReviewWorkflow.Decide(item, request, actor, policy, Now()));

    public ReviewItem Comment(User actor, long itemId, string text) =>
        store.UpdateItem(itemId, item => ReviewWorkflow.AddComment(item, text, actor, Now()));

    public ReviewItem Get(long itemId) => store.GetItem(itemId) ?? throw new ReviewException(ReviewError.NotFound, $"no item {itemId}");

    public ApprovalStatus ApprovalOf(string sha256)
    {
        if (!ContentHash.IsWellFormed(sha256))
        {
            throw new ReviewException(ReviewError.Invalid, "the hash must be 64 lowercase hex digits (SHA-256 of the content's UTF-8 bytes)");
        }

        var items = store.FindItemsWithContent(sha256).Select(id => store.GetItem(id)).OfType<ReviewItem>().ToList();

        // Approved means: the item's current version is this content and it passed every stage. An approval of an
        // older version was voided when the newer one arrived.
        var approved = items.Where(i => i.State.Status == ItemStatus.Approved && i.Current.Sha256 == sha256).ToList();
        return new ApprovalStatus(sha256, approved, items);
    }

    private DateTimeOffset Now() => Timestamps.Normalize(clock.GetUtcNow());

    private void RequireSize(string content)
    {
        int bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes > policy.MaxDraftBytes)
        {
            throw new ReviewException(ReviewError.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"the draft is {bytes:N0} bytes; the limit is {policy.MaxDraftBytes:N0} bytes"));
        }

        if (content.Length == 0)
        {
            throw new ReviewException(ReviewError.Invalid, "the draft is empty");
        }
    }

    // Checked before the (slow) scan so a wrong-role caller gets 403 at once; the workflow checks again in the transaction.
    private static void RequireCreative(User actor)
    {
        if (actor.Role != Role.Creative)
        {
            throw new ReviewException(ReviewError.Forbidden, $"only creative users may submit drafts; {actor.Name} is {Roles.Name(actor.Role)}");
        }
    }
}
