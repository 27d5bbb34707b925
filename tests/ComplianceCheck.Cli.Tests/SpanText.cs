using System.Text;

namespace ComplianceCheck.Cli.Tests;

/// <summary>Reads back the text at a reported (line, column) span, counting columns in Unicode characters.</summary>
internal static class SpanText
{
    static SpanText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    public static int Offset(string text, int line, int column)
    {
        int offset = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', offset);
            if (nl < 0)
            {
                throw new ShouldAssertException($"line {line} is past the end of the text");
            }

            offset = nl + 1;
        }

        for (int c = 1; c < column; c++)
        {
            offset += char.IsHighSurrogate(text[offset]) ? 2 : 1;
        }

        return offset;
    }

    public static string At(string text, int line, int column, int endLine, int endColumn) =>
        text[Offset(text, line, column)..Offset(text, endLine, endColumn)];
}
