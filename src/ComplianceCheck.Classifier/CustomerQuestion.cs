using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// A question on a line that a customer or reader speaks in a chat transcript, a comment thread or an FAQ (客户：存款安全吗？会不会像理财一样亏？;
/// "Customer: is my money safe?"). The advertiser's answer may make a claim; the asker's question makes none, though its words
/// (亏, safe, 保本) are the ones the model learnt from promises. Only explicit role labels count: a named speaker (陈女士：) may be
/// the adviser as well as the client.
/// </summary>
public static partial class CustomerQuestion
{
    // A timestamp or a list number may come before the label (2024-06-03 10:16 客户：, 7. 评论：), a name or a letter after it
    // (客户A：, 客户（王先生）：); the firm's own roles (客户经理：) speak for the advertiser.
    [GeneratedRegex(
        @"^[\s\d\-/:.、)）\[\]【】]*(?:客户(?!经理|服务|专员|代表|主管)|顾客|用户|网友|粉丝|评论|读者|提问|问|买家|观众|弹幕|customer|client|user|viewer|reader|comment|question|q)[^:：\n]{0,8}[:：]",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AskerLabel();

    // A host or an author relaying the audience's question (还有朋友问，现在买会不会买在高点？; "a viewer asked whether it's too late").
    [GeneratedRegex(
        @"(?:有|还有|不少|很多|好多|也有)(?:朋友|网友|观众|粉丝|人|投资者|客户|家人|宝子|小伙伴|读者|基民)们?(?:在|会|经常|一直)?(?:问|留言问|私信问|提问)|\b(?:someone|a viewer|viewers|people|listeners|readers|many of you|a few of you|a lot of you)\b[^?]{0,12}\b(?:asked|ask|asks|are asking|keep asking)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RelayedQuestion();

    /// <summary>
    /// Whether <paramref name="sentence"/> is a question and <paramref name="line"/>, the line it stands on, is spoken by a customer,
    /// or the sentence relays the audience's question.
    /// </summary>
    public static bool Asks(ReadOnlySpan<char> sentence, ReadOnlySpan<char> line)
    {
        var trimmed = sentence.TrimEnd();
        if (!trimmed.EndsWith('？') && !trimmed.EndsWith('?'))
        {
            return false;
        }

        try
        {
            return AskerLabel().IsMatch(TextFold.Fold(line.ToString())) || RelayedQuestion().IsMatch(TextFold.Fold(sentence.ToString()));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
