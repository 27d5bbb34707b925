using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The model's apr label means "a credit offer without an annualised rate". A sentence that itself states one (年化利率 7.2%,
/// 11.5% APR, 6.5% p.a., Australia's comparison rate, Singapore's effective interest rate) cannot be that, however much it reads like a loan ad, so it never becomes an apr finding. A number must go with
/// the rate: "no APR to worry about" states none. Matched on folded text (full-width signs folded, lower case).
/// </summary>
public static partial class AnnualRateGuard
{
    [GeneratedRegex(
        @"年化[^。！？；!?;\d]{0,12}\d|年利率[^。！？；!?;\d]{0,8}\d|\d\s*%?\s*\(?\s*年化|\baprs?\b[^.!?;\d]{0,30}\d|\d\s*%\s*\(?\s*(representative\s+)?\)?\s*((variable|fixed)\s+)?apr\b|annual(ised|ized)?\s+(percentage\s+)?rate[^.!?;\d]{0,30}\d"
        + @"|\d\s*%\s*(p\.?\s?a\b|per\s+annum\b)|comparison\s+rate[^.!?;\d]{0,20}\d|effective\s+interest\s+rate[^.!?;\d]{0,20}\d|\d\s*%\s*(\(|\s)*(eir|effective\s+interest\s+rate)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnnualRate();

    public static bool StatesAnnualRate(ReadOnlySpan<char> sentence) => AnnualRate().IsMatch(TextFold.Fold(sentence.ToString()));

    // Pay in 2 to 4 instalments with no interest is not credit with a finance charge (Regulation Z's four-instalment rule), as
    // EN-APR-001's exception has it: there is no rate to state.
    [GeneratedRegex(
        @"\b(pay in|split (it |your purchase |the cost |everything )?into|spread (it |the cost )?over) (2|3|4|two|three|four) (interest-free |interest free |equal |fortnightly |monthly )?(instal?ments|payments)\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShortInterestFreePlan();

    public static bool IsShortInterestFreePlan(ReadOnlySpan<char> sentence)
    {
        string folded = TextFold.Fold(sentence.ToString());
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

    public static bool PricesAnOverdueAccount(ReadOnlySpan<char> sentence) => OverdueCharge().IsMatch(TextFold.Fold(sentence.ToString()));
}
