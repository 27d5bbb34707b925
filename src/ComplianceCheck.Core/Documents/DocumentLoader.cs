namespace ComplianceCheck.Core.Documents;

/// <summary>Turns a draft's bytes into a <see cref="SourceDocument"/>, choosing the loader by extension and content.</summary>
public static class DocumentLoader
{
    /// <summary>Larger files are refused with a clear message rather than exhausting memory.</summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;

    public static SourceDocument Load(string path, ReadOnlySpan<byte> bytes, DocumentFormat? format = null)
    {
        var decoded = TextDecoder.Decode(bytes);
        return LoadText(path, decoded.Text, format);
    }

    public static SourceDocument LoadText(string path, string text, DocumentFormat? format = null)
    {
        var chosen = format ?? Sniff(path, text);
        return chosen switch
        {
            DocumentFormat.Markdown => MarkdownLoader.Load(path, text),
            DocumentFormat.Html => HtmlTextExtractor.LoadDocument(path, text),
            _ => PlainTextLoader.Load(path, text),
        };
    }

    /// <summary>
    /// The extension decides, except that a .txt (or unnamed) draft holding front matter or an HTML page is read as
    /// Markdown or HTML: exported WeChat articles often arrive as .txt.
    /// </summary>
    public static DocumentFormat Sniff(string path, string text)
    {
        var byExtension = DocumentFormats.FromPath(path);
        if (byExtension != DocumentFormat.Text)
        {
            return byExtension;
        }

        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.StartsWith("---") && (head.Length == 3 || head[3] == '\n' || head[3] == '\r'))
        {
            return DocumentFormat.Markdown;
        }

        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Html;
        }

        if (head.StartsWith("<") && CountTags(head) >= 3)
        {
            return DocumentFormat.Html;
        }

        return DocumentFormat.Text;
    }

    private static int CountTags(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '<' && (text[i + 1] == '/' || char.IsAsciiLetter(text[i + 1])))
            {
                count++;
            }
        }

        return count;
    }
}
