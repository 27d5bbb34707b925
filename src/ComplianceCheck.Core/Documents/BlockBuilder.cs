using System.Text;

namespace ComplianceCheck.Core.Documents;

/// <summary>Accumulates a block's text together with the source offset of every character.</summary>
internal sealed class BlockBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];
    private readonly List<int> _ends = [];
    private int _lastEnd = -1;

    public int Length => _text.Length;

    public bool HasVisibleText
    {
        get
        {
            for (int i = 0; i < _text.Length; i++)
            {
                if (!char.IsWhiteSpace(_text[i]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Appends text that stands verbatim in the source from <paramref name="sourceStart"/>.</summary>
    public void AppendVerbatim(string source, int sourceStart, int length)
    {
        _text.Append(source, sourceStart, length);
        for (int i = 0; i < length; i++)
        {
            _offsets.Add(sourceStart + i);
            _ends.Add(sourceStart + i + 1);
        }

        _lastEnd = sourceStart + length;
    }

    /// <summary>Appends one character produced by the source span [start, end) (an entity, a break).</summary>
    public void AppendMapped(char c, int sourceStart, int sourceEnd)
    {
        _text.Append(c);
        _offsets.Add(sourceStart);
        _ends.Add(Math.Max(sourceEnd, sourceStart));
        _lastEnd = Math.Max(sourceEnd, sourceStart);
    }

    /// <summary>Appends text whose characters map individually (an aligned HTML text node).</summary>
    public void AppendAligned(string text, int[] offsets, int end)
    {
        _text.Append(text);
        _offsets.AddRange(offsets);

        // A character ends where the next one starts (an entity spans several source characters), the last at the node's end.
        for (int i = 0; i < offsets.Length; i++)
        {
            int next = i + 1 < offsets.Length ? offsets[i + 1] : end;
            _ends.Add(next > offsets[i] ? next : offsets[i] + (i + 1 < offsets.Length ? 0 : 1));
        }

        _lastEnd = end;
    }

    public TextBlock? Build(BlockKind kind, int containerId)
    {
        if (!HasVisibleText)
        {
            Clear();
            return null;
        }

        var offsets = new int[_offsets.Count + 1];
        _offsets.CopyTo(offsets);
        offsets[^1] = _lastEnd >= 0 ? _lastEnd : (_offsets.Count > 0 ? _offsets[^1] + 1 : 0);
        var block = new TextBlock(_text.ToString(), offsets, [.. _ends], kind, containerId);
        Clear();
        return block;
    }

    public void Clear()
    {
        _text.Clear();
        _offsets.Clear();
        _ends.Clear();
        _lastEnd = -1;
    }
}
