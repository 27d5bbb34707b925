using System.Text.RegularExpressions;

namespace ComplianceCheck.Classifier;

/// <summary>
/// A notice that money has already moved to the customer (本金及收益已返还至您的银行卡, 利息已到账, "your interest has been paid"):
/// it reports what happened to the reader's own holding, so the words of a promise in it (本金, 收益) promise nothing. 兑付 is
/// left out: 历史产品均已按时兑付 vouches for the next product.
/// </summary>
public static partial class TransactionNotice
{
    [GeneratedRegex(
        @"已(?:全额|按时|如期|足额)?(?:返还|退还|到账|入账|划入|划转|转入|发放|支付|派发|存入)|(?:has|have|was|were)\s+(?:been\s+)?(?:paid|credited|returned|deposited|transferred)\s+(?:in)?to\s+your",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PaidOut();

    public static bool IsPaidOut(ReadOnlySpan<char> sentence) => PaidOut().IsMatch(sentence);
}
