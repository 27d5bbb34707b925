namespace ComplianceCheck.Core.Documents;

/// <summary>
/// Plain text (scripts, SMS, posters): a block is a run of non-blank lines, or a single line where the draft is a batch of
/// messages (<see cref="MessageBatch"/>).
/// </summary>
internal static class PlainTextLoader
{
    public static SourceDocument Load(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var blocks = new List<TextBlock>();
        var suppressions = new List<Suppression>();
        var builder = new BlockBuilder();
        var lines = new LineIndex(text);
        bool batch = MessageBatch.IsBatch(text);
        int pos = 0;
        int lineNo = 0;
        while (pos <= text.Length)
        {
            lineNo++;
            int end = text.IndexOfAny(['\n', '\r'], pos);
            int lineEnd = end < 0 ? text.Length : end;
            int next = end < 0 ? text.Length + 1 : (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1);
            var line = text.AsSpan(pos, lineEnd - pos);
            var trimmed = line.TrimStart();

            if (IsDirectiveLine(trimmed))
            {
                var s = SuppressionParser.Parse(trimmed.ToString(), lineNo, SuppressionParser.NextTextLine(lines, lineNo));
                if (s != null)
                {
                    suppressions.Add(s);
                }
            }
            else if (line.IsWhiteSpace())
            {
                AddBlock(blocks, builder);
            }
            else
            {
                builder.AppendVerbatim(text, pos, lineEnd - pos);
                builder.AppendMapped('\n', lineEnd, lineEnd);
                if (batch)
                {
                    AddBlock(blocks, builder);
                }
            }

            pos = next;
        }

        AddBlock(blocks, builder);
        return new SourceDocument(path, DocumentFormat.Text, text, blocks, metadata ?? new Dictionary<string, string>(), suppressions, [])
        {
            IsMessageBatch = batch,
        };
    }

    private static bool IsDirectiveLine(ReadOnlySpan<char> trimmed) =>
        (trimmed.StartsWith("#") || trimmed.StartsWith("//")) && trimmed.Contains("compliance-ignore", StringComparison.Ordinal);

    private static void AddBlock(List<TextBlock> blocks, BlockBuilder builder)
    {
        var block = builder.Build(BlockKind.Text, -1);
        if (block != null)
        {
            blocks.Add(block);
        }
    }
}
