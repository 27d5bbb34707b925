namespace ComplianceCheck.Core.Engine;

/// <summary>
/// A one-to-one character fold (full-width → half-width, ideographic and no-break space → space, lower case,
/// traditional Chinese → simplified), so a folded text has the same length as the original and every offset stays valid.
/// </summary>
public static class TextFold
{
    private static readonly char[] Table = BuildTable();

    /// <summary>
    /// Folds only the traditional Chinese characters of a rule's regex: the rest of a pattern is syntax (\B is not \b), and
    /// a rule written with 優惠 must still match the folded 优惠. Full-width punctuation stays: （ in a pattern is a literal, ( is a group.
    /// </summary>
    public static string FoldHan(string pattern) => string.Create(pattern.Length, pattern, static (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            span[i] = c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') ? Table[c] : c;
        }
    });

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

        foreach (var (traditional, simplified) in TraditionalToSimplified())
        {
            table[traditional] = simplified;
        }

        return table;
    }

    private static IEnumerable<(char Traditional, char Simplified)> TraditionalToSimplified()
    {
        using var stream = typeof(TextFold).Assembly.GetManifestResourceStream("TraditionalChinese.txt")
            ?? throw new InvalidOperationException("TraditionalChinese.txt is not embedded in ComplianceCheck.Core");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && line[0] != '#')
            {
                yield return (line[0], line[1]);
            }
        }
    }
}
