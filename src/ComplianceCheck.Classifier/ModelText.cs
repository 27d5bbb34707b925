using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>The normalisation every sentence gets before the model sees it, in training and in <c>check</c> alike.</summary>
public static class ModelText
{
    /// <summary>
    /// Full-width → half-width and lower case (the rule engine's fold), runs of white space → one space, every digit → 0
    /// (so "年化8%" and "年化6.5%" share their n-grams), and every emoji → one private-use character.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        int length = Normalize(text, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// <see cref="Normalize(ReadOnlySpan{char})"/> into <paramref name="destination"/>, which must hold
    /// <paramref name="text"/>'s length (the result is never longer); returns the length written.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        int length = 0;
        bool space = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = TextFold.Fold(text[i]);
            if (char.IsSurrogate(c))
            {
                // An emoji (or any character beyond the BMP) becomes one private-use character, so n-grams never split a
                // surrogate pair and the model file (UTF-8) can hold every n-gram.
                bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                c = pair ? (char)(0xE000 + ((char.ConvertToUtf32(c, text[++i]) - 0x10000) % 0x1900)) : '\uFFFD';
            }

            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                destination[length++] = ' ';
                space = false;
            }

            destination[length++] = char.IsAsciiDigit(c) ? '0' : c;
        }

        return length;
    }

    /// <summary>Whether the text holds a CJK ideograph (then it is judged as Chinese).</summary>
    public static bool HasIdeographs(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                return true;
            }
        }

        return false;
    }
}
