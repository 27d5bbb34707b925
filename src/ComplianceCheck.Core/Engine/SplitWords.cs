using System.Buffers;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Chinese words split by fillers to slip past keyword filters (稳*赚, 保-本, 零 风 险, 稳💰赚, a zero-width space inside
/// 保本): the block's folded text with every filler run between two ideographs taken out, and where each remaining
/// character came from, so that a phrase found in the joined text points at the original span.
/// </summary>
internal static class SplitWords
{
    private const int MaxFillerRun = 3;

    /// <summary>The joined text and, for each of its characters, its index in <paramref name="folded"/>; null when nothing is split.</summary>
    public static (string Joined, int[] Origin)? Join(string folded)
    {
        if (!HasSplit(folded))
        {
            return null;
        }

        var joined = new char[folded.Length];
        var origin = new int[folded.Length];
        int n = 0;
        for (int i = 0; i < folded.Length;)
        {
            if (IsFiller(folded[i]))
            {
                int end = RunEnd(folded, i);
                if (!Splits(folded, i, end))
                {
                    for (int k = i; k < end; k++)
                    {
                        joined[n] = folded[k];
                        origin[n++] = k;
                    }
                }

                i = end;
                continue;
            }

            joined[n] = folded[i];
            origin[n++] = i;
            i++;
        }

        return (new string(joined, 0, n), origin[..n]);
    }

    // Every filler character, for a vectorised search: most blocks have none between ideographs, and only the places a
    // filler occurs are looked at. Each run of fillers is looked at once, so a 50 MB line of dashes costs one pass.
    private static readonly SearchValues<char> Fillers = SearchValues.Create(AllFillers());

    private static bool HasSplit(string folded)
    {
        var span = folded.AsSpan();
        for (int i = span.IndexOfAny(Fillers); i >= 0;)
        {
            int end = RunEnd(folded, i);
            if (Splits(folded, i, end))
            {
                return true;
            }

            int next = end < span.Length ? span[end..].IndexOfAny(Fillers) : -1;
            i = next < 0 ? -1 : end + next;
        }

        return false;
    }

    private static int RunEnd(string text, int start)
    {
        int end = start;
        while (end < text.Length && IsFiller(text[end]))
        {
            end++;
        }

        return end;
    }

    // Whether the filler run text[start..end) is at most MaxFillerRun long with an ideograph on each side.
    private static bool Splits(string text, int start, int end) =>
        end - start <= MaxFillerRun && start > 0 && end < text.Length && IsIdeograph(text[start - 1]) && IsIdeograph(text[end]);

    // A plain loop: LINQ over 65,536 chars cost a one-draft check ~3 ms, mostly compiling its char instantiations.
    private static string AllFillers()
    {
        var fillers = new System.Text.StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (IsFiller((char)c))
            {
                fillers.Append((char)c);
            }
        }

        return fillers.ToString();
    }

    private static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    private static bool IsFiller(char c)
    {
        return c is ' ' or '*' or '-' or '_' or '~' or '·' or '•' or '・' or '|' or '/' or '\\' or '.'
            or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD'
            or (>= '\u2600' and <= '\u27BF') or '\uFE0F'
            || char.IsSurrogate(c);
    }
}
