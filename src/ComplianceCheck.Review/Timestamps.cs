using System.Globalization;

namespace ComplianceCheck.Review;

/// <summary>
/// One text form for every stored time (UTC, 100 ns precision), because audit hashes are computed over the text and
/// must come out the same after a round trip through the database.
/// </summary>
public static class Timestamps
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTimeKind.Utc));

    /// <summary>Drops precision the text form cannot carry, so an in-memory value equals its stored round trip.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset value) => Parse(Format(value));
}
