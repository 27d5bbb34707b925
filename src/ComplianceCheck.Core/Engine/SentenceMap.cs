using System.Buffers;

namespace ComplianceCheck.Core.Engine;

/// <summary>Sentence and clause boundaries of one block of folded text.</summary>
internal sealed class SentenceMap
{
    private readonly List<int> _starts;
    private readonly int _length;

    // Every character IsSentenceEnd can say yes to; the scan jumps between them with a vectorised search.
    private static readonly SearchValues<char> EndCandidates = SearchValues.Create("。！？!?；;\n….");

    public SentenceMap(string folded)
    {
        _length = folded.Length;
        _starts = new List<int>(Math.Max(4, folded.Length / 24)) { 0 };
        var span = folded.AsSpan();
        int i = span.IndexOfAny(EndCandidates);
        while (i >= 0)
        {
            if (IsSentenceEnd(folded, i))
            {
                _starts.Add(i + 1);
            }

            int next = span[(i + 1)..].IndexOfAny(EndCandidates);
            i = next < 0 ? -1 : i + 1 + next;
        }
    }

    public int Count => _starts.Count;

    public (int Start, int End) SentenceAt(int position)
    {
        int index = IndexAt(position);
        return (_starts[index], index + 1 < _starts.Count ? _starts[index + 1] : _length);
    }

    public int IndexAt(int position)
    {
        int i = _starts.BinarySearch(position);
        return i >= 0 ? i : ~i - 1;
    }

    public (int Start, int End) Sentence(int index) => (_starts[index], index + 1 < _starts.Count ? _starts[index + 1] : _length);

    public static bool IsSentenceEnd(string text, int i)
    {
        char c = text[i];
        return c switch
        {
            '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '…' => true,
            // An English full stop ends a sentence only before white space or the end (never inside 3.5%), and not after an abbreviation (No. 1, J.D.).
            '.' => (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !Abbreviation.EndsAt(text, i),
            _ => false,
        };
    }

    public static bool IsClauseBreak(char c) => c is '，' or ',' or '、' or '：' or ':' or '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '…';
}
