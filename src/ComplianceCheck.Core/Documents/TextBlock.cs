namespace ComplianceCheck.Core.Documents;

/// <summary>Where a block of scannable text came from in the draft's structure.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableCell,
    AltText,
    Title,
    Text,
}

/// <summary>
/// One unit of scannable text (a paragraph, a table cell, an alt text…) with, for every character,
/// its offset in the original file, so findings point at the exact line and column the writer sees.
/// </summary>
public sealed class TextBlock
{
    private readonly SourceRuns _runs;

    internal TextBlock(string text, SourceRuns runs, BlockKind kind, int containerId)
    {
        if (runs.Count == 0 && text.Length > 0)
        {
            throw new ArgumentException("A block needs the source of its characters.", nameof(runs));
        }

        Text = text;
        _runs = runs;
        Kind = kind;
        ContainerId = containerId;
    }

    public string Text { get; }

    public BlockKind Kind { get; }

    /// <summary>Blocks sharing a container (the cells of one table) count as "beside" each other; -1 when alone.</summary>
    public int ContainerId { get; }

    public int Index { get; internal set; }

    /// <summary>Source offset of the character at <paramref name="index"/>; at the text's length, the end of the block.</summary>
    public int SourceStart(int index) => index >= Text.Length ? _runs.BlockEnd : _runs.StartOf(index);

    /// <summary>
    /// Source offset just past the span ending before <paramref name="exclusiveIndex"/>: past the last character's own
    /// source (one character, or a whole entity such as &amp;nbsp;), never past markup that follows it (the ** of bold).
    /// </summary>
    public int SourceEnd(int exclusiveIndex) => exclusiveIndex <= 0 ? SourceStart(0) : _runs.EndOf(exclusiveIndex - 1, Text.Length);
}

/// <summary>
/// Where a block's characters stand in the source, as runs: run r starts at text index <c>Text[r]</c> and source offset
/// <c>Source[r]</c>, its characters follow one another in the source, and its last character ends at <c>End[r]</c> (an entity
/// decoded to one character ends past its semicolon). Per-character arrays cost 8 bytes a character; most blocks are one run.
/// </summary>
internal sealed class SourceRuns(int[] text, int[] source, int[] end, int blockEnd)
{
    public int Count => text.Length;

    public int BlockEnd { get; } = blockEnd;

    public int StartOf(int index)
    {
        int r = RunOf(index);
        return source[r] + index - text[r];
    }

    public int EndOf(int index, int textLength)
    {
        int r = RunOf(index);
        int runLast = (r + 1 < text.Length ? text[r + 1] : textLength) - 1;
        return index >= runLast ? end[r] : source[r] + index - text[r] + 1;
    }

    private int RunOf(int index)
    {
        int r = Array.BinarySearch(text, index);
        return r >= 0 ? r : Math.Max(0, ~r - 1);
    }
}
