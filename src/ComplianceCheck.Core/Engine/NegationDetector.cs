namespace ComplianceCheck.Core.Engine;

public enum ContextVerdict
{
    /// <summary>The hit stands.</summary>
    Asserted,

    /// <summary>A negation or warning governs the hit ("不承诺保本", "警惕…"): it is not a claim.</summary>
    Negated,

    /// <summary>The hit is quoted in a sentence that cites law or warns: likely a quotation, reported as info.</summary>
    Quoted,
}

/// <summary>
/// Decides whether a hit is asserted, negated or quoted, from the text just before it in the same clause and from
/// the sentence around it. Works on folded text.
/// </summary>
public static class NegationDetector
{
    private const int ChineseWindow = 10;
    private const int EnglishWindow = 28;

    // Longest first so that 不承诺 is seen before 不.
    private static readonly string[] ChineseCues =
    [
        "不再具有", "不再提供", "不再承诺", "不再保证", "不再是", "不再有", "不承诺", "不保证", "无法", "不对", "不作", "不做", "不代表", "不构成", "不意味着", "不等于", "不表明", "不能", "不会", "不得", "不应", "不宜", "不要", "不可",
        "别再把", "别把", "别将", "勿把", "勿将", "并非", "并不", "不是", "严禁", "禁止", "切勿", "谨防", "警惕", "轻信", "防范", "避免", "拒绝", "杜绝", "远离", "没有", "未", "非", "勿", "别", "不", "没",

        // What a notice names as the harm (诱导超前消费, 诱导过度借贷) is condemned, not urged.
        "诱导",
    ];

    // Words that start with a negation character but do not negate what follows.
    private static readonly string[] NotNegations =
    [
        "不仅", "不但", "不只", "不断", "不少", "不多", "无几", "不错", "不过", "不久", "不料", "不妨", "没想到", "没错", "没准", "没几天", "没多久", "非保证红利", "非保证利益", "非保证部分", "非保证的红利", "非保证的利益", "不管", "不论", "无论", "不光", "不停", "不再犹豫", "非常", "非凡", "并非只是", "并非只有", "并非只要", "并非只为", "并非只在", "未来", "不一样", "不容错过", "不是一般", "不是一点", "不是盖的", "不是吹",
        "别错过", "不要错过", "勿错过", "未曾有过", "不用愁", "不用担心", "不用求人", "不用排队", "不用跑", "不用等", "不怕", "没有之一", "非你莫属", "不二之选", "别人", "特别",
        "区别", "类别", "级别", "个别", "告别", "识别", "除非", "是非", "无非", "莫非", "不赔", "不亏", "不跌", "不输",

        // An A-not-A question asks (有没有保本又高收益的理财？): its 没/不 negates nothing; the question is judged as one.
        "有没有", "是不是", "能不能", "会不会", "要不要", "可不可以", "好不好", "行不行", "对不对",

        // No success, no fee: a lure, both of its negations included.
        "不成功不收", "成功不收", "不成功不要", "成功不要", "不下款不收", "下款不收", "不通过不收", "通过不收",
    ];

    private static readonly string[] EnglishCues =
    [
        "not ", "no ", "never ", "don't ", "doesn't ", "do not ", "does not ", "cannot ", "can't ", "won't ", "isn't ", "aren't ",
        "beware of ", "avoid ", "without ", "nor ", "neither ", "n't ", "no investment is ", "no product is ", "nothing is ", "none of ",
        "is never ",
    ];

    // A style rule's instruction (never state or imply that …): what follows it in the sentence is wording to avoid, quoted or not.
    // Declared before QuotationCues, which holds it.
    private static readonly string[] StyleInstructions =
    [
        "never write", "never say", "never state", "never imply", "never suggest", "never claim", "never promise", "never describe",
        "don't write", "don't say", "don't state", "don't imply", "don't suggest", "don't claim", "don't promise", "don't describe",
        "do not write", "do not say", "do not state", "do not imply", "do not suggest", "do not claim", "do not promise", "do not describe",
        "must not state", "must not imply", "must not suggest", "must not say", "must not claim", "must not promise",
        "should not state", "should not imply", "should not suggest", "should not claim", "should not promise",
        "avoid saying", "avoid writing", "avoid stating", "avoid implying", "avoid suggesting", "avoid claiming", "avoid promising",
        "not to state", "not to imply", "not to suggest", "not to claim", "not to promise",
    ];

    private static readonly string[] QuotationCues =
    [
        "广告法", "《", "禁止", "不得", "严禁", "警惕", "谨防", "违规", "违反", "违法", "处罚", "罚款", "骗局", "诈骗", "虚假", "整改", "通报", "监管",
        "骗子", "套路", "陷阱", "别信", "轻信", "请勿", "吗", "?", "示例", "此类", "表述", "删除", "写道", "宣称", "声称", "号称", "鼓吹", "标榜",
        "噱头", "自称", "写着", "吐槽", "误区", "谣言", "说法", "话术", "伪命题", "不存在", "不好信", "咪信", "伪造", "假象", "冒充", "泼冷水", "泼点冷水", "的帖子", "刷到", "网传", "不靠谱",
        "谁跟你说", "谁跟您说", "谁和你说", "谁和您说", "有人跟你说", "有人跟您说", "有人和你说", "有人和您说", "要是有人", "如果有人", "凡是说",
        .. StyleInstructions, "myth", "misconception", "refers to", "the claim", "prohibit", "finra", "rule 2210", "regulation", "beware", "scam", "fraud", "fined", "banned", "misleading", "alleged", "enforcement action", "cftc",
        "never call", "don't call", "do not call", "never use", "don't use", "do not use", "avoid describing", "avoid calling", "avoid using", "warn", "regulator", "watchdog", "asic", "sign of a", "signs of",
    ];

    private static readonly string[] Penalties =
    [
        "罚款", "处罚", "罚单", "警示函", "通报", "责令", "立案", "监管措施", "行政监管", "暂停", "没收", "罚没", "处分", "约谈", "批评", "认定为",
    ];

    private static readonly (char Open, char Close)[] QuotePairs = [('“', '”'), ('「', '」'), ('『', '』'), ('"', '"'), ('‘', '’'), ('\'', '\'')];

    /// <summary>Stands where a caller took flagged words out of a sentence before asking <see cref="HasWarningSign"/>.</summary>
    public const char RemovedWords = '\uFFFC';

    private const int MaxQuotedNameLength = 8;

    private static readonly string[] ScareQuotedRoles =
        ["达人", "专家", "老师", "顾问", "大师", "大神", "导师", "高手", "股神", "大v", "经理", "客服", "内部人士", "expert", "guru", "advisor", "adviser"];

    private static readonly System.Buffers.SearchValues<char> SentencePunctuation = System.Buffers.SearchValues.Create("，。！？；、,.!?;：:");

    private static readonly string ClosingMarks = string.Concat(QuotePairs.Select(q => q.Close));

    // Questions that urge rather than ask (so why wait?, 还在等什么？): their question mark is no sign of warning.
    private static readonly string[] RhetoricalQuestions =
    [
        "why wait", "what are you waiting for", "what's stopping you", "why not start", "ready to", "还在等什么", "还等什么", "等什么呢", "还犹豫什么",
        "还在犹豫", "心动了吗", "心动不如行动", "冲不冲",
    ];

    // Signs, beyond negation and quotation cues, that a sentence warns, asks, reports or cites rather than claims.
    private static readonly string[] WarningWords =
    [
        "风险", "谨慎", "提示", "提醒", "注意", "小心", "当心", "过往业绩", "不预示", "吗", "谁说", "所谓", "宣称", "声称", "号称", "鼓吹",
        "被罚", "罚单", "法院", "判决", "案例", "可能", "≠", "骗", "举报", "踩坑", "踩雷", "?", "risk", "may ", "might ", "could ", "past performance",
        "subject to", "warning", "claimed", "the claim", "claims that", "promised", "court", "jailed", "regulator", "watchdog", "fca", "sec ", "lawsuit", "according to",
        "illegal", "ban ", "suspicious", "skeptical", "sceptical", "who says", "who tell", "wary", "careful", "watch out", "red flag", "lying", "anyone who", "tells you", "too good to be true",
    ];

    /// <summary>
    /// Whether folded text shows any sign of warning, negating, quoting, asking or citing: a negation not part of a non-negating
    /// word (不仅, 稳赚不赔), a quotation or warning cue, a quotation mark or a question. A sentence without one asserts what it says,
    /// however much it reads like a warning to a statistical model.
    /// </summary>
    public static bool HasWarningSign(string folded)
    {
        if (QuotesMoreThanAName(folded))
        {
            return true;
        }

        bool rhetorical = RhetoricalQuestions.Any(q => folded.Contains(q, StringComparison.Ordinal));
        foreach (string cue in QuotationCues.Concat(WarningWords).Concat(EnglishCues))
        {
            if (rhetorical && cue is "?" or "吗")
            {
                continue;
            }

            for (int at = folded.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                if ((!char.IsAsciiLetter(cue[0]) || at == 0 || !char.IsAsciiLetter(folded[at - 1])) && !StartsPromotionalIdiom(folded, at))
                {
                    return true;
                }
            }
        }

        foreach (string cue in ChineseCues)
        {
            for (int at = folded.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                if (!StartsNonNegation(folded, at))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // English idioms of promotion that hold a negation word and warn of nothing (no matter what the market does, don't miss out,
    // you can't go wrong, no bank can beat that): the sentence is still the advertiser's claim.
    private static readonly string[] PromotionalIdioms =
    [
        "no matter", "no doubt", "no wonder", "no problem", "no questions asked", "no strings attached", "no-brainer", "no brainer", "not only",
        "don't miss", "do not miss", "don't wait", "don't delay", "can't wait", "never been easier", "never miss", "no hassle", "no catch",
        "not even a debate", "can't be wrong", "can't go wrong", "cannot go wrong", "can't beat", "cannot beat", "can't compete", "cannot compete",
        "no bank can", "no one can beat", "nobody can beat", "won't find", "never looked back", "never been better",
    ];

    private static bool StartsPromotionalIdiom(string folded, int at) => AnyStartsWith(folded.AsSpan(at), PromotionalIdioms);

    /// <summary>
    /// Whether a quotation mark shows something quoted: a quotation that held flagged words (<see cref="RemovedWords"/>), a stray
    /// mark, or words beyond a name. A short name in quotation marks (汇岭“快易贷”, the “安心盈” plan) is how Chinese copy
    /// names its products, and says nothing of warning.
    /// </summary>
    private static bool QuotesMoreThanAName(string folded)
    {
        foreach (var (open, close) in QuotePairs)
        {
            int from = 0;
            while (from < folded.Length)
            {
                int start = folded.AsSpan(from).IndexOfAny(open, close);
                if (start < 0)
                {
                    break;
                }

                start += from;
                if (IsApostrophe(folded, start))
                {
                    from = start + 1;
                    continue;
                }

                int end = folded[start] == open ? folded.IndexOf(close, start + 1) : -1;
                if (end < 0)
                {
                    return true;
                }

                var quoted = folded.AsSpan(start + 1, end - start - 1).Trim();
                if (quoted.Length == 0 || quoted.Length > MaxQuotedNameLength || quoted.IndexOfAny(SentencePunctuation) >= 0
                    || quoted.Contains(RemovedWords) || EndsWithRole(quoted))
                {
                    return true;
                }

                from = end + 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether folded text quotes someone's words (more than a name) and says outside the quotation that it reports, warns or
    /// cites (我们模拟了诈骗分子的开场白：“…我自己都买了十万。”): the words are an example shown, not the sentence's own claim. A
    /// question outside the quotation is no such sign: “我买了三个月赚了2万！”你心动吗？ still promotes.
    /// </summary>
    public static bool QuotesUnderCue(string folded)
    {
        var outside = new System.Text.StringBuilder(folded.Length);
        bool quotedWords = false;
        int depth = 0;
        int quoteStart = 0;
        for (int i = 0; i < folded.Length; i++)
        {
            char c = folded[i];
            if (c is '“' or '「' or '『')
            {
                if (depth++ == 0)
                {
                    quoteStart = i;
                }
            }
            else if (c is '”' or '」' or '』' && depth > 0)
            {
                if (--depth == 0)
                {
                    quotedWords |= i - quoteStart - 1 > MaxQuotedNameLength || folded.AsSpan(quoteStart + 1, i - quoteStart - 1).IndexOfAny(SentencePunctuation) >= 0;
                }
            }
            else if (depth == 0)
            {
                outside.Append(c);
            }
        }

        if (!quotedWords)
        {
            return false;
        }

        // 现身说法 (to testify from one's own experience) introduces a testimonial; its 说法 is no "so-called claim".
        string rest = outside.Replace("现身说法", string.Empty).ToString();
        return QuotationCues.Any(cue => cue is not ("?" or "吗") && rest.Contains(cue, StringComparison.Ordinal));
    }

    private static bool ClosesBefore(string folded, char close, int from, int to)
    {
        for (int i = folded.IndexOf(close, from, Math.Max(0, to - from)); i >= 0 && i < to; i = i + 1 < to ? folded.IndexOf(close, i + 1, to - i - 1) : -1)
        {
            if (!IsApostrophe(folded, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A single mark between two letters is an apostrophe (it's, don’t), not a quotation.</summary>
    private static bool IsApostrophe(string folded, int at) =>
        folded[at] is '\'' or '’' && at > 0 && at + 1 < folded.Length && char.IsLetter(folded[at - 1]) && char.IsLetter(folded[at + 1]);

    /// <summary>A person's title in quotation marks (那些“理财达人”, 所谓的“专家”) is said with irony, not as a name.</summary>
    private static bool EndsWithRole(ReadOnlySpan<char> quoted)
    {
        foreach (string role in ScareQuotedRoles)
        {
            if (quoted.EndsWith(role, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text denies every one of <paramref name="words"/> it holds, counting a word it only quotes or asks about as
    /// not asserted (没有稳赚这回事, returns are not guaranteed, 弹幕有人问“这只保本吗”——不保本！): at least one is negated and none
    /// is asserted.
    /// </summary>
    public static bool DeniesEvery(string folded, IReadOnlyList<string> words)
    {
        bool negated = false;
        SentenceMap? sentences = null;
        foreach (string word in words)
        {
            for (int at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                switch (Judge(folded, sentences ??= new SentenceMap(folded), at, at + word.Length))
                {
                    case ContextVerdict.Asserted:
                        return false;
                    case ContextVerdict.Negated:
                        negated = true;
                        break;
                }
            }
        }

        return negated;
    }

    internal static ContextVerdict Judge(string folded, SentenceMap sentences, int start, int end)
    {
        if (IsNegated(folded, start, end))
        {
            return ContextVerdict.Negated;
        }

        var (sStart, sEnd) = sentences.SentenceAt(start);
        return IsQuoted(folded, sStart, sEnd, start, end) || FollowsStyleInstruction(folded.AsSpan(sStart, start - sStart)) || ReportsPenalty(folded.AsSpan(sStart, sEnd - sStart))
            || AsksAbout(folded, sStart, sEnd, start, end) || ReportedClaim.IsReported(folded, sStart, sEnd, start, end) || NamesAKindOfWording(folded, sEnd, end)
            ? ContextVerdict.Quoted
            : ContextVerdict.Asserted;
    }

    // One vectorised pass finds any of them: every hit of every draft asks, Chinese text included.
    private static readonly System.Buffers.SearchValues<string> StyleInstructionSearch =
        System.Buffers.SearchValues.Create(StyleInstructions, StringComparison.Ordinal);

    private static bool FollowsStyleInstruction(ReadOnlySpan<char> before)
    {
        for (int from = 0; from < before.Length;)
        {
            int found = before[from..].IndexOfAny(StyleInstructionSearch);
            if (found < 0)
            {
                return false;
            }

            int at = from + found;
            var rest = before[at..];
            int length = 0;
            foreach (string instruction in StyleInstructions)
            {
                if (rest.StartsWith(instruction, StringComparison.Ordinal))
                {
                    length = instruction.Length;
                    break;
                }
            }

            // "We never say no" is a lender's promise, not a style rule.
            if ((at == 0 || !char.IsAsciiLetter(before[at - 1])) && !rest[length..].StartsWith(" no", StringComparison.Ordinal))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // What turns a claim into the name of a kind of wording (收益保证类表述, 保本、保收益等用语), as audits and training write it.
    private static readonly string[] KindsOfWording =
    [
        "类表述", "类用语", "类话术", "类宣传", "类词", "类说法", "类问题", "类内容", "类文案", "类承诺", "类字眼", "等表述", "等用语", "等话术", "等说法",
        "等字眼", "等词语", "等宣传用语", "之类的表述", "之类的说法", "一类的",
    ];

    private const int KindReach = 12;

    /// <summary>Whether the hit is named as a kind of wording (…出现收益保证类表述): a list or an audit reports it, it does not make it.</summary>
    private static bool NamesAKindOfWording(string folded, int sEnd, int end)
    {
        var after = folded.AsSpan(end, Math.Max(0, Math.Min(sEnd, end + KindReach) - end));
        int clause = after.IndexOfAny('，', ',', '；');
        if (clause >= 0)
        {
            after = after[..clause];
        }

        foreach (string kind in KindsOfWording)
        {
            if (after.Contains(kind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Openings of a question about a term (什么是保本理财？), as an explainer or an FAQ asks it.
    private static readonly string[] DefiningQuestions = ["什么是", "什么叫", "何为", "何谓", "为什么", "为何", "如何看待", "怎么看待", "如何理解", "怎么理解", "如何识别", "怎么识别"];

    // Labels an FAQ puts before its question (问：这款产品保本吗？).
    private static readonly string[] QuestionLabels = ["问:", "问题:", "提问:", "q:", "question:"];

    // Labels a customer-service script puts before a customer's words (标准问：我朋友买了赚了很多): what follows is asked or said
    // by the customer, not promised by the firm, question mark or not. Not 客户：, which is how an ad quotes a testimonial.
    private static readonly string[] CustomerLabels = ["标准问:", "客户问:", "用户问:"];

    // Formal interrogatives a checklist's or FAQ's yes/no question opens with (是否有倒计时等表述？能否承诺保底收益？).
    private static readonly string[] FormalQuestions = ["是否", "有无", "能否", "可否"];

    // A-not-A questions (有没有保本的儿童基金？请问能不能保本？): whatever claim they hold is asked about, by a customer far more
    // often than by an ad's hook, and a hook's answer (这款就是！) is a sentence of its own.
    private static readonly string[] ANotAQuestions = ["有没有", "是不是", "能不能", "会不会", "可不可以", "要不要"];

    private const int ReportedQuestionReach = 24;

    // Someone reported as asking whether (客户问能不能保证批下来, 很多人问有没有保本的): a question, question mark or not.
    private static readonly string[] ReportedQuestions =
        ["问能不能", "问有没有", "问是不是", "问会不会", "问可不可以", "问能否", "问是否", "问有无", "问可否"];

    // Openings of an English yes/no question (Is my capital guaranteed?).
    private static readonly string[] EnglishQuestions = ["is ", "are ", "does ", "do ", "can ", "will ", "was ", "were ", "could "];

    /// <summary>
    /// A question about the claim itself asks rather than claims: the hit closes a yes/no question (这款产品保本吗？, Is my
    /// capital guaranteed?) or sits in a question that asks what a term means (什么是保本理财？). A question that only leads up
    /// to a claim (想要保本又高收益的理财吗？) keeps other words after the hit and stands.
    /// </summary>
    private static bool AsksAbout(string folded, int sStart, int sEnd, int start, int end)
    {
        // Markdown emphasis around a FAQ's question (**Q8：…吗？**) is no part of it.
        var sentence = folded.AsSpan(sStart, sEnd - sStart).TrimEnd().TrimEnd("*_~ ".AsSpan());
        var head = WithoutItemMarks(sentence);
        if (AnyStartsWith(head, CustomerLabels))
        {
            return true;
        }

        if (AnyContains(ClauseBefore(folded, start, ReportedQuestionReach), ReportedQuestions))
        {
            return true;
        }

        // Chat lines and barrage comments often drop the question mark after 吗 (你们是最好的券商吗).
        bool unmarked = !sentence.IsEmpty && sentence[^1] is '吗' or '嘛';
        if (sentence.IsEmpty || (sentence[^1] != '?' && !unmarked))
        {
            return false;
        }

        // A FAQ's question (问：…？, Q8：…？, "Q: … should I hurry?") asks about whatever claim it holds.
        if (StartsWithQuestionLabel(head))
        {
            return true;
        }

        if (AnyStartsWith(head, DefiningQuestions) || AnyStartsWith(head, FormalQuestions) || AnyContains(head, ANotAQuestions))
        {
            return true;
        }

        var after = folded.AsSpan(end, sStart + sentence.Length - end).Trim(" \"'”’」』".AsSpan());
        if (unmarked)
        {
            after = after is "吗" or "嘛" or "的吗" or "了吗" ? "吗?" : "";
        }

        if (after is "?" or "吗?" or "么?" or "嘛?" or "呢?" or "的吗?" or "了吗?" or "的?")
        {
            // 的？ closes a question only one already asks (是不是保本的？); alone it may close a rhetorical one (谁说不能保本的？).
            // (An A-not-A question was taken above, wherever the hit stands in it.)
            return (after.Length > 1 && after is not "的?") || AnyStartsWith(head, EnglishQuestions) || AnyContains(head, FormalQuestions);
        }

        return false;
    }

    /// <summary>A line without its list marks, numbering and leading tag (7. , - , [W-007] , 【常见问题】).</summary>
    private static ReadOnlySpan<char> WithoutItemMarks(ReadOnlySpan<char> line)
    {
        var head = line.TrimStart(" \t#>*-\"'“‘「『(（".AsSpan());
        if (head.Length > 0 && head[0] is '[' or '【' && head.IndexOfAny(']', '】') is var close and > 0 and < 24)
        {
            head = head[(close + 1)..].TrimStart();
        }

        return head.TrimStart("0123456789.、)） ".AsSpan());
    }

    // 问：, Q：, Q8：, Question:
    private static bool StartsWithQuestionLabel(ReadOnlySpan<char> head)
    {
        if (AnyStartsWith(head, QuestionLabels))
        {
            return true;
        }

        var rest = head.StartsWith("q", StringComparison.Ordinal) ? head[1..].TrimStart("0123456789") : [];
        return rest.Length < head.Length - 1 && rest.StartsWith(":", StringComparison.Ordinal);
    }

    private static bool AnyContains(ReadOnlySpan<char> text, string[] words)
    {
        foreach (string word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyStartsWith(ReadOnlySpan<char> text, string[] openings)
    {
        foreach (string opening in openings)
        {
            if (text.StartsWith(opening, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// News of a penalty reports the claim it punishes: a penalty suffered (…晒客户收益截图，被出具警示函), or one that follows
    /// the reason for it (某券商员工因承诺收益被出具警示函).
    /// </summary>
    private static bool ReportsPenalty(ReadOnlySpan<char> sentence)
    {
        int because = sentence.IndexOf('因');
        foreach (string penalty in Penalties)
        {
            int at = sentence.IndexOf(penalty, StringComparison.Ordinal);
            int from = because >= 0 && because < at ? Math.Min(because, Math.Max(0, at - 6)) : Math.Max(0, at - 6);
            if (at > 0 && sentence[from..at].IndexOfAny('被', '遭') >= 0)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsNegated(string folded, int start, int end)
    {
        // A Latin-letter or digit hit (No.1, yyds, guaranteed, 100% safe) can stand in English or in Chinese text: try both cue lists.
        bool latin = start < folded.Length && char.IsAsciiLetterOrDigit(folded[start]);
        return (latin && EnglishNegated(ClauseBefore(folded, start, EnglishWindow))) || ChineseNegated(folded, start) || AnsweredNo(folded, end);
    }

    // How a writer answers the question they just raised in the negative: 零风险？不存在的。 保本？没有的事。 Risk-free? Not quite.
    private static readonly string[] Denials =
    [
        "不存在", "不可能", "当然不", "没有的事", "没这回事", "没有这回事", "并不", "并没有", "不是的", "不是这样", "不是，", "不是,", "不保本", "不能保证", "不能承诺", "假的", "别信", "想多了", "错", "no,", "no.", "no!", "no —", "no –", "no -", "no:", "no;",
        "not quite", "not really", "not at all", "not exactly", "not necessarily", "nope", "never", "think again", "wrong",
    ];

    private const int QuestionReach = 12;

    /// <summary>Whether the hit ending at <paramref name="hitEnd"/> is what a short question asks about, answered at once with a denial.</summary>
    private static bool AnsweredNo(string folded, int hitEnd)
    {
        int end = Math.Min(folded.Length, hitEnd + QuestionReach);
        int mark = hitEnd;
        while (mark < end && !SentenceMap.IsSentenceEnd(folded, mark))
        {
            mark++;
        }

        if (mark >= end || folded[mark] is not ('？' or '?'))
        {
            return false;
        }

        // The answer follows the question at once, or after a short lead-in ending in a colon (我的回答一直是：不是).
        var answer = folded.AsSpan(mark + 1).TrimStart();
        int colon = answer[..Math.Min(answer.Length, AnswerLeadIn)].IndexOfAny('：', ':');
        return StartsWithDenial(answer) || (colon >= 0 && StartsWithDenial(answer[(colon + 1)..].TrimStart()));
    }

    private const int AnswerLeadIn = 12;

    // A bare 没有/不能 answers no only standing alone (有没有稳赚的理财？没有。), not opening a longer clause (没有比这更稳的了).
    private static readonly string[] BareDenials = ["没有", "不能", "不会", "不行", "不可以"];

    private static bool StartsWithDenial(ReadOnlySpan<char> answer)
    {
        foreach (string bare in BareDenials)
        {
            if (answer.StartsWith(bare, StringComparison.Ordinal)
                && (answer.Length == bare.Length || answer[bare.Length] is '。' or '，' or ',' or '.' or '!' or '！' or ';' or '；' or ' ' or '\n'))
            {
                return true;
            }
        }

        foreach (string denial in Denials)
        {
            if (answer.StartsWith(denial, StringComparison.Ordinal) || (denial is "no," or "no." or "no!" && answer.SequenceEqual("no")))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> ClauseBefore(string folded, int start, int window)
    {
        int from = start;
        while (from > 0 && start - from < window && !SentenceMap.IsClauseBreak(folded[from - 1]) && !SentenceMap.IsSentenceEnd(folded, from - 1))
        {
            from--;
        }

        return folded.AsSpan(from, start - from);
    }

    private static bool EnglishNegated(ReadOnlySpan<char> before)
    {
        foreach (string cue in EnglishCues)
        {
            int at = before.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !char.IsAsciiLetter(before[at - 1]) || cue == "n't ") && WordsBetween(before[(at + cue.Length)..]) <= 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChineseNegated(string folded, int start)
    {
        var before = ClauseBefore(folded, start, ChineseWindow);
        int from = start - before.Length;
        foreach (string cue in ChineseCues)
        {
            int at = before.IndexOf(cue, StringComparison.Ordinal);
            while (at >= 0)
            {
                // A lone 不/未/非 negates only what stands right after it (不保本, 并非保本), not a claim further on.
                int gap = before.Length - (at + cue.Length);
                if ((cue.Length > 1 || gap <= 2) && !StartsNonNegation(folded, from + at))
                {
                    return true;
                }

                int nextFrom = at + 1;
                int again = before[nextFrom..].IndexOf(cue, StringComparison.Ordinal);
                at = again < 0 ? -1 : nextFrom + again;
            }
        }

        return false;
    }

    /// <summary>An English negation governs only what follows within a word ("not guaranteed", "not fully guaranteed").</summary>
    private static int WordsBetween(ReadOnlySpan<char> gap)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in gap)
        {
            bool letter = char.IsLetterOrDigit(c) || c == '-' || c == '\'';
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    // 不过 is "but", except where it means "not over-" (不过度承诺, 不过分宣传, 不过于乐观).
    private static readonly string[] NotOver = ["不过度", "不过分", "不过于", "不过高", "不过多"];

    private static bool StartsNonNegation(string folded, int at)
    {
        if (folded[at] == '不' && at + 1 < folded.Length && folded[at + 1] == '过')
        {
            foreach (string word in NotOver)
            {
                if (string.CompareOrdinal(folded, at, word, 0, word.Length) == 0)
                {
                    return false;
                }
            }
        }

        foreach (string word in NotNegations)
        {
            if (string.CompareOrdinal(folded, at, word, 0, word.Length) == 0)
            {
                return true;
            }

            // The cue may sit inside the word (别 in 别错过, 勿 in 勿错过): check the word's start before it too.
            int back = word.IndexOf(folded[at]);
            if (back > 0 && at - back >= 0 && string.CompareOrdinal(folded, at - back, word, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the hit sits inside quotation marks that open and close within its sentence.</summary>
    internal static bool IsInsideQuotes(string folded, SentenceMap sentences, int start, int end)
    {
        var (sStart, sEnd) = sentences.SentenceAt(start);
        return InsideQuotes(folded, sStart, ref sEnd, start, end);
    }

    private static bool IsQuoted(string folded, int sStart, int sEnd, int start, int end)
    {
        if (!InsideQuotes(folded, sStart, ref sEnd, start, end))
        {
            return false;
        }

        var sentence = folded.AsSpan(sStart, sEnd - sStart);
        foreach (string cue in QuotationCues)
        {
            if (cue is "?" or "吗" ? AsksOfTheHit(folded, sStart, sEnd, start, end, cue) : sentence.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return DefinesTerm(folded, start, end) || RebuttedAfterDash(folded, sEnd, end);
    }

    // What a correction after a quoted line says (“保险就是存款”——保险产品不是存款): the quotation is the claim it corrects.
    private static readonly string[] Rebuttals =
        ["不是", "并非", "不保证", "不代表", "不等于", "不能", "均不", "禁止", "不得", "违规", "误导", "错误", "有损失", "可能亏损", "not ", "isn't", "aren't", "never"];

    /// <summary>Whether the quotation holding the hit is followed at once by a dash and a correction (“X”——…不是…), as a list of myths has it.</summary>
    private static bool RebuttedAfterDash(string folded, int sEnd, int end)
    {
        int close = folded.AsSpan(end, Math.Max(0, sEnd - end)).IndexOfAny(ClosingMarks);
        if (close < 0)
        {
            return false;
        }

        var rest = folded.AsSpan(end + close + 1, sEnd - end - close - 1).TrimStart();
        if (!(rest.StartsWith("—") || rest.StartsWith("--") || rest.StartsWith("─")))
        {
            return false;
        }

        foreach (string rebuttal in Rebuttals)
        {
            if (rest.Contains(rebuttal, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create(string.Concat(QuotePairs.Select(q => $"{q.Open}{q.Close}")));

    /// <summary>
    /// Whether a question in the sentence bears on the quoted hit: it asks about the quotation from outside it (你信“稳赚”吗?), or
    /// shares the hit's clause (“这个产品保本吗?”). A speaker's question in another clause of the same quotation (小王:“…就是零风险的,
    /// 我帮您办一单?”) closes a sales pitch, it does not question the claim.
    /// </summary>
    private static bool AsksOfTheHit(string folded, int sStart, int sEnd, int start, int end, string cue)
    {
        for (int q = folded.IndexOf(cue, sStart, sEnd - sStart, StringComparison.Ordinal); q >= 0;
            q = q + 1 < sEnd ? folded.IndexOf(cue, q + 1, sEnd - q - 1, StringComparison.Ordinal) : -1)
        {
            var between = q >= end ? folded.AsSpan(end, q - end) : q + cue.Length <= start ? folded.AsSpan(q + cue.Length, start - q - cue.Length) : default;
            if (between.IndexOfAny(QuoteMarks) >= 0 || !HasClauseBreak(between))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClauseBreak(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (SentenceMap.IsClauseBreak(c))
            {
                return true;
            }
        }

        return false;
    }

    // What follows a quoted term that is being explained or denied rather than claimed: “最优执行”是券商的法定义务, 这里的“最优”指的是…,
    // “闭眼买”不是选基方法.
    private static readonly string[] Definitions =
    [
        "是指", "指的是", "指", "是", "即", "意为", "意思是", "的意思", "一词", "这个词", "二字", "这两个字", "这一说法", "的含义", "的定义", "不是", "并不是", "并非",
        "不等于", "不代表", "≠",
    ];

    /// <summary>Whether the hit is (the start of) a short quoted term followed by what it means.</summary>
    private static bool DefinesTerm(string folded, int start, int end)
    {
        var pair = start == 0 ? default : Array.Find(QuotePairs, q => q.Open == folded[start - 1]);
        if (pair == default)
        {
            return false;
        }

        char close = pair.Close;
        int closing = folded.IndexOf(close, end, Math.Min(folded.Length - end, 6));
        if (closing < 0)
        {
            return false;
        }

        var after = folded.AsSpan(closing + 1);
        foreach (string definition in Definitions)
        {
            if (after.StartsWith(definition, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideQuotes(string folded, int sStart, ref int sEnd, int start, int end)
    {
        // A quoted sentence ends inside its marks (写道：“本产品保本。”): the closing mark after the full stop still closes it.
        while (sEnd < folded.Length && ClosingMarks.Contains(folded[sEnd]))
        {
            sEnd++;
        }

        bool inside = false;
        foreach (var (open, close) in QuotePairs)
        {
            int o = folded.LastIndexOf(open, Math.Max(sStart, start - 1), Math.Max(0, start - sStart));
            if (open == close)
            {
                // Straight quotes: inside when an odd number of them precede the hit in the sentence.
                int count = 0;
                for (int i = sStart; i < start; i++)
                {
                    if (folded[i] == open && !IsApostrophe(folded, i))
                    {
                        count++;
                    }
                }

                if (count % 2 == 1 && ClosesBefore(folded, close, end, sEnd))
                {
                    inside = true;
                    break;
                }

                continue;
            }

            if (o >= 0 && o >= sStart && folded.IndexOf(close, o, start - o) < 0 && end <= sEnd && folded.IndexOf(close, end, sEnd - end) >= 0)
            {
                inside = true;
                break;
            }
        }

        return inside;
    }
}
