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
    private readonly int[] _sourceEnds;

    public TextBlock(string text, int[] sourceOffsets, int[] sourceEnds, BlockKind kind, int containerId)
    {
        if (sourceOffsets.Length != text.Length + 1 || sourceEnds.Length != text.Length)
        {
            throw new ArgumentException("A block needs a source start and end per character, plus the block's end.", nameof(sourceOffsets));
        }

        Text = text;
        SourceOffsets = sourceOffsets;
        _sourceEnds = sourceEnds;
        Kind = kind;
        ContainerId = containerId;
    }

    public string Text { get; }

    /// <summary>Offset in the original text of each character; the last entry is the end of the block.</summary>
    public int[] SourceOffsets { get; }

    public BlockKind Kind { get; }

    /// <summary>Blocks sharing a container (the cells of one table) count as "beside" each other; -1 when alone.</summary>
    public int ContainerId { get; }

    public int Index { get; internal set; }

    /// <summary>Source offset of the character at <paramref name="index"/>, or of the end of the previous character.</summary>
    public int SourceStart(int index) => SourceOffsets[index];

    /// <summary>
    /// Source offset just past the span ending before <paramref name="exclusiveIndex"/>: past the last character's own
    /// source (one character, or a whole entity such as &amp;nbsp;), never past markup that follows it (the ** of bold).
    /// </summary>
    public int SourceEnd(int exclusiveIndex) => exclusiveIndex <= 0 ? SourceOffsets[0] : _sourceEnds[exclusiveIndex - 1];
}
