using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The model's apr label means "a credit offer without an annualised rate". A sentence that itself states one (年化利率 7.2%,
/// 11.5% APR, 6.5% p.a., Australia's comparison rate, Singapore's effective interest rate) cannot be that, however much it reads like a loan ad, so it never becomes an apr finding. A number must go with
/// the rate: "no APR to worry about" states none. Matched on folded text (full-width signs folded, lower case): the other
/// tests take the sentence folded once by the caller.
/// </summary>
public static partial class AnnualRateGuard
{
    [GeneratedRegex(
        @"年化[^。！？；!?;\d]{0,12}\d|年利率[^。！？；!?;\d]{0,8}\d|\d\s*%?\s*\(?\s*年化|\baprs?\b[^.!?;\d]{0,30}\d|\d\s*%\s*\(?\s*(representative\s+)?\)?\s*((variable|fixed)\s+)?apr\b|annual(ised|ized)?\s+(percentage\s+)?rate[^.!?;\d]{0,30}\d"
        + @"|\d\s*%\s*(p\.?\s?a\b|per\s+annum\b)|comparison\s+rate[^.!?;\d]{0,20}\d|effective\s+interest\s+rate[^.!?;\d]{0,20}\d|\d\s*%\s*(\(|\s)*(eir|effective\s+interest\s+rate)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnualRate();

    public static bool StatesAnnualRate(ReadOnlySpan<char> sentence) => AnnualRate().IsMatch(TextFold.Fold(sentence.ToString()));

    // Pay in 2 to 4 instalments (or "Pay in 4", the product's name) with no interest is not credit with a finance charge
    // (Regulation Z's four-instalment rule), as EN-APR-001's exception has it: there is no rate to state.
    [GeneratedRegex(
        @"\bpay in (2|3|4|two|three|four)\b(?! (days?|weeks?|months?|years?)\b)|\b(split (it |your purchase |the cost |everything )?into|spread (it |the cost )?over) (2|3|4|two|three|four) (interest-free |interest free |equal |fortnightly |monthly )?(instal?ments|payments)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShortInterestFreePlan();

    public static bool IsShortInterestFreePlan(string folded)
    {
        return ShortInterestFreePlan().IsMatch(folded) && (folded.Contains("interest-free", StringComparison.Ordinal)
            || folded.Contains("interest free", StringComparison.Ordinal) || folded.Contains("no interest", StringComparison.Ordinal)
            || folded.Contains("0% interest", StringComparison.Ordinal));
    }

    // What an overdue account costs (逾期…按日利率万分之五计收利息, "a late payment fee of $40") is a warning in a contract or a
    // reminder, not the price of an offer: ZH-APR-001 and ZH-APR-002 make the same exception. Not 逾期, 违约金 or "late fees"
    // alone: 逾期也能借, 提前还款无违约金 and "no late fees" are a loan ad's lures.
    [GeneratedRegex(
        @"(逾期|未按时还款|未按期还款)[^，。！？；;\n]{0,12}(计收|收取|加收|按日|罚息|利息|违约金|滞纳金)|\b(late (payment )?(fee|charge)s? (of|is|are|will|may|up to)|default (interest|rate)|penalty (interest|rate|apr))\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex OverdueCharge();

    public static bool PricesAnOverdueAccount(string folded) => OverdueCharge().IsMatch(folded);

    // The terms an apr finding is about: a cost (利息, 手续费, 每天2块, 月供, "$89 a month", fees), a way to pay (分期, 先用后付,
    // "pay later"), or the credit check and approval a loan ad trades on (不看征信, 当天放款, "bad credit OK"). A sentence with none
    // of them (最高可借二十万, 急用钱就找XX借, 月薪三千也能买的百万医疗) offers no price for an annual rate to qualify.
    [GeneratedRegex(
        @"利息|息|利率|费率|费用|分利|厘|手续费|服务费|月供|日供|每期|分期|免息|[0零]利|\d\s*%|[\d一二三四五六七八九十两几]\s*(块|元|毛|分钱)|便宜|划算|成本|还款|月还|每月|每天|一天|贴息|首付|付款|先用后付|先享后付|白条"
        + @"|征信|信用记录|信用报告|信用分|逾期|收入证明|负债|白户|黑户|流水|抵押|押车|担保|下款|放款|到账|拿钱|借到|的钱"
        + @"|interest|fee|payment|[$£€]\s?\d|\d\s?(dollars|pounds|bucks)|\b(a|per) (day|week|month)\b|/(mo|wk)\b|\bcost|cheap|repay|pay (back|later|in|over|off)|instal?ment|\bapr|\brate"
        + @"|financ|\bdeposit|\bdown\b|credit (check|score|history|file)|bad credit|no credit|approv|qualif|percent",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TermsOfCredit();

    public static bool NamesTermsOfCredit(string folded) => TermsOfCredit().IsMatch(folded);

    // A funnel's or a campaign's figures (授信→首借转化率：3.1% → 7.4%, "conversion rate rose to 12%") measure the lender's
    // business, not the price of a loan offered to the reader.
    private static readonly string[] BusinessMetrics =
        ["转化率", "复借率", "留存率", "点击率", "打开率", "获客成本", "激活率", "渗透率", "roi", "ctr", "cvr", "conversion", "retention", "click-through", "open rate", "acquisition cost"];

    public static bool ReportsBusinessMetrics(string folded) => BusinessMetrics.Any(m => folded.Contains(m, StringComparison.Ordinal));
}
