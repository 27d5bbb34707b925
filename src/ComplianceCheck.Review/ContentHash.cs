using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Review;

/// <summary>The identity of a draft's exact content: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
public static class ContentHash
{
    public static string Of(string content) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static bool IsWellFormed(string? text) =>
        text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
