using System.Text.RegularExpressions;

namespace ComplianceCheck.Classifier;

/// <summary>
/// A sentence that reports money lost (账户-22%，浮亏一万七千多; 股票型基金一年跌20%也见过; "I'm down 25% this year") tells of a loss,
/// the opposite of a promise of safety or a gain story, however much its figures and fund words read like one to the model. A
/// gain or a promise beside the loss keeps the sentence a claim (本来亏了四成，跟了两周已经回本了).
/// </summary>
public static partial class LossReport
{
    // A return said to be negative, in words (负收益) or as a figure (收益率大概-5%).
    private const string NegativeReturnWords = "收益率?为负|负收益";
    private const string NegativeReturnFigure = @"收益率?[^，。；0-9]{0,4}[-−]\s?[0-9]";

    [GeneratedRegex(
        @"(?:浮亏|亏了|亏损了?|亏掉了?|跌了|跌去|跌掉|被套了?|套牢了?|回撤了|缩水了?)\s*(?:[0-9]|[一二两三四五六七八九十百千万几半])|(?<![0-9a-z%.)）])[-−]\s?[0-9]+(?:\.[0-9]+)?\s?%|(?<![只仅才少])跌\s?[0-9]+(?:\.[0-9]+)?\s?%|\b(?:down|lost|losing)\s+(?:about\s+|nearly\s+|over\s+|almost\s+)?[$£€]?[0-9]|\b(?:fell|fallen|dropped|declined|plunged|slumped|sank)\s+(?:sharply|heavily|steeply|hard|[0-9])|(?:都|均|全部|全都|仍然|依然|仍)(?:是|处于|出现|录得)?(?:亏损|浮亏)|亏损(?:收窄|扩大|幅度)|(?<!(?:没|不|无|未|从未)[^，。；]{0,8})(?:" + NegativeReturnWords + ")|" + NegativeReturnFigure,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Loss();

    private static readonly string[] GainOrPromise =
    [
        "赚", "回本", "收益", "涨", "翻倍", "翻番", "盈利", "保本", "稳", "吃肉", "只跌", "仅跌", "才跌", "少跌", "转正", "回正", "翻红", "profit", "gain", "earn", "made ", "grew", "guarantee", "double", "back up",
    ];

    // A negative return (收益率大概-5%, 负收益) names 收益 without gaining: not the gain that keeps a sentence a claim.
    [GeneratedRegex(NegativeReturnWords + "|" + NegativeReturnFigure, RegexOptions.CultureInvariant)]
    private static partial Regex NegativeReturn();

    // A figure marked as a gain (从-25%做到+32%): the loss it follows is where a gain story starts.
    [GeneratedRegex(@"(?<![0-9a-z])\+\s?[0-9]+(?:\.[0-9]+)?\s?%", RegexOptions.CultureInvariant)]
    private static partial Regex GainFigure();

    /// <summary>Whether <paramref name="folded"/> (a sentence as <c>TextFold</c> folds it) reports a loss and no gain or promise.</summary>
    public static bool Reports(string folded)
    {
        if (!Loss().IsMatch(folded) || GainFigure().IsMatch(folded))
        {
            return false;
        }

        string rest = NegativeReturn().Replace(folded, string.Empty);
        foreach (string word in GainOrPromise)
        {
            if (StartsAWord(rest, word))
            {
                return false;
            }
        }

        return true;
    }

    // An English gain word counts at the start of a word only: "may happen again" gains nothing.
    private static bool StartsAWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsAsciiLetter(word[0]) || at == 0 || !char.IsAsciiLetter(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
