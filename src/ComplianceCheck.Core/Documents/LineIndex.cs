namespace ComplianceCheck.Core.Documents;

/// <summary>A 1-based line and column; the column counts Unicode characters, so a Chinese character or an emoji is one.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>Maps offsets in the original text to lines and columns.</summary>
public sealed class LineIndex
{
    private readonly string _text;
    private readonly int[] _lineStarts;
    private int[]?[]? _lowSurrogates;

    public LineIndex(string text)
    {
        _text = text;
        var span = text.AsSpan();

        // Sized by counting first (vectorised): a line index is built for every draft, and growing a list copied it twice over.
        var starts = new int[1 + span.Count('\n') + span.Count('\r')];
        int count = 1;
        int at = span.IndexOfAny('\n', '\r');
        while (at >= 0)
        {
            bool crlf = span[at] == '\r' && at + 1 < span.Length && span[at + 1] == '\n';
            int next = at + (crlf ? 2 : 1);
            starts[count++] = next;
            int found = span[next..].IndexOfAny('\n', '\r');
            at = found < 0 ? -1 : next + found;
        }

        _lineStarts = count == starts.Length ? starts : starts[..count];
    }

    public int LineCount => _lineStarts.Length;

    public SourcePosition PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int start = _lineStarts[line];

        // A surrogate pair is one character for the writer: subtract the pairs' second halves before the offset.
        int[] lows = LowSurrogatesOf(line);
        int pairs = 0;
        if (lows.Length > 0)
        {
            int i = Array.BinarySearch(lows, offset);
            pairs = i >= 0 ? i : ~i;
        }

        return new SourcePosition(line + 1, offset - start - pairs + 1);
    }

    /// <summary>
    /// Positions of low surrogates that complete a pair on a line, computed once per line: a 50 MB single line with
    /// thousands of findings must not be rescanned for each of them.
    /// </summary>
    private int[] LowSurrogatesOf(int line)
    {
        _lowSurrogates ??= new int[]?[_lineStarts.Length];
        if (_lowSurrogates[line] is { } cached)
        {
            return cached;
        }

        int start = _lineStarts[line];
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
        List<int>? found = null;
        int at = _text.AsSpan(start, end - start).IndexOfAnyInRange('\uDC00', '\uDFFF');
        while (at >= 0)
        {
            int abs = start + at;
            if (abs > start && char.IsHighSurrogate(_text[abs - 1]))
            {
                (found ??= []).Add(abs);
            }

            int next = _text.AsSpan(abs + 1, end - abs - 1).IndexOfAnyInRange('\uDC00', '\uDFFF');
            at = next < 0 ? -1 : abs + 1 - start + next;
        }

        int[] result = found?.ToArray() ?? [];
        _lowSurrogates[line] = result;
        return result;
    }

    public int LineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string LineText(int line)
    {
        int start = LineStart(line);
        int end = line < _lineStarts.Length ? _lineStarts[line] : _text.Length;
        while (end > start && (_text[end - 1] == '\n' || _text[end - 1] == '\r'))
        {
            end--;
        }

        return _text[start..end];
    }
}
