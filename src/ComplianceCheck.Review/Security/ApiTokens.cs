using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Review.Security;

/// <summary>
/// API tokens and generated passwords. A token carries 256 random bits, so a plain SHA-256 is enough to store it
/// (no salt or stretching needed, and the hash can be looked up directly).
/// </summary>
public static class ApiTokens
{
    public const string Prefix = "cct_";

    // No 0/O, 1/l/I: generated passwords are read off a terminal and typed by hand.
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => ContentHash.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewPassword(int length = 20) => RandomNumberGenerator.GetString(PasswordAlphabet, length);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
