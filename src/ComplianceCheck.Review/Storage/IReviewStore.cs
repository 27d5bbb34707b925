using ComplianceCheck.Review.Audit;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Review.Storage;

/// <summary>What the queue shows for one item without loading its whole history.</summary>
public sealed record ItemSummary(ItemHeader Header, string CurrentSha256, int Errors, int Warnings, int Infos, IReadOnlyList<string> Categories);

/// <summary>
/// A place in the queue's order: when the item entered its stage, then its id, so that no two items share a place.
/// </summary>
public readonly record struct QueuePosition(DateTimeOffset StageEnteredAt, long Id)
{
    public static QueuePosition Of(ItemHeader header) => new(header.StageEnteredAt, header.Id);
}

/// <summary>Queue filters (null means any) and which slice of the ordered queue to return.</summary>
public sealed record ItemQuery
{
    public ItemState? State { get; init; }

    public Stage? Stage { get; init; }

    public string? Product { get; init; }

    public string? Channel { get; init; }

    /// <summary>Items whose current version has an active finding of this rule category.</summary>
    public string? Category { get; init; }

    public string? Author { get; init; }

    /// <summary>Leaves out this author's items: a reviewer's tasks never include drafts they wrote.</summary>
    public string? NotAuthor { get; init; }

    /// <summary>Oldest in its stage first (the default), or newest first; ids break ties in the same direction.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Only items after this place in the sort order (keyset paging: items added meanwhile shift nothing).</summary>
    public QueuePosition? After { get; init; }

    /// <summary>Only the <see cref="Limit"/> items just before this place, still returned in sort order.</summary>
    public QueuePosition? Before { get; init; }

    public int Limit { get; init; } = 500;
}

/// <summary>A dismissed finding with where it was, kept for rule tuning.</summary>
public sealed record DismissalRecord(long ItemId, Disposition Disposition, StoredFinding? Finding);

/// <summary>
/// Where reviews live. Every change goes through <see cref="CreateItem"/> or <see cref="UpdateItem"/>, which write the
/// change and its audit events atomically; an implementation for a server database only has to keep that promise.
/// </summary>
public interface IReviewStore
{
    /// <summary>Adds a user; a name already taken is a <see cref="ReviewError.Conflict"/>.</summary>
    User AddUser(User user, AuditEntry audit);

    User? FindUserByName(string name);

    User? FindUserByTokenHash(string tokenHash);

    int CountUsers();

    ReviewItem CreateItem(ItemChange change);

    /// <summary>
    /// Reads the item, asks <paramref name="decide"/> for the change against that fresh state and writes it, all in
    /// one transaction. Exceptions from <paramref name="decide"/> roll back and propagate.
    /// </summary>
    ReviewItem UpdateItem(long id, Func<ReviewItem, ItemChange> decide);

    ReviewItem? GetItem(long id);

    /// <summary>Up to <see cref="ItemQuery.Limit"/> items matching the filters, from the query's place onwards, in sort order.</summary>
    IReadOnlyList<ItemSummary> ListItems(ItemQuery query);

    /// <summary>How many items match the filters, wherever the query's place and limit are.</summary>
    int CountItems(ItemQuery query);

    /// <summary>Ids of items that have a version with exactly this content hash.</summary>
    IReadOnlyList<long> FindItemsWithContent(string sha256);

    IReadOnlyList<AuditEvent> ReadAudit(long? itemId = null);

    AuditVerification VerifyAudit();

    IReadOnlyList<DismissalRecord> ListDismissals();
}
