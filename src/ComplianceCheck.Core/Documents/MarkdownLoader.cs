using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ComplianceCheck.Core.Documents;

/// <summary>
/// Markdown via Markdig with precise source positions: paragraphs, headings, list items, table cells, quotes, link
/// text and image alt text are scanned; code and HTML comments are not (except suppression comments). HTML blocks are
/// handed to the HTML extractor with their offset, so WeChat HTML pasted into Markdown maps back too.
/// </summary>
internal static class MarkdownLoader
{
    private const int MaxInlineDepth = 128;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .Build();

    public static SourceDocument Load(string path, string text)
    {
        var context = new LoadContext(text);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Markdig gave up on this input; scanning it as plain text keeps every phrase reachable.
            var plain = PlainTextLoader.Load(path, text);
            return new SourceDocument(path, DocumentFormat.Markdown, text, [.. plain.Blocks], plain.DeclaredMetadata, plain.Suppressions,
                [$"the Markdown could not be parsed ({ex.Message}); it was scanned as plain text"]);
        }

        Walk(document, context);
        return new SourceDocument(path, DocumentFormat.Markdown, text, context.Blocks, context.Metadata, context.Suppressions, context.Warnings);
    }

    private sealed class LoadContext(string text)
    {
        public string Text { get; } = text;

        public LineIndex Lines { get; } = new(text);

        public List<TextBlock> Blocks { get; } = [];

        public List<Suppression> Suppressions { get; } = [];

        public Dictionary<string, string> Metadata { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Warnings { get; } = [];

        public int NextContainerId { get; set; }
    }

    private static void Walk(MarkdownDocument document, LoadContext context)
    {
        // An explicit stack: 10,000 nested lists or quotes must not overflow the call stack.
        var stack = new Stack<(Block Block, BlockKind Kind, int Container)>();
        for (int i = document.Count - 1; i >= 0; i--)
        {
            stack.Push((document[i], BlockKind.Paragraph, -1));
        }

        while (stack.Count > 0)
        {
            var (block, kind, container) = stack.Pop();
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    FrontMatter.Read(yaml.Lines.ToString(), context.Lines.PositionOf(yaml.Span.Start).Line + 1, context.Metadata, context.Warnings);
                    ReadTitle(yaml, context);
                    break;
                case HtmlBlock html:
                    ReadHtmlBlock(html, context);
                    break;
                case CodeBlock:
                    break;
                case LeafBlock leaf when leaf.Inline != null:
                    ReadLeaf(leaf, leaf is HeadingBlock ? BlockKind.Heading : kind, container, context);
                    break;
                case ContainerBlock children:
                    var childKind = children switch
                    {
                        ListItemBlock => BlockKind.ListItem,
                        QuoteBlock => BlockKind.Quote,
                        TableCell => BlockKind.TableCell,
                        _ => kind,
                    };
                    int childContainer = children is Table ? context.NextContainerId++ : container;
                    for (int i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push((children[i], childKind, childContainer));
                    }

                    break;
            }
        }
    }

    private static void ReadHtmlBlock(HtmlBlock html, LoadContext context)
    {
        int start = html.Span.Start;
        int end = Math.Min(html.Span.End + 1, context.Text.Length);
        if (start < 0 || end <= start)
        {
            return;
        }

        if (html.Type == HtmlBlockType.Comment)
        {
            AddSuppression(context, start, end);
            return;
        }

        context.NextContainerId = HtmlTextExtractor.Extract(context.Text, start, end, context.Lines, context.Blocks, context.Suppressions,
            context.Metadata, context.Warnings, context.NextContainerId);
    }

    private static void AddSuppression(LoadContext context, int start, int end)
    {
        string raw = context.Text[start..end];
        if (!SuppressionParser.LooksLikeDirective(raw))
        {
            return;
        }

        int line = context.Lines.PositionOf(start).Line;
        int applies = SuppressionParser.SharesLineWithText(context.Text, start, end) ? line : SuppressionParser.NextTextLine(context.Lines, line);
        var suppression = SuppressionParser.Parse(raw.Replace("<!--", string.Empty, StringComparison.Ordinal), line, applies);
        if (suppression != null)
        {
            context.Suppressions.Add(suppression);
        }
    }

    /// <summary>
    /// The front matter's title is published as the headline, so it is scanned like one: where its value stands verbatim on
    /// the title line (plain or quoted, one line), so findings point at the original text. Escaped or folded titles are left.
    /// </summary>
    private static void ReadTitle(YamlFrontMatterBlock yaml, LoadContext context)
    {
        if (!context.Metadata.TryGetValue("title", out string? title) || title.Length == 0)
        {
            return;
        }

        int end = Math.Min(yaml.Span.End + 1, context.Text.Length);
        for (int line = yaml.Span.Start; line < end;)
        {
            int lineEnd = context.Text.IndexOf('\n', line, end - line);
            lineEnd = lineEnd < 0 ? end : lineEnd;
            var text = context.Text.AsSpan(line, lineEnd - line);
            if (text.StartsWith("title", StringComparison.OrdinalIgnoreCase) && text[5..].TrimStart().StartsWith(':'))
            {
                int at = text.IndexOf(title, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var builder = new BlockBuilder();
                    builder.AppendVerbatim(context.Text, line + at, title.Length);
                    if (builder.Build(BlockKind.Title, -1) is { } block)
                    {
                        context.Blocks.Add(block);
                    }
                }

                return;
            }

            line = lineEnd + 1;
        }
    }

    private static void ReadLeaf(LeafBlock leaf, BlockKind kind, int container, LoadContext context)
    {
        var builder = new BlockBuilder();
        AppendInlines(leaf.Inline!, builder, context, 0);
        var block = builder.Build(kind, container);
        if (block != null)
        {
            context.Blocks.Add(block);
        }
    }

    private static void AppendInlines(ContainerInline container, BlockBuilder builder, LoadContext context, int depth)
    {
        if (depth > MaxInlineDepth)
        {
            return;
        }

        for (var inline = container.FirstChild; inline != null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AppendLiteral(literal, builder, context.Text);
                    break;
                case LineBreakInline lineBreak:
                    builder.AppendMapped('\n', lineBreak.Span.Start, lineBreak.Span.End + 1);
                    break;
                case HtmlEntityInline entity:
                    foreach (char c in entity.Transcoded.ToString())
                    {
                        builder.AppendMapped(c, entity.Span.Start, entity.Span.End + 1);
                    }

                    break;
                case HtmlInline html:
                    if (html.Tag.StartsWith("<!--", StringComparison.Ordinal))
                    {
                        AddSuppression(context, html.Span.Start, Math.Min(html.Span.End + 1, context.Text.Length));
                    }
                    else if (html.Tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase))
                    {
                        builder.AppendMapped('\n', html.Span.Start, html.Span.End + 1);
                    }

                    break;
                case CodeInline or AutolinkInline:
                    break;
                case ContainerInline children:
                    AppendInlines(children, builder, context, depth + 1);
                    break;
            }
        }
    }

    private static void AppendLiteral(LiteralInline literal, BlockBuilder builder, string source)
    {
        var content = literal.Content;
        if (content.Length == 0)
        {
            return;
        }

        if (ReferenceEquals(content.Text, source) && content.Start >= 0 && content.End < source.Length)
        {
            builder.AppendVerbatim(source, content.Start, content.Length);
            return;
        }

        // A literal Markdig copied (a trimmed table cell) still stands verbatim inside its span: find it there.
        int at = Math.Clamp(literal.Span.Start, 0, source.Length);
        int end = Math.Clamp(literal.Span.End + 1, at, source.Length);
        string value = content.ToString();
        int found = source.IndexOf(value, at, end - at, StringComparison.Ordinal);
        if (found >= 0)
        {
            builder.AppendVerbatim(source, found, value.Length);
            return;
        }

        // A literal Markdig rebuilt (an escape, a replaced character) maps to where its span starts.
        foreach (char c in value)
        {
            builder.AppendMapped(c, at, end);
        }
    }
}
