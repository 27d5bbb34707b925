using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Benchmarks.Generation;

/// <summary>The phrase sets the literal benchmarks match: the real rule packs' literals, and a 2,000-phrase set.</summary>
public static class PhraseSets
{
    private static readonly string[] ChinesePrefixes =
    [
        "稳", "保", "高", "超", "最", "零", "无", "必", "躺", "秒", "首", "独家", "顶级", "绝对", "100%", "终身", "年年", "天天", "月月", "轻松", "放心",
        "稳稳", "闭眼", "包", "坐等", "快速", "极速", "免息", "免审", "官方", "内部", "限时", "全网", "史上", "一键", "火爆",
    ];

    private static readonly string[] ChineseStems =
    [
        "赚", "收益", "回报", "盈利", "增值", "翻倍", "到账", "下款", "审批", "保障", "理赔", "分红", "利息", "本金", "涨停", "牛股", "黑马", "收入", "兜底",
        "安全", "放款", "提额", "返现", "补贴", "抄底", "上车", "暴涨", "回本", "吃息", "躺赢", "变现", "年化", "复利", "通过", "额度", "名额",
    ];

    private static readonly string[] ChineseSuffixes = ["", "", "", "不亏", "无忧", "神器", "计划", "秘籍", "专享", "不停", "保证", "承诺", "稳赚"];

    private static readonly string[] EnglishAdjectives =
    [
        "guaranteed", "risk-free", "best", "top", "instant", "no-lose", "sure", "massive", "exclusive", "unbeatable", "fixed", "safe", "certain",
        "double", "unlimited", "easy", "fast", "lifetime", "secret", "proven",
    ];

    private static readonly string[] EnglishNouns =
    [
        "returns", "profit", "income", "approval", "yield", "gains", "payout", "deal", "growth", "rate", "money", "winner", "pick", "bonus",
        "cash", "loan", "credit", "interest", "savings", "strategy",
    ];

    /// <summary>
    /// Every literal the engine's automaton matches: phrase-rule phrases, regex anchors, proximity terms and
    /// required-statement triggers of the built-in packs, folded and de-duplicated.
    /// </summary>
    public static IReadOnlyList<string> RulePackLiterals(RuleSet rules)
    {
        var literals = new List<string>();
        foreach (var rule in rules.Rules)
        {
            switch (rule)
            {
                case PhraseRule p:
                    literals.AddRange(p.Phrases);
                    break;
                case PatternRule p:
                    literals.AddRange(p.Anchors);
                    break;
                case ProximityRule p:
                    literals.AddRange(p.First);
                    literals.AddRange(p.Second);
                    break;
                case RequiredRule r:
                    literals.AddRange(r.Triggers);
                    literals.AddRange(r.TriggerAnchors);
                    break;
            }
        }

        return literals.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The phrases of the phrase rules alone (what a prh dictionary can express), with their rule ids.</summary>
    public static IReadOnlyList<(string Phrase, string RuleId, string Lang)> PhraseRulePhrases(RuleSet rules) =>
        rules.Rules.OfType<PhraseRule>()
            .SelectMany(r => r.Phrases.Where(p => p.Length > 0).Select(p => (p, r.Id, r.Lang)))
            .ToArray();

    /// <summary>
    /// A set of exactly <paramref name="count"/> distinct phrases: the real literals first, then generated marketing
    /// phrases (稳赚+不亏, guaranteed returns…) built from morpheme pools with the given seed.
    /// </summary>
    public static IReadOnlyList<string> Synthetic(int count, IReadOnlyList<string> realLiterals, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(count);
        foreach (string literal in realLiterals)
        {
            if (result.Count < count && set.Add(literal))
            {
                result.Add(literal);
            }
        }

        int attempts = 0;
        while (result.Count < count)
        {
            if (++attempts > count * 1000)
            {
                throw new InvalidOperationException("the morpheme pools cannot make that many distinct phrases");
            }

            string phrase = rng.Chance(0.75)
                ? rng.Pick(ChinesePrefixes) + rng.Pick(ChineseStems) + rng.Pick(ChineseSuffixes)
                : rng.Pick(EnglishAdjectives) + " " + rng.Pick(EnglishNouns);
            if (phrase.Length >= 2 && set.Add(phrase))
            {
                result.Add(phrase);
            }
        }

        return result;
    }
}
