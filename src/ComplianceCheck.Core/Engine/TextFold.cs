using System.Text;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// A one-to-one character fold (full-width → half-width, ideographic and no-break space → space, lower case,
/// traditional Chinese → simplified, Cantonese particles → Mandarin), so a folded text has the same length as the original and every offset stays valid.
/// </summary>
public static class TextFold
{
    // Declared before Table: static fields are initialised in order, and BuildTable reads this one.
    private static readonly (char Cantonese, char Mandarin)[] CantoneseParticles =
        [('咗', '了'), ('冇', '没'), ('唔', '不'), ('嘅', '的'), ('喺', '在'), ('哋', '们'), ('嚟', '来'), ('睇', '看'), ('佢', '他')];

    private static readonly char[] Table = BuildTable();

    // Characters a regex reads as syntax (the hyphen for ranges inside a class, # and space under IgnorePatternWhitespace).
    private const string RegexMeta = "\\^$.|?*+()[]{}-# ";

    /// <summary>
    /// Folds a rule's regex the way the text it runs on is folded, without touching its syntax: traditional Chinese
    /// becomes simplified (a rule written with 優惠 still matches the folded 优惠), and full-width punctuation becomes its
    /// half-width form, escaped where that form means something to a regex (（ is a literal, ( is a group). Without this a
    /// class such as [^。！？；，] never saw a comma: the text's ， is folded to , before matching.
    /// </summary>
    public static string FoldPattern(string pattern)
    {
        var folded = new StringBuilder(pattern.Length + 8);
        foreach (char c in pattern)
        {
            if (c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF'))
            {
                folded.Append(Table[c]);
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                char half = Table[c];
                if (RegexMeta.Contains(half))
                {
                    folded.Append('\\');
                }

                folded.Append(half);
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    public static char Fold(char c) => Table[c];

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) => Fold(source, span));

    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var table = Table;
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c is '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u200B')
            {
                c = ' ';
            }
            else if (char.IsSurrogate(c))
            {
                table[i] = c;
                continue;
            }

            table[i] = char.ToLowerInvariant(c);
        }

        for (int i = 0; i < TraditionalChinese.Traditional.Length; i++)
        {
            table[TraditionalChinese.Traditional[i]] = TraditionalChinese.Simplified[i];
        }

        // Cantonese particles that have one Mandarin counterpart each, so 買咗…賺咗 reads as 买了…赚了 and 冇風險 as 没风险 to the
        // rules, the negation cues and the model alike. Not 係 (also the traditional form of 系) nor 揾 (赚 in 揾钱, 找 in 揾工).
        foreach (var (cantonese, mandarin) in CantoneseParticles)
        {
            table[cantonese] = mandarin;
        }

        return table;
    }
}
