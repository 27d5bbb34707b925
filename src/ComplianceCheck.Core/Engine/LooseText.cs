namespace ComplianceCheck.Core.Engine;

/// <summary>
/// The tolerant form required statements are matched in: folded, with white space, punctuation and symbols removed
/// and common variant characters unified (须/需), so "投资需谨慎" satisfies "投资 须 谨慎。".
/// </summary>
public static class LooseText
{
    private const char Unknown = '\uFFFF';

    // Each character's image ('\0' when dropped), filled as characters are first met: a table of all 65,536 built up
    // front cost a one-draft check 4-13 ms. Racing writers store the same value.
    private static readonly char[] Images = CreateImages();

    public static string Of(string text)
    {
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        int n = 0;
        foreach (char raw in text)
        {
            char image = Image(raw);
            if (image != '\0')
            {
                buffer[n++] = image;
            }
        }

        string result = new(buffer, 0, n);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return result;
    }

    /// <summary>The loose form of a text, and the offset in the text of each of its characters.</summary>
    public static string Of(string text, List<int> offsets)
    {
        offsets.Clear();
        var loose = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char image = Image(text[i]);
            if (image != '\0')
            {
                loose.Append(image);
                offsets.Add(i);
            }
        }

        return loose.ToString();
    }

    private static char Image(char raw)
    {
        char image = Images[raw];
        if (image == Unknown)
        {
            image = ImageOf(raw);
            Images[raw] = image;
        }

        return image;
    }

    private static char[] CreateImages()
    {
        var images = new char[char.MaxValue + 1];
        Array.Fill(images, Unknown);
        return images;
    }

    private static char ImageOf(char raw)
    {
        char c = TextFold.Fold(raw);
        if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSeparator(c) || char.IsControl(c))
        {
            return '\0';
        }

        return c switch
        {
            '需' => '须',
            '並' => '并',
            '險' => '险',
            '資' => '资',
            '謹' => '谨',
            '慎' => '慎',
            _ => c,
        };
    }
}
