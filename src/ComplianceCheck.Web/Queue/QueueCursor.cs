using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Storage;

namespace ComplianceCheck.Web.Queue;

/// <summary>
/// The <c>after</c>/<c>before</c> token of the queue's pages: a place in the queue and the sort order it belongs to.
/// Opaque to clients (they pass back what <c>next</c>/<c>previous</c> gave them), so its form can change.
/// </summary>
internal static class QueueCursor
{
    private const char Separator = '|';

    public static string Encode(QueuePosition place, bool newestFirst) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(
            Separator, SortName(newestFirst), Timestamps.Format(place.StageEnteredAt), place.Id.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The place in <paramref name="text"/>; anything this server did not issue for this sort is a 400 naming the parameter.</summary>
    public static QueuePosition Decode(string text, string parameter, bool newestFirst)
    {
        string[] parts = TryReadText(text)?.Split(Separator) ?? [];
        if (parts.Length != 3 || parts[0] is not ("oldest" or "newest")
            || !TryParseTime(parts[1], out var at) || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long id))
        {
            throw new ReviewException(ReviewError.Invalid, $"'{parameter}' is not a cursor from this queue; pass back the 'next' or 'previous' link as given");
        }

        if (parts[0] != SortName(newestFirst))
        {
            throw new ReviewException(ReviewError.Invalid, $"'{parameter}' belongs to sort={parts[0]}; keep the sort of the page it came from");
        }

        return new QueuePosition(at, id);
    }

    private static string SortName(bool newestFirst) => newestFirst ? "newest" : "oldest";

    private static string? TryReadText(string text)
    {
        // Cursors are short; anything long is not one of ours and is not worth decoding.
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool TryParseTime(string text, out DateTimeOffset at)
    {
        try
        {
            at = Timestamps.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            at = default;
            return false;
        }
    }
}
