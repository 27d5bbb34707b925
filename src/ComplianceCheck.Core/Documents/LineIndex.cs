namespace ComplianceCheck.Core.Documents;

/// <summary>A 1-based line and column; the column counts Unicode characters, so a Chinese character or an emoji is one.</summary>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>Maps offsets in the original text to lines and columns.</summary>
public sealed class LineIndex
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    public LineIndex(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
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
        int column = 1;
        for (int i = start; i < offset; i++)
        {
            // A surrogate pair is one character for the writer.
            if (!(char.IsLowSurrogate(_text[i]) && i > start && char.IsHighSurrogate(_text[i - 1])))
            {
                column++;
            }
        }

        return new SourcePosition(line + 1, column);
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
