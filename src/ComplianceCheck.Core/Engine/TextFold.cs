namespace ComplianceCheck.Core.Engine;

/// <summary>
/// A one-to-one character fold (full-width → half-width, ideographic and no-break space → space, lower case), so a
/// folded text has the same length as the original and every offset stays valid.
/// </summary>
public static class TextFold
{
    private static readonly char[] Table = BuildTable();

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

        return table;
    }
}
