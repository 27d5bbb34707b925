using System.Globalization;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Storage;
using Microsoft.AspNetCore.Http.Extensions;

namespace ComplianceCheck.Web.Queue;

/// <summary>
/// One page of the queue, with the cursors of its neighbours: <see cref="NextAfter"/> is passed as <c>after</c> and
/// <see cref="PreviousBefore"/> as <c>before</c>; null where there is no such page.
/// </summary>
internal sealed record QueuePage(IReadOnlyList<ItemSummary> Items, int Total, string? NextAfter, string? PreviousBefore);

/// <summary>
/// Reads the queue a page at a time for the API and the queue page. Keyset paging (a cursor names the last item seen)
/// rather than offsets, so items submitted while a client pages neither repeat nor hide the items it has yet to see.
/// </summary>
internal static class QueuePages
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    public const string After = "after";

    public const string Before = "before";

    /// <summary>The page size a request asked for: absent means <see cref="DefaultLimit"/>; anything but 1 to <see cref="MaxLimit"/> is a 400.</summary>
    public static int ParseLimit(string? text)
    {
        if (text == null)
        {
            return DefaultLimit;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int limit) && limit is >= 1 and <= MaxLimit
            ? limit
            : throw new ReviewException(ReviewError.Invalid, $"'limit' must be a whole number from 1 to {MaxLimit}; got '{text}'");
    }

    public static QueuePage Read(IReviewStore store, ItemQuery filters, int limit, string? after, string? before)
    {
        if (after != null && before != null)
        {
            throw new ReviewException(ReviewError.Invalid, $"give '{After}' or '{Before}', not both");
        }

        bool newestFirst = filters.NewestFirst;
        var query = filters with
        {
            // One item more than the page shows tells whether there is another page beyond it.
            Limit = limit + 1,
            After = after == null ? null : QueueCursor.Decode(after, After, newestFirst),
            Before = before == null ? null : QueueCursor.Decode(before, Before, newestFirst),
        };
        var rows = store.ListItems(query);
        bool more = rows.Count > limit;

        // Going backwards, the extra item is the one furthest from the cursor: the first in sort order.
        var items = !more ? rows : before != null ? rows.Skip(1).ToList() : rows.Take(limit).ToList();
        bool hasNext = before != null ? items.Count > 0 : more;
        bool hasPrevious = before != null ? more : after != null && items.Count > 0;
        return new QueuePage(
            items,
            store.CountItems(filters),
            hasNext ? QueueCursor.Encode(QueuePosition.Of(items[^1].Header), newestFirst) : null,
            hasPrevious ? QueueCursor.Encode(QueuePosition.Of(items[0].Header), newestFirst) : null);
    }

    /// <summary>The request's query string with its cursor replaced by <paramref name="cursor"/> under <paramref name="key"/>.</summary>
    public static string QueryWith(IQueryCollection query, string key, string cursor)
    {
        var kept = query
            .Where(p => !p.Key.Equals(After, StringComparison.OrdinalIgnoreCase) && !p.Key.Equals(Before, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty)));
        return new QueryBuilder(kept) { { key, cursor } }.ToQueryString().Value!;
    }
}
