using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Greetings and sign-offs ("家人们晚上好！", "各位读者朋友，大家好！", "Link in bio. Bye!") open and close nearly every script and
/// article, and they share their words with the inducements the model learnt ("家人们冲！"). A sentence made of nothing else
/// carries no claim, so it never becomes a model finding. Matched on folded text; anything besides greeting words, the
/// audience's names, particles, punctuation, emoji, hashtags and a script's bracketed cue ("[开场]", "【口播】") makes it an
/// ordinary sentence; a speaker's name before a colon (小满：) may open it. A letter's closing ("Best regards, The Client
/// Services Team") counts too, whatever signature follows it.
/// </summary>
public static partial class SalutationGuard
{
    // A letter's closing is followed by a signature (a name, a team), so it counts from where the sentence starts.
    [GeneratedRegex(
        @"^[\s\p{P}]*(?:(?:best|kind|warm|warmest)\s+(?:regards|wishes)|regards|sincerely|yours\s+(?:truly|sincerely|faithfully)|此致|顺颂(?:商祺|时祺)|祝好)(?:$|[\s\p{P}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex LetterClosing();

    // A letter's opening line (Dear Mr and Mrs Whitfield, / 尊敬的王先生：) names its reader and says nothing else.
    [GeneratedRegex(
        @"^[\s\p{P}]*(?:(?:dear|hi|hello)\s+[^,.!?:;\n]{1,40}|(?:尊敬的|亲爱的)[^，。！？,.!?:：\n]{1,12})[,，:：!！]?\s*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex LetterOpening();

    [GeneratedRegex(
        @"^(?:\p{L}{1,6}[:：])?(?:[\s\p{P}\p{S}\p{Cs}]|\[[^\]\n]{1,8}\]|【[^】\n]{1,8}】|各位|亲爱的|尊敬的|读者|朋友们?|家人们|宝子们?|宝宝们|宝们|姐妹们|集美们|兄弟们|老铁们?|粉丝们?|小伙伴们?|小可爱们|大家|你们|您们|股友们?|基民们?|投资者|投资人|观众们?|网友们?|客户们?|贵宾们?|会员们?|读者们?"
        + @"|早上好|上午好|中午好|下午好|晚上好|早安|午安|晚安|你好|您好|哈喽|嗨|欢迎(?:来到|回到|收看|收听|大家)?|又见面|见面|回来|来到|我的|直播间?|节目|视频|频道|公众号|主页"
        + @"|关注|点赞|收藏|转发|评论|一键三连|三连|下期|下次|下周[一二三四五六日天]?|同一时间|不见不散|明天|再见|拜拜|我们|就到这里|今天的分享|分享就到这里|感谢(?:收看|观看|阅读|大家)|谢谢(?:大家|收看|观看)|(?:新年|春节|节日|中秋|国庆|元旦|端午|周末)快乐|新春|感谢|信任|支持|陪伴|一路|以来|与|和|咱们|咱"
        + @"|今天|今晚|晚上?|早上|[一二三四五六七八九十\d]{1,2}点半?|有(?:任何)?(?:问题|疑问)|随时(?:找我|联系我?|留言)"
        + @"|祝(?:您|你|大家)?(?:生活愉快|工作顺利|身体健康|万事如意|一切顺利|阖家幸福|周末愉快)"
        + @"|[啊呀哦呢啦哈喽哟了的吗吧嘛哇咯好见]"
        + @"|hey|hi|hello|hiya|guys|everyone|everybody|folks|friends|fam|y'?all|welcome|back|to|my|the|channel|good|morning|afternoon|evening|night"
        + @"|thanks|thank you|for|watching|reading|listening|like|and|subscribe|link|in|bio|see you|next time|soon|tomorrow|bye|goodbye|cheers|so|that'?s|it|all"
        + @"|today|peace|out|xoxo|ok|okay|alright"
        + @"|dear|valued|clients?|customers?|members?|investors?|policyholders?|cardholders?|sir|madam|colleagues?|partners?"
        + @"|(?>#[^#\s]{1,20})#?)+$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OnlySalutation();

    public static bool IsOnlySalutation(ReadOnlySpan<char> sentence)
    {
        string folded = TextFold.Fold(sentence.ToString());
        try
        {
            // Source-generated backtracking code costs nothing to build (the linear-time engine took 0.2-0.3 s to build this
            // alternation on first use, in every run); the tokens overlap little, and a sentence too odd to settle in time is
            // simply not a greeting.
            return OnlySalutation().IsMatch(folded) || LetterClosing().IsMatch(folded) || LetterOpening().IsMatch(folded);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
