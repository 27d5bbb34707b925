namespace ComplianceCheck.Core.Engine;

/// <summary>Sentence and clause boundaries of one block of folded text.</summary>
internal sealed class SentenceMap
{
    private readonly List<int> _starts = [0];
    private readonly int _length;

    public SentenceMap(string folded)
    {
        _length = folded.Length;
        for (int i = 0; i < folded.Length; i++)
        {
            if (IsSentenceEnd(folded, i))
            {
                _starts.Add(i + 1);
            }
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
            // An English full stop ends a sentence only before white space or the end (never inside 3.5%).
            '.' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]),
            _ => false,
        };
    }

    public static bool IsClauseBreak(char c) => c is '，' or ',' or '、' or '：' or ':' or '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '…';
}
