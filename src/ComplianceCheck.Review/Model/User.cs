namespace ComplianceCheck.Review.Model;

/// <summary>A person (or CI bot) who can sign in with a password and call the API with a token.</summary>
public sealed record User
{
    public long Id { get; init; }

    public required string Name { get; init; }

    public required Role Role { get; init; }

    /// <summary>PBKDF2 hash with its salt and iteration count; never the password.</summary>
    public required string PasswordHash { get; init; }

    /// <summary>SHA-256 of the API token; the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; init; }

    public DateTimeOffset? TokenExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
