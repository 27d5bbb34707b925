namespace ComplianceCheck.Core.Engine;

/// <summary>
/// A claim its own sentence attributes to someone else or names as a scam, without quotation marks: 年化10%还保本，这就是典型的
/// 非法集资话术; 凡是宣称稳赚不赔的，基本都是诈骗; 谁跟你说某只基金稳赚不赔，你就可以拉黑了; "guaranteed returns are a red flag".
/// Anti-fraud posts and chats write claims this way as often as in quotation marks. A label the sentence denies (保本保息，绝不是
/// 骗局) or keeps its distance from (保本保息，远离骗局) leaves the claim standing.
/// </summary>
public static class ReportedClaim
{
    // Names for a claim that is a scam or a violation, as a sentence's verdict on it.
    private static readonly string[] ScamLabels =
    [
        "骗局", "诈骗", "话术", "套路", "陷阱", "非法集资", "杀猪盘", "骗子", "骗人", "虚假宣传", "违规宣传", "违法宣传", "违规表述", "忽悠", "噱头",
        "不负责任", "误导", "诱导",
        "scam", "fraud", "red flag", "ponzi",
    ];

    // What joins the claim to its label (…，这就是…话术; …都是诈骗; "… are a red flag").
    private static readonly string[] Copulas = ["是", "属于", "叫", "算", " is ", " are ", "'s ", " was ", " were "];

    // 是 inside these words joins nothing (但是保本，…).
    private static readonly string NotCopulaBefore = "但可要于凡还若总";

    // A label further than this from its copula belongs to another statement (English takes more letters to say as much).
    private const int CopulaReach = 12;
    private const int LatinCopulaReach = 24;

    // Words before a claim that report it as someone else's (所谓保本, 号称零风险, 谁跟你说稳赚), and how far before the claim each may stand.
    private static readonly (string Cue, int Reach)[] ReportingCues =
    [
        ("所谓", 6), ("疑似", 6), ("涉嫌", 8), ("鼓吹", 10), ("宣称", 10), ("声称", 10), ("号称", 10), ("标榜", 10), ("吹嘘", 10), ("自称", 10), ("打着", 6), ("谁说", 10),
        // 说是 reports (楼下阿姨说是保本的), 可以说是 asserts (可以说是只涨不跌的长期之选).
        ("谁跟你说", 10), ("谁告诉你", 10), ("有人说", 8), ("有人跟你说", 10), ("听别人说", 12), ("听人说", 12), ("听朋友说", 12), ("听说", 10), ("说是", 4), ("吹", 0), ("so-called ", 0), ("claims of ", 4),
        ("claiming ", 12), ("anyone who says ", 16), ("whoever says ", 16), ("anyone promising ", 16), ("who tells you ", 16),

        // News of a penalty reports the claim it punishes (the SFC reprimanded the broker for circulating client testimonials).
        ("fined ", 60), ("reprimanded ", 60), ("censured ", 60), ("sanctioned ", 60), ("penalised ", 60), ("penalized ", 60),
        ("disciplined ", 60), ("banned ", 40),
    ];

    private static readonly string[] Negations = ["不", "非", "没", "别", "无", "not ", "n't ", "never "];

    // Verbs that report speech. In a draft that warns against claims, a claim soon after one is what the seller said, retold
    // without quotation marks as transcripts and spoken scripts write it (然后老师就说 有个内部渠道 保本保收益).
    private static readonly string[] SpeechVerbs = ["说", "讲", "告诉", "承诺", "保证说", " said", " says", " told ", " promised", " promise "];
    private const int SpeechReach = 20;

    /// <summary>
    /// Whether folded text calls something a scam in its own voice (前几个月按时给利息是套路; "that's a red flag"): it warns,
    /// whatever claim it names.
    /// </summary>
    public static bool NamesAScam(string folded) => LabelledAsScam(folded, 0, folded.Length);

    internal static bool IsReported(string folded, int sStart, int sEnd, int start, int end) =>
        LabelledAsScam(folded, end, sEnd) || AttributedBefore(folded, sStart, start);

    /// <summary>Whether a speech verb stands shortly before a claim in its sentence (说明 explains and reports nothing).</summary>
    internal static bool FollowsSpeech(string folded, int sStart, int start)
    {
        int from = Math.Max(sStart, start - SpeechReach);
        var before = folded.AsSpan(from, start - from);
        foreach (string verb in SpeechVerbs)
        {
            for (int at = before.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = Next(before, verb, at))
            {
                if (!(verb == "说" && before[(at + 1)..].StartsWith("明", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool LabelledAsScam(string folded, int end, int sEnd)
    {
        if (sEnd <= end)
        {
            return false;
        }

        var after = folded.AsSpan(end, sEnd - end);
        foreach (string label in ScamLabels)
        {
            for (int at = after.IndexOf(label, StringComparison.Ordinal); at >= 0; at = Next(after, label, at))
            {
                if (JoinedByAffirmedCopula(after[..at], char.IsAsciiLetter(label[0]) ? LatinCopulaReach : CopulaReach))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Next(ReadOnlySpan<char> text, string word, int at)
    {
        int from = at + word.Length;
        int next = text[from..].IndexOf(word, StringComparison.Ordinal);
        return next < 0 ? -1 : from + next;
    }

    /// <summary>Whether the clause just before a label holds a copula within reach, with no negation before it or up to the label.</summary>
    private static bool JoinedByAffirmedCopula(ReadOnlySpan<char> before, int copulaReach)
    {
        int from = Math.Max(0, before.Length - copulaReach);
        var reach = before[from..];
        int clause = LastClauseBreak(reach, listsToo: false);
        if (clause >= 0)
        {
            reach = reach[(clause + 1)..];
            from = before.Length - reach.Length;
        }

        int copula = -1;
        foreach (string c in Copulas)
        {
            int at = reach.LastIndexOf(c, StringComparison.Ordinal);
            if (at > copula && !(c == "是" && at > 0 && NotCopulaBefore.Contains(reach[at - 1])))
            {
                copula = at;
            }
        }

        if (copula < 0)
        {
            return false;
        }

        var lead = before[Math.Max(0, from + copula - 4)..];
        foreach (string negation in Negations)
        {
            string cue = negation.TrimEnd();
            for (int at = lead.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = Next(lead, cue, at))
            {
                // 非法 (非法集资, 非法荐股) names the scam; it negates nothing.
                if (!lead[at..].StartsWith("非法", StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool AttributedBefore(string folded, int sStart, int start)
    {
        var before = folded.AsSpan(sStart, start - sStart);
        int clause = LastClauseBreak(before);
        var clauseText = clause >= 0 ? before[(clause + 1)..] : before;
        foreach (var (cue, reach) in ReportingCues)
        {
            int at = clauseText.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && clauseText.Length - (at + cue.Length) <= reach && (at == 0 || !char.IsAsciiLetter(clauseText[at - 1]) || !char.IsAsciiLetter(cue[0]))
                && !(cue == "说是" && (clauseText[..at].EndsWith("可以") || clauseText[..at].EndsWith("可"))))
            {
                return true;
            }
        }

        return false;
    }

    // A list's 、 parts names, not clauses: 这是非法荐股、杀猪盘的常见话术 labels both.
    private static int LastClauseBreak(ReadOnlySpan<char> text, bool listsToo = true)
    {
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (SentenceMap.IsClauseBreak(text[i]) && (listsToo || text[i] != '、'))
            {
                return i;
            }
        }

        return -1;
    }
}
