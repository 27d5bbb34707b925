namespace ComplianceCheck.Core.Documents;

/// <summary>An inline suppression comment: <c>compliance-ignore RULE-ID: reason</c>.</summary>
public sealed record Suppression(IReadOnlyList<string> RuleIds, string Reason, int Line, int AppliesToLine);

/// <summary>A draft as loaded: its original text, the blocks to scan, metadata it declares and suppressions.</summary>
public sealed class SourceDocument
{
    public SourceDocument(
        string path,
        DocumentFormat format,
        string text,
        IReadOnlyList<TextBlock> blocks,
        IReadOnlyDictionary<string, string> declaredMetadata,
        IReadOnlyList<Suppression> suppressions,
        IReadOnlyList<string> warnings)
    {
        Path = path;
        Format = format;
        Text = text;
        Blocks = blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            blocks[i].Index = i;
        }

        DeclaredMetadata = declaredMetadata;
        Suppressions = suppressions;
        Warnings = warnings;
        Lines = new LineIndex(text);
    }

    public string Path { get; }

    public DocumentFormat Format { get; }

    /// <summary>The decoded original text; every position refers to it.</summary>
    public string Text { get; }

    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>Keys the draft declares itself (front matter, &lt;meta name="compliance:…"&gt;): product, channel, lang, title.</summary>
    public IReadOnlyDictionary<string, string> DeclaredMetadata { get; }

    public IReadOnlyList<Suppression> Suppressions { get; }

    /// <summary>Problems that did not stop the scan (front matter that is not YAML, an unclosed tag…).</summary>
    public IReadOnlyList<string> Warnings { get; }

    public LineIndex Lines { get; }

    /// <summary>A batch of separate messages, one a block (an SMS or push batch): each is read on its own.</summary>
    public bool IsMessageBatch { get; init; }
}
