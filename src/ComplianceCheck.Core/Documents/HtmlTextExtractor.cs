using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ComplianceCheck.Core.Documents;

/// <summary>
/// Extracts the visible text of HTML (WeChat articles, web pages, HTML blocks inside Markdown) as blocks whose
/// characters map back to offsets in the original file. AngleSharp builds the DOM; a forward-moving cursor aligns
/// each text node with its raw form in the source (entities, CR/LF) so positions survive decoding.
/// </summary>
internal sealed class HtmlTextExtractor
{
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object", "canvas", "code", "pre",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    private static readonly HashSet<string> InlineElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "kbd", "label", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins", "big", "strike", "tt",
    };

    private const int MaxDepth = 256;

    // A parser owns a browsing context and its configuration, which cost more to build than a small draft costs to parse;
    // ParseDocument keeps no state between documents, so each thread keeps one.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private readonly string _source;
    private readonly int _base;
    private readonly int _end;
    private readonly List<TextBlock> _blocks;
    private readonly List<Suppression> _suppressions;
    private readonly Dictionary<string, string> _metadata;
    private readonly List<string> _warnings;
    private readonly LineIndex _lines;
    private readonly BlockBuilder _builder = new();
    private readonly Stack<(BlockKind Kind, int Container)> _context = new();

    // For each table being read: whether it is layout (one column), whose cells are read as ordinary content.
    private readonly Stack<bool> _layoutTables = new();
    private int[] _alignment = new int[256];
    private int _cursor;
    private int _nextContainerId;
    private bool _depthWarned;

    private HtmlTextExtractor(string source, int start, int end, LineIndex lines, List<TextBlock> blocks, List<Suppression> suppressions,
        Dictionary<string, string> metadata, List<string> warnings, int containerSeed)
    {
        _source = source;
        _base = start;
        _end = end;
        _cursor = start;
        _lines = lines;
        _blocks = blocks;
        _suppressions = suppressions;
        _metadata = metadata;
        _warnings = warnings;
        _nextContainerId = containerSeed;
    }

    public static SourceDocument LoadDocument(string path, string text)
    {
        var blocks = new List<TextBlock>();
        var suppressions = new List<Suppression>();
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        var lines = new LineIndex(text);
        Extract(text, 0, text.Length, lines, blocks, suppressions, metadata, warnings, 100_000);
        return new SourceDocument(path, DocumentFormat.Html, text, blocks, metadata, suppressions, warnings);
    }

    /// <summary>Extracts the HTML in <paramref name="source"/>[start, end) into the given lists.</summary>
    public static int Extract(string source, int start, int end, LineIndex lines, List<TextBlock> blocks, List<Suppression> suppressions,
        Dictionary<string, string> metadata, List<string> warnings, int containerSeed)
    {
        var extractor = new HtmlTextExtractor(source, start, end, lines, blocks, suppressions, metadata, warnings, containerSeed);
        extractor.Run();
        return extractor._nextContainerId;
    }

    private void Run()
    {
        var parser = t_parser ??= new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsNotConsumingCharacterReferences = false });
        string fragment = _base == 0 && _end == _source.Length ? _source : _source[_base.._end];
        var document = parser.ParseDocument(fragment);
        ReadMetadata(document);
        _context.Push((BlockKind.Paragraph, -1));
        foreach (var element in PublishedHeadText(document))
        {
            if (string.Equals(element.LocalName, "title", StringComparison.OrdinalIgnoreCase))
            {
                VisitElement(element, 0, forceVisit: true);
                Flush();
            }
            else if (element.SourceReference is { } reference)
            {
                _cursor = Math.Max(_cursor, ToSourceOffset(reference.Position.Position));
                ScanAttributes(element, ["content"], BlockKind.Title);
            }
        }

        foreach (var child in document.ChildNodes)
        {
            Visit(child, 0);
        }

        Flush();
    }

    // What a page publishes from its head: the title, and the descriptions a search result or a shared link's card shows.
    private static readonly HashSet<string> PublishedMeta = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "og:title", "og:description", "twitter:title", "twitter:description",
    };

    /// <summary>The head's title and published descriptions, in source order.</summary>
    private static List<IElement> PublishedHeadText(IDocument document)
    {
        var elements = new List<IElement>();
        if (document.Head is not { } head)
        {
            return elements;
        }

        if (document.Title is { Length: > 0 } && head.QuerySelector("title") is { } title)
        {
            elements.Add(title);
        }

        foreach (var meta in head.QuerySelectorAll("meta[content]"))
        {
            string name = meta.GetAttribute("name") ?? meta.GetAttribute("property") ?? string.Empty;
            if (PublishedMeta.Contains(name.Trim()) && !string.IsNullOrWhiteSpace(meta.GetAttribute("content")))
            {
                elements.Add(meta);
            }
        }

        elements.Sort((a, b) => (a.SourceReference?.Position.Position ?? 0).CompareTo(b.SourceReference?.Position.Position ?? 0));
        return elements;
    }

    private void ReadMetadata(IDocument document)
    {
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            string name = meta.GetAttribute("name") ?? string.Empty;
            string? content = meta.GetAttribute("content");
            if (content != null && name.StartsWith("compliance:", StringComparison.OrdinalIgnoreCase))
            {
                _metadata[name["compliance:".Length..].Trim().ToLowerInvariant()] = content.Trim();
            }
        }
    }

    private void Visit(INode node, int depth)
    {
        switch (node)
        {
            case IText text:
                AppendText(text.Data);
                break;
            case IComment comment:
                HandleComment(comment.Data);
                break;
            case IElement element:
                VisitElement(element, depth, forceVisit: false);
                break;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Visit(child, depth + 1);
                }

                break;
        }
    }

    private void VisitElement(IElement element, int depth, bool forceVisit)
    {
        string tag = element.LocalName;
        if (element.SourceReference is { } reference)
        {
            _cursor = Math.Max(_cursor, ToSourceOffset(reference.Position.Position));
        }

        if (!forceVisit && (SkippedElements.Contains(tag) || string.Equals(tag, "title", StringComparison.OrdinalIgnoreCase)))
        {
            SkipRawText(tag);
            return;
        }

        if (depth > MaxDepth)
        {
            VisitDeep(element);
            return;
        }

        bool inline = InlineElements.Contains(tag);
        if (string.Equals(tag, "br", StringComparison.OrdinalIgnoreCase))
        {
            int at = Math.Min(_cursor, _source.Length);
            _builder.AppendMapped('\n', at, at);
            return;
        }

        if (!inline)
        {
            Flush();
        }

        ScanAttributes(element, ["alt", "title", "aria-label"], BlockKind.AltText);
        bool table = string.Equals(tag, "table", StringComparison.OrdinalIgnoreCase);
        bool layout = table && IsLayoutTable(element);
        var kind = tag.ToLowerInvariant() switch
        {
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
            "li" or "dt" or "dd" => BlockKind.ListItem,
            "blockquote" => BlockKind.Quote,
            "td" or "th" when _layoutTables.Count == 0 || !_layoutTables.Peek() => BlockKind.TableCell,
            "title" => BlockKind.Title,
            _ => _context.Peek().Kind,
        };
        int container = table && !layout ? _nextContainerId++ : _context.Peek().Container;
        bool pushed = !inline;
        if (pushed)
        {
            _context.Push((kind, container));
        }

        if (table)
        {
            _layoutTables.Push(layout);
        }

        foreach (var child in element.ChildNodes)
        {
            Visit(child, depth + 1);
        }

        if (table)
        {
            _layoutTables.Pop();
        }

        if (pushed)
        {
            Flush();
            _context.Pop();
        }
    }

    /// <summary>
    /// A table of one column is page layout, not data: e-mail HTML puts the whole message in such a table
    /// (<c>&lt;table width="600"&gt;&lt;tr&gt;&lt;td&gt;…</c>). Its content is read as the paragraphs, headings and lists it holds,
    /// not as cells of one table.
    /// </summary>
    private static bool IsLayoutTable(IElement table)
    {
        foreach (var row in Rows(table))
        {
            int cells = 0;
            foreach (var cell in row.Children)
            {
                if (cell.LocalName is "td" or "th" && ++cells > 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The table's own rows (directly or in thead/tbody/tfoot), not those of tables nested in its cells.</summary>
    private static IEnumerable<IElement> Rows(IElement table)
    {
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr")
            {
                yield return child;
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.Children.Where(r => r.LocalName == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>
    /// Below <see cref="MaxDepth"/> the structure stops mattering, so the rest of the subtree is read with an explicit
    /// stack as one block: pathological nesting cannot overflow the call stack.
    /// </summary>
    private void VisitDeep(IElement root)
    {
        if (!_depthWarned)
        {
            _warnings.Add($"HTML nested deeper than {MaxDepth} levels; the deeper content was scanned as one block");
            _depthWarned = true;
        }

        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                AppendText(text.Data);
                continue;
            }

            if (node is IElement element)
            {
                if (element.SourceReference is { } reference)
                {
                    _cursor = Math.Max(_cursor, ToSourceOffset(reference.Position.Position));
                }

                if (SkippedElements.Contains(element.LocalName))
                {
                    SkipRawText(element.LocalName);
                    continue;
                }
            }

            for (int i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(node.ChildNodes[i]);
            }
        }
    }

    /// <summary>Skips the raw content of an element we do not scan, so the cursor never aligns text inside it.</summary>
    private void SkipRawText(string tag)
    {
        if (!RawTextElements.Contains(tag) && !string.Equals(tag, "title", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        int close = _source.IndexOf("</" + tag, _cursor, _end - _cursor, StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            int gt = _source.IndexOf('>', close, _end - close);
            _cursor = gt >= 0 ? gt + 1 : close;
        }
    }

    private void ScanAttributes(IElement element, ReadOnlySpan<string> names, BlockKind kind)
    {
        foreach (string name in names)
        {
            string? value = element.GetAttribute(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            int valueStart = FindAttributeValue(name);
            var builder = new BlockBuilder();
            if (valueStart >= 0)
            {
                var (offsets, end) = Align(value, valueStart);
                builder.AppendAligned(value, offsets.Span, end);
            }
            else
            {
                int at = Math.Min(_cursor, _source.Length);
                foreach (char c in value)
                {
                    builder.AppendMapped(c, at, at);
                }
            }

            var block = builder.Build(kind, -1);
            if (block != null)
            {
                _blocks.Add(block);
            }
        }
    }

    /// <summary>Finds where an attribute's value starts inside the start tag at the cursor.</summary>
    private int FindAttributeValue(string name)
    {
        int tagEnd = FindTagEnd(_cursor);
        int i = _cursor;
        while (i < tagEnd)
        {
            int at = _source.IndexOf(name, i, tagEnd - i, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            int j = at + name.Length;
            bool boundary = at > 0 && (char.IsWhiteSpace(_source[at - 1]) || _source[at - 1] == '"' || _source[at - 1] == '\'');
            while (j < tagEnd && char.IsWhiteSpace(_source[j]))
            {
                j++;
            }

            if (boundary && j < tagEnd && _source[j] == '=')
            {
                j++;
                while (j < tagEnd && char.IsWhiteSpace(_source[j]))
                {
                    j++;
                }

                return j < tagEnd && (_source[j] == '"' || _source[j] == '\'') ? j + 1 : j;
            }

            i = at + name.Length;
        }

        return -1;
    }

    private int FindTagEnd(int from)
    {
        char quote = '\0';
        for (int i = from; i < _end; i++)
        {
            char c = _source[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return _end;
    }

    private void HandleComment(string data)
    {
        int open = _source.IndexOf("<!--", _cursor, _end - _cursor, StringComparison.Ordinal);
        int close = open >= 0 ? _source.IndexOf("-->", open + 4, _end - open - 4, StringComparison.Ordinal) : -1;
        if (open >= 0)
        {
            _cursor = close >= 0 ? close + 3 : _end;
        }

        if (!SuppressionParser.LooksLikeDirective(data) || open < 0)
        {
            return;
        }

        int line = _lines.PositionOf(open).Line;
        int commentEnd = close >= 0 ? close + 3 : _end;
        int applies = SuppressionParser.SharesLineWithText(_source, open, commentEnd) ? line : SuppressionParser.NextTextLine(_lines, line);
        var suppression = SuppressionParser.Parse(data, line, applies);
        if (suppression != null)
        {
            _suppressions.Add(suppression);
        }
    }

    private void AppendText(string data)
    {
        if (data.Length == 0)
        {
            return;
        }

        int start = SkipMarkup(_cursor);
        var (offsets, end) = Align(data, start);

        // A line break in the source renders as a space, as any white space between words does (<br> is the line break): kept as
        // a new line it ended the sentence, so 稳</strong>\n<strong>赚不亏 was read as two.
        _builder.AppendAligned(data, offsets.Span, end, breaksAsSpaces: true);
        _cursor = Math.Max(_cursor, end);
    }

    /// <summary>Moves past tags and comments to where the next text node's raw characters begin.</summary>
    private int SkipMarkup(int i)
    {
        while (i < _end && _source[i] == '<' && i + 1 < _end && IsMarkupStart(_source[i + 1]))
        {
            if (string.CompareOrdinal(_source, i, "<!--", 0, 4) == 0)
            {
                int close = _source.IndexOf("-->", i + 4, _end - i - 4, StringComparison.Ordinal);
                i = close >= 0 ? close + 3 : _end;
            }
            else
            {
                i = FindTagEnd(i + 1) + 1;
            }
        }

        return Math.Min(i, _end);
    }

    private static bool IsMarkupStart(char c) => char.IsAsciiLetter(c) || c == '/' || c == '!' || c == '?';

    /// <summary>
    /// Aligns decoded text with the source from <paramref name="start"/>: entities map to their start, CR before LF is
    /// skipped. Characters that cannot be aligned map to the last aligned position.
    /// </summary>
    private (ReadOnlyMemory<int> Offsets, int End) Align(string decoded, int start)
    {
        if (_alignment.Length < decoded.Length)
        {
            _alignment = new int[Math.Max(decoded.Length, _alignment.Length * 2)];
        }

        var offsets = _alignment;
        int s = start;
        int lastGood = Math.Min(start, _source.Length);
        for (int d = 0; d < decoded.Length; d++)
        {
            if (s < _end && _source[s] == '\r' && decoded[d] == '\n')
            {
                offsets[d] = s;
                s += s + 1 < _end && _source[s + 1] == '\n' ? 2 : 1;
                lastGood = s;
                continue;
            }

            // An entity is tried before a literal match: "&amp;" decodes to "&", which also equals the raw "&".
            if (s < _end && _source[s] == '&' && TryDecodeEntity(s, out string value, out int length) && value.Length > 0 && value[0] == decoded[d])
            {
                offsets[d] = s;
                for (int k = 1; k < value.Length && d + 1 < decoded.Length; k++)
                {
                    offsets[++d] = s;
                }

                s += length;
                lastGood = s;
                continue;
            }

            if (s < _end && _source[s] == decoded[d])
            {
                offsets[d] = s;
                s++;
                lastGood = s;
                continue;
            }

            offsets[d] = Math.Min(lastGood, _source.Length);
        }

        return (offsets.AsMemory(0, decoded.Length), Math.Min(lastGood, _source.Length));
    }

    private bool TryDecodeEntity(int at, out string value, out int length)
    {
        value = string.Empty;
        length = 0;
        int semi = _source.IndexOf(';', at, Math.Min(40, _end - at));
        if (semi < 0)
        {
            return false;
        }

        string body = _source.Substring(at + 1, semi - at - 1);
        if (body.StartsWith('#'))
        {
            bool hex = body.Length > 1 && (body[1] == 'x' || body[1] == 'X');
            string digits = hex ? body[2..] : body[1..];
            if (int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.Integer, null, out int cp)
                && cp is > 0 and <= 0x10FFFF && cp is < 0xD800 or > 0xDFFF)
            {
                value = char.ConvertFromUtf32(cp);
                length = semi - at + 1;
                return true;
            }

            return false;
        }

        string? symbol = AngleSharp.Html.HtmlEntityProvider.Resolver.GetSymbol(body + ";") ?? AngleSharp.Html.HtmlEntityProvider.Resolver.GetSymbol(body);
        if (symbol == null)
        {
            return false;
        }

        value = symbol;
        length = semi - at + 1;
        return true;
    }

    private int ToSourceOffset(int anglePosition) => Math.Clamp(_base + Math.Max(0, anglePosition - 1), _base, _end);

    private void Flush()
    {
        var (kind, container) = _context.Count > 0 ? _context.Peek() : (BlockKind.Paragraph, -1);
        var block = _builder.Build(kind, container);
        if (block != null)
        {
            _blocks.Add(block);
        }
    }
}
