namespace ComplianceCheck.Core.Documents;

public enum DocumentFormat
{
    Markdown,
    Html,
    Text,
}

public static class DocumentFormats
{
    public static string Name(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => "markdown",
        DocumentFormat.Html => "html",
        _ => "text",
    };

    public static DocumentFormat FromPath(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".md" or ".markdown" or ".mdx" => DocumentFormat.Markdown,
            ".html" or ".htm" or ".xhtml" => DocumentFormat.Html,
            _ => DocumentFormat.Text,
        };
    }

    /// <summary>Extensions a folder scan picks up; anything else is left alone unless named explicitly.</summary>
    public static bool IsScannedExtension(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".md" or ".markdown" or ".mdx" or ".html" or ".htm" or ".xhtml" or ".txt" or ".text";
    }

    public static bool TryParse(string? value, out DocumentFormat format)
    {
        switch (value?.ToLowerInvariant())
        {
            case "markdown" or "md":
                format = DocumentFormat.Markdown;
                return true;
            case "html" or "htm":
                format = DocumentFormat.Html;
                return true;
            case "text" or "txt":
                format = DocumentFormat.Text;
                return true;
            default:
                format = DocumentFormat.Text;
                return false;
        }
    }
}
