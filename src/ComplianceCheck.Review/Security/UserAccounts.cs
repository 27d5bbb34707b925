using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;

namespace ComplianceCheck.Review.Security;

/// <summary>A new account with the secrets that are shown once and never stored in clear.</summary>
public sealed record CreatedUser(User User, string Password, string Token);

/// <summary>Creates accounts and checks passwords and API tokens against their stored hashes.</summary>
public sealed class UserAccounts(IReviewStore store, TimeProvider clock, PasswordHasher? hasher = null)
{
    private const int MaxNameLength = 64;

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher().Hash(ApiTokens.NewPassword()));

    private readonly PasswordHasher _hasher = hasher ?? new PasswordHasher();

    /// <summary>Whoever set the account up (the CLI operator or an admin), recorded in the audit trail.</summary>
    public CreatedUser Create(string name, Role role, string createdBy, TimeSpan? tokenLifetime = null)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ReviewException(ReviewError.Invalid, $"user name must be 1-{MaxNameLength} characters without spaces");
        }

        string password = ApiTokens.NewPassword();
        string token = ApiTokens.NewToken();
        var now = Timestamps.Normalize(clock.GetUtcNow());
        var user = new User
        {
            Name = name,
            Role = role,
            PasswordHash = _hasher.Hash(password),
            TokenHash = ApiTokens.Hash(token),
            TokenExpiresAt = tokenLifetime is { } lifetime ? now + lifetime : null,
            CreatedAt = now,
        };
        var audit = new AuditEntry
        {
            Actor = createdBy,
            Role = "admin",
            Action = "user-created",
            Decision = Roles.Name(role),
            Comment = name,
            At = now,
        };
        return new CreatedUser(store.AddUser(user, audit), password, token);
    }

    public User? SignIn(string name, string password)
    {
        var user = store.FindUserByName(name.Trim());
        if (user == null)
        {
            // Hash anyway, so an unknown name takes as long as a wrong password and names cannot be probed by timing.
            PasswordHasher.Verify(password, DummyHash.Value);
            return null;
        }

        return PasswordHasher.Verify(password, user.PasswordHash) ? user : null;
    }

    public User? FromToken(string token)
    {
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var user = store.FindUserByTokenHash(ApiTokens.Hash(token));
        return user == null || user.TokenExpiresAt is { } expires && expires <= clock.GetUtcNow() ? null : user;
    }
}
