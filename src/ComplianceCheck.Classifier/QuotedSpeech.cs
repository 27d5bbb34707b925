namespace ComplianceCheck.Classifier;

/// <summary>
/// Whether a sentence is someone's words in quotation marks: wholly inside a quotation on its line, once a short speaker label
/// (陌生男子：, Caller:) is passed. In a draft that warns against claims, such a sentence is a claim the draft names, not one it
/// makes.
/// </summary>
internal static class QuotedSpeech
{
    private const int MaxLabelLength = 12;

    public static bool IsQuoted(string text, int start, int end)
    {
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int depth = 0;
        bool straight = false;
        for (int i = lineStart; i < start; i++)
        {
            Track(text[i], ref depth, ref straight);
        }

        int from = start;
        if (depth <= 0)
        {
            from = AfterLabel(text, start, end);
            if (from >= end || !IsOpening(text[from]))
            {
                return false;
            }
        }

        for (int i = from; i < end; i++)
        {
            Track(text[i], ref depth, ref straight);
            if (depth == 0)
            {
                // Closed: only punctuation may follow (”。 or ”！), or the sentence goes on outside the quotation.
                return text.AsSpan(i + 1, end - i - 1).Trim().TrimStart("。！？!?.…；;，,”」』\"".AsSpan()).IsEmpty;
            }
        }

        return true;
    }

    private static bool IsOpening(char c) => c is '“' or '「' or '『' or '"';

    private static void Track(char c, ref int depth, ref bool straight)
    {
        switch (c)
        {
            case '“' or '「' or '『':
                depth++;
                break;
            case '”' or '」' or '』':
                depth = Math.Max(0, depth - 1);
                break;
            case '"':
                depth += straight ? -1 : 1;
                straight = !straight;
                break;
        }
    }

    /// <summary>Where the words start after a speaker label (a few characters and a colon) opening the sentence.</summary>
    private static int AfterLabel(string text, int start, int end)
    {
        int from = start;
        while (from < end && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        int limit = Math.Min(end, from + MaxLabelLength + 1);
        for (int i = from; i < limit; i++)
        {
            char c = text[i];
            if (c is '：' or ':')
            {
                int words = i + 1;
                while (words < end && char.IsWhiteSpace(text[words]))
                {
                    words++;
                }

                return words;
            }

            if (IsOpening(c) || c is '，' or ',' or '。' or '！' or '？' or '!' or '?')
            {
                break;
            }
        }

        return from;
    }
}
