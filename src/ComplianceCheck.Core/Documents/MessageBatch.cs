using System.Text.RegularExpressions;

namespace ComplianceCheck.Core.Documents;

/// <summary>
/// A plain-text draft that is a list of separate messages, one a line: an SMS or push batch, a broadcast list. Most of its
/// lines open with a sender's signature (【澄江银行】, [AcmeInvest], PINECREST:) or an id column (S01 | …, PN-231 | …), or close
/// with an opt-out (回T退订, Reply STOP). Each message goes out alone, so each is read alone: a loan SMS beside a fund SMS in
/// one file makes neither about the other's product, and a statement one message carries does not cover the next.
/// </summary>
public static partial class MessageBatch
{
    private const int MinimumMessages = 3;

    // Enough lines to tell a batch; a huge file is judged by its first ones.
    private const int LinesJudged = 400;

    // An opt-out closes a message; only the line's end is searched for it.
    private const int TailLength = 48;

    // A message's id: S01, PN-2401, 003, P24-009, T301.
    private const string Id = @"[A-Za-z#]{0,8}(?:\d{1,4}[-_])?[-_]?\d{1,5}";

    // What may stand before the message itself: an id and a few columns (| 全量客户 |).
    private const string IdColumns = @"(?:[\[［(（]?" + Id + @"[\]］)）]?\s*(?:[|｜:：、.．]\s*)?(?:[^|｜\n]{1,24}[|｜]\s*){0,3})?";

    // The voices and headings of a broadcast script (any case).
    private const string ScriptLabels =
        "(?i:vo|mvo|fvo|voice ?over|anncr|announcer|narrator|host|co-host|sfx|music|super|title|client|format|length|scene|cut to|on screen)";

    // The opt-outs Chinese SMS gateways append (回T退订, 拒收请回复R).
    private const string ChineseOptOuts = "回T退订|退订回T|回TD退订|退订回复T|回复T退订|拒收请回复R|回复R拒收";

    // A signature in brackets ([AcmeInvest]) or before a colon (PINECREST:), not a transcript's timestamp ([00:01:58]), an
    // FAQ's question and answer (Q1:, A1:) or a broadcast script's voice and heading (VO:, ANNCR:, TITLE:): a radio spot's
    // lines are one ad.
    [GeneratedRegex(
        "^" + IdColumns + @"(?:【[^】\n]{1,20}】|\[(?![\d:.\s-]+\])[^\]\n]{1,30}\]|(?![QA]\d{1,3}:)(?!" + ScriptLabels + @"\s*:)[A-Z][A-Za-z0-9&.'’ -]{1,30}:(?=\s))\s*\S.{5}",
        RegexOptions.CultureInvariant)]
    private static partial Regex SignedMessage();

    [GeneratedRegex("^" + Id + @"\s*[|｜]\s*\S.{5}", RegexOptions.CultureInvariant)]
    private static partial Regex IdColumnMessage();

    // A template id and a colon (T7: …, SMS-12: …), not an FAQ's question or answer (Q1:, A1:, 问1：).
    [GeneratedRegex(@"^(?![QqAa]\d|问|答)" + Id + @"\s*[:：]\s*\S.{5}", RegexOptions.CultureInvariant)]
    private static partial Regex IdColonMessage();

    // The sender header an SMS gateway appends (… -SWRNFN, as India's DLT registration requires).
    [GeneratedRegex(@"\s-\s?[A-Z]{5,6}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SenderTail();

    [GeneratedRegex(
        "(?:" + ChineseOptOuts + @"|reply stop|text stop|stop to opt.?out|stop to unsubscribe)\W*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OptOutTail();

    [GeneratedRegex(
        @"^\W*(?:" + ChineseOptOuts + @"|(?:reply|text)?\s*stop(?:\s+to\s+(?:opt.?out|unsubscribe|end))?)\W*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OptOutOnly();

    /// <summary>Whether the lines of <paramref name="text"/> are a batch of messages (comments, headings and blank lines aside).</summary>
    public static bool IsBatch(string text)
    {
        int messages = 0, lines = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.IsEmpty || line[0] == '#' || line.StartsWith("//") || line.StartsWith("---"))
            {
                continue;
            }

            if (++lines > LinesJudged)
            {
                lines--;
                break;
            }

            if (IsMessage(line))
            {
                messages++;
            }
        }

        return messages >= MinimumMessages && messages * 10 >= lines * 6;
    }

    /// <summary>Whether <paramref name="fragment"/> is nothing but an opt-out (回T退订, 拒收请回复R, Reply STOP to opt out).</summary>
    public static bool IsOptOut(ReadOnlySpan<char> fragment)
    {
        var trimmed = fragment.Trim();
        return trimmed.Length <= TailLength && OptOutOnly().IsMatch(trimmed);
    }

    internal static bool IsMessage(ReadOnlySpan<char> line) =>
        SignedMessage().IsMatch(line) || IdColumnMessage().IsMatch(line) || IdColonMessage().IsMatch(line)
        || OptOutTail().IsMatch(line[Math.Max(0, line.Length - TailLength)..]) || SenderTail().IsMatch(line[Math.Max(0, line.Length - TailLength)..]);
}
