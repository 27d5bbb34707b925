using System.Buffers;
using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Standard risk-disclosure wording. A sentence that carries it is never turned into a model finding: flagging a
/// mandatory statement could make a writer delete it, and a bag of n-grams cannot tell "possible loss of principal"
/// from "no loss of principal". Matched on folded text; lists only phrases that occur in required disclosures.
/// </summary>
public static class DisclosureGuard
{
    private static readonly string[] Cues =
    [
        // zh-CN: the statements the rule packs require, and their usual parts.
        "理财非存款", "产品有风险", "投资须谨慎", "投资需谨慎", "投资有风险", "市场有风险", "入市需谨慎", "入市须谨慎", "过往业绩", "不预示",
        "不代表未来", "不构成", "不保证", "不承诺", "可能损失", "可能亏损", "本金损失", "损失本金", "风险提示", "风险揭示",
        "仔细阅读", "认真阅读", "谨慎决策", "谨慎投资", "理性投资", "以合同约定为准", "以合同为准", "可能出现亏损", "可能出现损失",
        "可能会亏损", "可能会损失", "可能发生亏损", "可能发生损失", "不能保证", "无法保证", "不能承诺", "无法承诺", "不存在保本", "仅供参考", "只是参考", "不代表实际", "随市场波动", "不是固定的", "并非固定",
        "没有只赚不赔", "退保是亏", "退保会亏", "退保有损失", "退保会有损失", "退保损失",

        // Lending's standard warnings (理性借贷、按需借款; 评估自身还款能力).
        "理性借贷", "按需借款", "还款能力", "量力而行",

        // A structured deposit's or a floating product's range, told with its floor (最终收益取决于挂钩标的表现，有可能只拿到最低档收益).
        "取决于挂钩", "可能只拿到", "可能只能拿到", "可能只获得", "可能只能获得", "可能仅获得",

        // A sentence that sets a fact apart from what it does not mean (保额递增，但这不等于你的钱每年涨3%) disclaims: no
        // risky sentence in the labelled corpora or the blind sets holds one of these.
        "不等于", "不意味着", "并不代表",

        // Saying that prices move, or correcting a claim, is a warning in every labelled sentence that does it.
        "有涨有跌", "会有波动", "会波动", "纠正一下", "从来没有说过", "从没说过",

        // en: US and UK disclosure boilerplate.
        "involves risk", "involve risk", "loss of principal", "may lose", "lose value", "not guaranteed", "no guarantee",
        "not a guarantee", "does not guarantee", "do not guarantee", "is no guarantee", "no bank guarantee", "not fdic", "not insured",
        "past performance", "before investing", "read it carefully", "read the prospectus", "prospectus", "not a deposit",
        "subject to credit approval", "member fdic", "member finra", "equal housing lender", "capital at risk", "capital is at risk", "capital may be at risk",
        "money is at risk", "investment is at risk", "investments are at risk", "can go down",
        "may be worth more or less", "may fall as well as rise", "not indicative", "late repayment can cause", "moneyhelper",
        "your home may be repossessed", "think carefully before securing", "no investment is", "not risk-free", "isn't risk-free",
        "is never risk-free", "cannot guarantee", "can't guarantee", "can not guarantee", "don't guarantee", "doesn't guarantee",
        "risk of loss", "get back less", "getting back less", "may affect your credit", "could affect your credit", "reported to credit bureaus", "credit reference agenc", "not a certainty", "not a promise", "is a forecast", "are forecasts", "is an estimate", "does not eliminate", "doesn't eliminate",

        // UK credit promotions' required statements (CONC 3): status, the broker's role and its commission, the representative example.
        "subject to status", "credit broker", "not a lender", "authorised and regulated by", "regulated by the financial conduct authority",
        "over 18s only", "representative example", "total amount payable", "receive commission", "commission from lenders",
    ];

    // A disclaimer followed by "but" (不构成投资建议，不过跟我上车的都吃到了涨停; "not financial advice, but everyone … is up 80%")
    // does not cover what follows: the claim after the contrast stands on its own.
    private static readonly string[] Contrasts = ["但是", "但", "不过", "可是", "然而", " but ", " however", " yet "];

    public static bool HasDisclosure(ReadOnlySpan<char> sentence)
    {
        string folded = TextFold.Fold(sentence.ToString());
        int turn = LastContrast(folded);
        foreach (string cue in Cues)
        {
            for (int at = folded.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                // "不可能亏损" promises the opposite of "可能亏损", "never to lose value" of "may lose value".
                if (!(cue.StartsWith('可') && at > 0 && folded[at - 1] == '不') && !DeniedLoss(folded, cue, at) && at > turn)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where the claim after the contrast starts in a sentence that disclaims first and then turns (以上不构成投资建议，但跟着买三个月翻倍;
    /// "NFA, but this ticker doubles by Friday"), else -1. Positions are those of <paramref name="sentence"/>.
    /// </summary>
    public static int ClaimAfterDisclaimer(ReadOnlySpan<char> sentence)
    {
        // Most sentences have no contrast at all: tell that from the raw text, without folding a copy of every sentence.
        if (!HasContrast(sentence))
        {
            return -1;
        }

        string folded = TextFold.Fold(sentence.ToString());
        int turn = LastContrast(folded, out int length);
        if (turn < 0)
        {
            return -1;
        }

        foreach (string cue in Cues.Concat(AdviceDisclaimers))
        {
            int at = folded.IndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at < turn && IsWord(folded, at, cue.Length))
            {
                return turn + length;
            }
        }

        return -1;
    }

    // A finfluencer's sign-off ("not financial advice", NFA, DYOR): it turns a sentence like a disclosure does, but it is no
    // disclosure itself, so it never keeps the model from judging the sentence.
    private static readonly string[] AdviceDisclaimers =
        ["not financial advice", "not investment advice", "nfa", "dyor", "do your own research", "个人观点", "仅代表个人", "不荐股"];

    // The English contrasts in one vectorised ignore-case search (a string search ignoring case, one per word, was 1.9 % of a
    // repository scan); the Chinese ones one ordinal search each (a multi-string search over Chinese words walks a dictionary
    // per character). Most sentences have no contrast, and are not folded.
    private static readonly string[] ChineseContrasts = Contrasts.Where(c => !Ascii.IsValid(c)).ToArray();
    private static readonly SearchValues<string> EnglishContrasts = SearchValues.Create(Contrasts.Where(c => Ascii.IsValid(c)).ToArray(), StringComparison.OrdinalIgnoreCase);

    private static bool HasContrast(ReadOnlySpan<char> sentence)
    {
        foreach (string contrast in ChineseContrasts)
        {
            if (sentence.Contains(contrast, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return sentence.ContainsAny(EnglishContrasts);
    }

    // NFA inside "unfair" or "infant" is no sign-off.
    private static bool IsWord(string folded, int at, int length) =>
        !char.IsAsciiLetter(folded[at]) || ((at == 0 || !char.IsAsciiLetter(folded[at - 1])) && (at + length >= folded.Length || !char.IsAsciiLetter(folded[at + length])));

    private static int LastContrast(string folded) => LastContrast(folded, out _);

    private static int LastContrast(string folded, out int length)
    {
        int last = -1;
        length = 0;
        foreach (string contrast in Contrasts)
        {
            for (int at = folded.LastIndexOf(contrast, StringComparison.Ordinal); at > last; at = at == 0 ? -1 : folded.LastIndexOf(contrast, at - 1, StringComparison.Ordinal))
            {
                // 不但…而且 and 但凡 join, they do not turn.
                bool joins = contrast == "但" && ((at > 0 && folded[at - 1] == '不') || (at + 1 < folded.Length && folded[at + 1] == '凡'));
                if (!joins)
                {
                    last = at;
                    length = contrast.Length;
                    break;
                }
            }
        }

        return last;
    }

    private static readonly string[] LossDenials = ["never to ", "never ", "won't ", "will not ", "cannot ", "can't ", "not ", "impossible to ", "no way you "];

    // "you'll never lose value", "it's impossible to get back less than you put in": the loss is denied, the sentence promises.
    private static bool DeniedLoss(string folded, string cue, int at) =>
        (cue.StartsWith("lose", StringComparison.Ordinal) || cue.StartsWith("get", StringComparison.Ordinal))
        && LossDenials.Any(d => folded.AsSpan(0, at).EndsWith(d, StringComparison.Ordinal));
}
