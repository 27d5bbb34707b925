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
    public TextBlock(string text, int[] sourceOffsets, BlockKind kind, int containerId)
    {
        if (sourceOffsets.Length != text.Length + 1)
        {
            throw new ArgumentException("A block needs one source offset per character plus one for its end.", nameof(sourceOffsets));
        }

        Text = text;
        SourceOffsets = sourceOffsets;
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

    /// <summary>Source offset just past the character at <paramref name="index"/> - 1 (end of a span ending before index).</summary>
    public int SourceEnd(int exclusiveIndex)
    {
        if (exclusiveIndex <= 0)
        {
            return SourceOffsets[0];
        }

        // The end of a span is one past its last character's start; a character decoded from an entity
        // maps to the entity's start, so take the next character's start when it is further on.
        int last = SourceOffsets[exclusiveIndex - 1];
        int next = SourceOffsets[exclusiveIndex];
        return next > last ? next : last + 1;
    }
}
