using System.Text;

namespace ComplianceCheck.Core.Documents;

/// <summary>The text of a file and the encoding it was read with.</summary>
public sealed record DecodedText(string Text, string EncodingName, bool HadBom, Encoding Encoding);

/// <summary>Raised when a file cannot be read as text (binary, too large, unreadable).</summary>
public sealed class UnreadableDraftException(string message) : Exception(message);

/// <summary>
/// Decodes draft bytes: a BOM decides; otherwise strict UTF-8 first and GB18030 only when the bytes are not
/// valid UTF-8 (GB18030 accepts almost any bytes, so trying it first would misread UTF-8).
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Strict(bytes[3..], new UTF8Encoding(true), "utf-8", true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new DecodedText(new UTF32Encoding(false, true).GetString(bytes[4..]), "utf-32le", true, new UTF32Encoding(false, true));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", true, Encoding.Unicode);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", true, Encoding.BigEndianUnicode);
        }

        if (LooksLikeUtf16WithoutBom(bytes, out bool bigEndian))
        {
            var enc = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            return new DecodedText(enc.GetString(bytes), bigEndian ? "utf-16be" : "utf-16le", false, new UnicodeEncoding(bigEndian, false));
        }

        if (BinarySniffer.IsBinary(bytes))
        {
            throw new UnreadableDraftException(BinarySniffer.Describe(bytes));
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", false, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            var gb = Gb18030;
            return new DecodedText(gb.GetString(bytes), "gb18030", false, gb);
        }
    }

    private static DecodedText Strict(ReadOnlySpan<byte> body, Encoding encoding, string name, bool bom)
    {
        try
        {
            return new DecodedText(StrictUtf8.GetString(body), name, bom, encoding);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDraftException("starts with a UTF-8 byte order mark but holds bytes that are not valid UTF-8");
        }
    }

    /// <summary>Text in UTF-16 without a BOM has a zero byte in nearly every other position for ASCII-heavy text.</summary>
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenZeros++;
            }

            if (bytes[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            return true;
        }

        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }
}

/// <summary>Recognises files that are not text so they are reported, not scanned as garbage.</summary>
internal static class BinarySniffer
{
    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0], "a legacy Office document"),
    ];

    public static bool IsBinary(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, _) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return true;
            }
        }

        // Text never holds NUL bytes (UTF-16 was ruled out before); control characters in bulk mean binary too.
        int n = Math.Min(bytes.Length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++)
        {
            byte b = bytes[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return n > 0 && control > n / 10;
    }

    public static string Describe(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, kind) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                return $"is a binary file ({kind}), not a text draft";
            }
        }

        return "is a binary file (it holds NUL or control bytes), not a text draft";
    }
}
