using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Whether a sentence shows any sign of being financial or promotional copy: money, returns, a financial product, credit
/// terms, a call to act, a superlative claim, a first-person story or a reader addressed directly. Neutral prose (industry
/// analysis, how-to steps, headings, UI text, news) often has none, and the model, trained on marketing sentences, can be
/// confidently wrong on it; so a model finding on a sentence without a cue needs a higher probability
/// (<see cref="ModelAugmenter.NoCueThreshold"/>). A soft gate, not a filter: the list only decides which threshold applies.
/// Matched on folded text (full-width → half-width, lower case).
/// </summary>
public static class DomainCue
{
    private static readonly string[] ChineseCues =
    [
        // money, returns, products, credit
        "钱", "元", "万", "块", "%", "收益", "回报", "利息", "利率", "息", "本金", "本钱", "本息", "理财", "基金", "保险", "保单", "保费",
        "年金", "分红", "贷", "借", "还款", "分期", "额度", "征信", "下款", "放款", "到账", "提现", "投资", "存", "赚", "亏", "赔", "涨", "跌",
        "回撤", "净值", "股", "债", "私募", "信托", "银行", "账户", "资金", "资产", "财富", "兑付", "保本", "稳", "盈", "翻倍", "躺", "手续费",
        "费率", "获利", "利润", "连本带利", "这款", "这只", "买", "购",

        // a call to act, urgency
        "你", "您", "姐妹", "家人", "宝子", "老铁", "兄弟", "冲", "上车", "入手", "抢购", "开抢", "快抢", "手慢", "名额", "限时", "限量",
        "倒计时", "错过", "赶紧", "速来", "立即", "马上", "仅剩", "推荐", "亲测", "闭眼", "无脑", "yyds", "!", "犹豫", "截止", "过时不候",
        "下单", "进场", "入场", "加仓", "抄底", "机会", "窗口期", "踏空", "行情", "赠送", "免佣", "特权", "原价", "白送", "可惜", "尽快",
        "抓住", "今晚", "今天", "门票", "红利", "行动", "保底", "兑现", "一分不差",

        // claims and first-person stories
        "全网", "全国", "全球", "史上", "第一", "顶级", "最佳", "最好", "最强", "最高", "最低", "最优", "最安全", "首选", "冠军", "唯一",
        "王牌", "独家", "no.1", "top", "天花板", "无敌", "业内", "同类", "同行", "同业", "其他家", "别家", "竞品", "无可", "终极",
        "王者", "独步", "独占", "领先", "超越", "绝对", "绝无", "空前", "完胜", "秒杀", "碾压", "标杆", "一骑绝尘", "扛把子", "最全",
        "最快", "最香", "最值", "最实惠", "最划算", "最贴心", "最专业", "最靠谱", "我",
    ];

    // English words: a cue of four letters or more also matches as a word's beginning (invest → investing, investors).
    private static readonly HashSet<string> LatinWords = new(StringComparer.Ordinal)
    {
        "money", "cash", "fund", "funds", "invest", "return", "returns", "yield", "interest", "rate", "rates", "apr", "apy", "loan", "loans",
        "borrow", "credit", "lend", "lender", "principal", "profit", "gain", "gains", "earn", "income", "saving", "savings", "deposit",
        "account", "portfolio", "stock", "stocks", "bond", "bonds", "insurance", "insured", "policy", "premium", "annuity", "payout",
        "dividend", "hold", "collect", "grow", "growth", "protected", "downturn", "bulletproof", "pay", "paid", "payment", "fee", "fees", "bank", "wealth", "retire", "retirement", "rich", "lose", "loss", "losses",
        "risk", "guarantee", "guaranteed", "safe", "nest", "financial", "market", "markets", "trade", "trades", "trading", "win",
        "you", "your", "now", "today", "hurry", "last", "limited", "join", "apply", "act", "miss", "claim", "sign", "grab", "tonight",
        "best", "top", "greatest", "ultimate", "unbeatable", "unmatched", "better", "nobody", "ever", "number", "leading", "leader",
        "than", "perfect", "peerless", "incomparable", "favourite", "favorite", "unrivalled", "unrivaled", "unparalleled", "equal", "ahead",
        "king", "crowned", "reach", "close", "others", "other", "difference", "never", "always", "opportunity", "closing", "closes", "gone", "early", "late", "soon", "wait", "waiting", "don",
        "buy", "urgent", "hot", "tip", "slip", "sorry", "crowd", "viral", "invite", "exclusive", "demand", "entry", "exit", "forget",
        "i", "my", "me", "chose", "chosen", "choose", "love", "loves", "famous", "celebrity", "says", "said", "recommend", "recommends", "trust", "trusts", "star", "client", "clients", "investor", "investors",
    };

    private static readonly char[] LatinMarks = ['$', '%', '!', '#', '€', '£', '¥'];

    public static bool Has(ReadOnlySpan<char> sentence)
    {
        string folded = TextFold.Fold(sentence.ToString());
        if (folded.IndexOfAny(LatinMarks) >= 0)
        {
            return true;
        }

        foreach (char c in folded)
        {
            if (char.IsSurrogate(c))
            {
                return true; // an emoji: social-media marketing register
            }
        }

        if (ModelText.HasIdeographs(folded))
        {
            foreach (string cue in ChineseCues)
            {
                if (folded.Contains(cue, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        foreach (var (start, length) in new AsciiWords(folded))
        {
            if (IsLatinCue(folded.AsSpan(start, length)))
            {
                return true;
            }
        }

        return false;
    }

    // Words ending in -est that compare nothing ("interest", "invest"), and the time ordinals (the latest issue, the earliest date).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotSuperlatives = new HashSet<string>(StringComparer.Ordinal)
    {
        "interest", "invest", "reinvest", "request", "suggest", "digest", "honest", "dishonest", "modest", "harvest", "forest", "contest",
        "protest", "manifest", "arrest", "conquest", "bequest", "behest", "midwest", "latest", "earliest", "interest-free",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsLatinCue(ReadOnlySpan<char> word) =>
        IsCueWord(LatinWords.GetAlternateLookup<ReadOnlySpan<char>>(), word, minPrefix: 4, superlatives: true);

    /// <summary>
    /// Whether a folded English word is one of <paramref name="cues"/>, or begins with a cue of at least
    /// <paramref name="minPrefix"/> letters (invest → investing), or, with <paramref name="superlatives"/>, is a superlative
    /// (finest, strongest).
    /// </summary>
    internal static bool IsCueWord(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> cues, ReadOnlySpan<char> word, int minPrefix, bool superlatives)
    {
        if (cues.Contains(word) || (superlatives && word.Length >= 6 && word.EndsWith("est") && !NotSuperlatives.Contains(word)))
        {
            return true;
        }

        for (int n = minPrefix; n < word.Length; n++)
        {
            if (cues.TryGetValue(word[..n], out string? cue) && cue.Length >= minPrefix)
            {
                return true;
            }
        }

        return false;
    }
}
