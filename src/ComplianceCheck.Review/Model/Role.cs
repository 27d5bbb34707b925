namespace ComplianceCheck.Review.Model;

/// <summary>What a user may do: decide one stage (creative, legal, operations) or administer (never decide).</summary>
public enum Role
{
    Creative,
    Legal,
    Operations,
    Admin,
}

/// <summary>The wire names of <see cref="Role"/>, as typed on the command line and sent in JSON.</summary>
public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = [Role.Creative, Role.Legal, Role.Operations, Role.Admin];

    public static string Name(Role role) => role switch
    {
        Role.Creative => "creative",
        Role.Legal => "legal",
        Role.Operations => "operations",
        _ => "admin",
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static Role Parse(string text) =>
        TryParse(text, out var role) ? role : throw new ReviewException(ReviewError.Invalid, $"role '{text}' is not one of {string.Join(", ", All.Select(Name))}");
}
