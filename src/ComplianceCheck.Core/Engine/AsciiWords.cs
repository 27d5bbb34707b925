namespace ComplianceCheck.Core.Engine;

/// <summary>The runs of ASCII letters in a text (English words inside mixed Chinese and English), as start and length.</summary>
public ref struct AsciiWords(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _next;

    public (int Start, int Length) Current { get; private set; }

    public readonly AsciiWords GetEnumerator() => this;

    public bool MoveNext()
    {
        int i = _next;
        while (i < _text.Length && !char.IsAsciiLetter(_text[i]))
        {
            i++;
        }

        if (i == _text.Length)
        {
            _next = i;
            return false;
        }

        int start = i;
        while (i < _text.Length && char.IsAsciiLetter(_text[i]))
        {
            i++;
        }

        _next = i;
        Current = (start, i - start);
        return true;
    }
}
