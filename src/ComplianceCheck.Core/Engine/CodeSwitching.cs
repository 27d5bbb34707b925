namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Chinese drafts written by and for bilingual readers switch to English mid-sentence (完全对冲，risk-free，年化25%起步;
/// 入金送 free stocks). Such a draft is too Chinese to be read as English as a whole, so the English claim rules read the
/// blocks that write English words of their own; brand names and acronyms alone (ETF, QDII, App) do not count.
/// </summary>
public static class CodeSwitching
{
    private const int MinimumWords = 2;
    private const int MinimumWordLength = 3;

    /// <summary>Whether <paramref name="text"/> holds at least two English words of three or more letters, not all capitals.</summary>
    public static bool WritesEnglish(ReadOnlySpan<char> text)
    {
        int words = 0;
        foreach (var (start, length) in new AsciiWords(text))
        {
            if (length >= MinimumWordLength && text.Slice(start, length).ContainsAnyInRange('a', 'z') && ++words >= MinimumWords)
            {
                return true;
            }
        }

        return false;
    }
}
