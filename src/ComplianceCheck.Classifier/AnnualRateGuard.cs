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
}
