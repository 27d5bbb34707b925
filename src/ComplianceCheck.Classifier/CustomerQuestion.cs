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

    /// <summary>Whether <paramref name="sentence"/> is a question and <paramref name="line"/>, the line it stands on, is spoken by a customer.</summary>
    public static bool Asks(ReadOnlySpan<char> sentence, ReadOnlySpan<char> line)
    {
        var trimmed = sentence.TrimEnd();
        if (!trimmed.EndsWith('？') && !trimmed.EndsWith('?'))
        {
            return false;
        }

        try
        {
            return AskerLabel().IsMatch(TextFold.Fold(line.ToString()));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
