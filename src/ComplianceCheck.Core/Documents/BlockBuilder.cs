using System.Text;

namespace ComplianceCheck.Core.Documents;

/// <summary>
/// Accumulates a block's text together with where every character came from, as runs of characters that stand one after
/// another in the source (<see cref="SourceRuns"/>): a paragraph of plain text is one run, whatever its length.
/// </summary>
internal sealed class BlockBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _runText = [];
    private readonly List<int> _runSource = [];
    private readonly List<int> _runEnd = [];
    private int _lastStart = -1;
    private int _lastEnd = -1;

    public int Length => _text.Length;

    public bool HasVisibleText
    {
        get
        {
            foreach (var chunk in _text.GetChunks())
            {
                foreach (char c in chunk.Span)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>Appends text that stands verbatim in the source from <paramref name="sourceStart"/>.</summary>
    public void AppendVerbatim(string source, int sourceStart, int length)
    {
        if (length <= 0)
        {
            return;
        }

        AddChar(_text.Length, sourceStart, sourceStart + 1);
        _text.Append(source, sourceStart, length);
        _lastStart = sourceStart + length - 1;
        _lastEnd = sourceStart + length;
        _runEnd[^1] = _lastEnd;
    }

    /// <summary>Appends one character produced by the source span [start, end) (an entity, a break).</summary>
    public void AppendMapped(char c, int sourceStart, int sourceEnd)
    {
        AddChar(_text.Length, sourceStart, Math.Max(sourceEnd, sourceStart));
        _text.Append(c);
    }

    /// <summary>
    /// Appends text whose characters map individually (an aligned HTML text node). With <paramref name="breaksAsSpaces"/>, each
    /// line break or tab is appended as the space a browser renders for it, one character for one.
    /// </summary>
    public void AppendAligned(string text, ReadOnlySpan<int> offsets, int end, bool breaksAsSpaces = false)
    {
        // A character ends where the next one starts (an entity spans several source characters), the last at the node's end.
        for (int i = 0; i < offsets.Length; i++)
        {
            int next = i + 1 < offsets.Length ? offsets[i + 1] : end;
            AddChar(_text.Length + i, offsets[i], next > offsets[i] ? next : offsets[i] + (i + 1 < offsets.Length ? 0 : 1));
        }

        int from = _text.Length;
        _text.Append(text);
        if (breaksAsSpaces)
        {
            for (int at = text.AsSpan().IndexOfAny('\r', '\n', '\t'); at >= 0; at = NextBreak(text, at))
            {
                _text[from + at] = ' ';
            }
        }

        _lastEnd = end;
    }

    private static int NextBreak(string text, int at)
    {
        int next = text.AsSpan(at + 1).IndexOfAny('\r', '\n', '\t');
        return next < 0 ? -1 : at + 1 + next;
    }

    /// <summary>Records the source span of the next character, extending the current run when it follows on.</summary>
    private void AddChar(int textIndex, int start, int end)
    {
        bool follows = _runText.Count > 0 && start == _lastStart + 1 && _runEnd[^1] == start;
        if (follows)
        {
            _runEnd[^1] = end;
        }
        else
        {
            _runText.Add(textIndex);
            _runSource.Add(start);
            _runEnd.Add(end);
        }

        _lastStart = start;
        _lastEnd = end;
    }

    public TextBlock? Build(BlockKind kind, int containerId)
    {
        if (!HasVisibleText)
        {
            Clear();
            return null;
        }

        var runs = new SourceRuns([.. _runText], [.. _runSource], [.. _runEnd], _lastEnd >= 0 ? _lastEnd : _lastStart + 1);
        var block = new TextBlock(_text.ToString(), runs, kind, containerId);
        Clear();
        return block;
    }

    public void Clear()
    {
        _text.Clear();
        _runText.Clear();
        _runSource.Clear();
        _runEnd.Clear();
        _lastStart = -1;
        _lastEnd = -1;
    }
}
