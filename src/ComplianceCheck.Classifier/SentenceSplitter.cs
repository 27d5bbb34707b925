using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Splits a block of text into sentences at 。！？!?；; line breaks and … (and at an English full stop before white space),
/// the boundaries the rule engine uses; closing quotes and brackets stay with the sentence they close.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/> as [Start, End) spans, trimmed of white space; empty ones are left out.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text, bool atSemicolons = true)
    {
        var spans = new List<(int, int)>();
        Split(text, atSemicolons, spans);
        return spans;
    }

    /// <summary><see cref="Split(string, bool)"/> into a list the caller reuses (cleared first).</summary>
    public static void Split(string text, bool atSemicolons, List<(int Start, int End)> spans)
    {
        spans.Clear();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!IsSentenceEnd(text, i) || (!atSemicolons && text[i] is ';' or '；'))
            {
                continue;
            }

            int end = i + 1;
            while (end < text.Length && end - i <= 2 && IsEndRun(text[end]))
            {
                end++;
            }

            Add(spans, text, start, end);
            start = end;
            i = end - 1;
        }

        Add(spans, text, start, text.Length);
    }

    /// <summary>
    /// The units the model judges: whole sentences (a semicolon does not end one: the corpus has such sentences whole), with a fragment too short to judge alone ("Guaranteed." "手慢无！") joined to the
    /// sentence after it on the same line (or, at the end of the block, to the one before), so the model sees it in its context.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> Units(string text)
    {
        var units = new List<(int Start, int End)>();
        Units(text, units, []);
        return units;
    }

    /// <summary><see cref="Units(string)"/> into lists the caller reuses from block to block (both cleared first).</summary>
    public static void Units(string text, List<(int Start, int End)> units, List<(int Start, int End)> sentences)
    {
        Split(text, atSemicolons: false, sentences);
        units.Clear();
        int pending = -1, pendingEnd = -1;
        foreach (var (start, end) in sentences)
        {
            // A fragment on a line of its own (a heading, a script cue such as [镜头4], an SMS's 回T退订) is no part of the next
            // line's sentence: joined to it, the finding would start on the wrong line and the model would read two texts as one.
            if (pending >= 0 && text.AsSpan(pendingEnd, start - pendingEnd).Contains('\n'))
            {
                pending = -1;
            }

            int from = pending >= 0 ? pending : start;
            if (IsLongEnoughForFinding(text.AsSpan(from, end - from)))
            {
                units.Add((from, end));
                pending = -1;
            }
            else
            {
                pending = from;
                pendingEnd = end;
            }
        }

        if (pending >= 0)
        {
            // A closing fragment joins the sentence before it on its line ("Double your deposit. Guaranteed."); an opt-out
            // (回T退订, "Reply STOP to opt out") is no part of the message, and one on a line of its own ("Apply now") is left
            // unjudged, as it would be before a sentence.
            int end = sentences[^1].End;
            if (units.Count == 0)
            {
                units.Add((pending, end));
            }
            else if (!text.AsSpan(units[^1].End, pending - units[^1].End).Contains('\n') && !MessageBatch.IsOptOut(text.AsSpan(pending, end - pending)))
            {
                units[^1] = (units[^1].Start, end);
            }
        }
    }

    private static void Add(List<(int Start, int End)> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add((start, end));
        }
    }

    private static bool IsEndRun(char c) => c is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'' or '…' or '！' or '？' or '!' or '?' or '。';

    private static bool IsSentenceEnd(string text, int i) => text[i] switch
    {
        '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '…' => true,
        '.' or '\uFF0E' => IsEnglishStop(text, i),
        _ => false,
    };

    // A full stop ends a sentence only before white space or the end, never inside 3.5% or example.com, nor after an abbreviation (No. 1, J.D.).
    private static bool IsEnglishStop(string text, int i) => (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !Abbreviation.EndsAt(text, i);

    /// <summary>
    /// Whether a sentence is long enough for the model to add a finding on its own: at least 5 Chinese characters or 3 words.
    /// Shorter fragments (headings such as "稳健理财", buttons such as "Apply now") are too terse to judge reliably.
    /// </summary>
    public static bool IsLongEnoughForFinding(ReadOnlySpan<char> sentence)
    {
        var (ideographs, words) = Measure(sentence);
        return ideographs >= 5 || words >= 3 || ideographs + words >= 5;
    }

    /// <summary>A span's Chinese characters, and its words: runs of at least two letters or digits, so initials ("N.A.") are none.</summary>
    public static (int Ideographs, int Words) Measure(ReadOnlySpan<char> sentence)
    {
        int ideographs = 0, words = 0, run = 0;
        foreach (char c in sentence)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                ideographs++;
                run = 0;
            }
            else if (char.IsLetterOrDigit(c) || (run > 0 && c is '\'' or '’' or '-'))
            {
                words += ++run == 2 ? 1 : 0;
            }
            else
            {
                run = 0;
            }
        }

        return (ideographs, words);
    }

    /// <summary>Whether a span holds enough letters or ideographs to be judged (a lone emoji or "1." is not).</summary>
    public static bool IsJudgeable(ReadOnlySpan<char> sentence)
    {
        int letters = 0;
        foreach (char c in sentence)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 2;
    }
}
