using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;

namespace ComplianceCheck.Review.Security;

/// <summary>
/// PBKDF2-HMAC-SHA512 password hashes in the form <c>pbkdf2-sha512$iterations$salt$hash</c>. The iteration count is
/// stored with each hash, so it can be raised later without invalidating existing passwords.
/// </summary>
public sealed class PasswordHasher(int iterations = PasswordHasher.DefaultIterations)
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA512.</summary>
    public const int DefaultIterations = 210_000;

    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Derive(password, salt, iterations);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string stored)
    {
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out int count) || count < 1)
        {
            return false;
        }

        byte[] salt = Convert.FromBase64String(parts[2]);
        byte[] expected = Convert.FromBase64String(parts[3]);
        // Constant-time comparison, so response time does not reveal how many leading bytes matched.
        return CryptographicOperations.FixedTimeEquals(Derive(password, salt, count), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int count) =>
        KeyDerivation.Pbkdf2(password.Normalize(NormalizationForm.FormC), salt, KeyDerivationPrf.HMACSHA512, count, HashBytes);
}
