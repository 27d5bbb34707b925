using System.Text.RegularExpressions;

namespace ComplianceCheck.Classifier;

/// <summary>
/// A superlative bounded in time (the Dow posted its best week since November; yields hit their highest level in 16 years) reports
/// market data, as EN-ABS-001 and EN-ABS-006 except it: no claim about the advertiser's offer. Matched on folded text.
/// </summary>
public static partial class MarketRecord
{
    [GeneratedRegex(
        @"\b(best|worst|biggest|largest|highest|lowest|strongest|weakest)\b[^.!?]{0,30}\b(day|week|month|quarter|year|session|start|run|close|level|reading|gain|drop|fall|rise)s? (since|in (over |more than |nearly |almost )?(\d+|a|two|three|four|five|six|seven|eight|nine|ten|a decade|decades))\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Record();

    public static bool Reports(string folded) => Record().IsMatch(folded);
}
