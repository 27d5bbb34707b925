using System.Security.Claims;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;

namespace ComplianceCheck.Web.Auth;

/// <summary>Maps between a stored user and the claims of a signed-in principal, and finds the user of a request.</summary>
public static class CurrentUser
{
    private const string ItemKey = "compliance.user";

    public static ClaimsPrincipal Principal(User user, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, Roles.Name(user.Role)), new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Remembers the user loaded during authentication, so the request does not load it again.</summary>
    public static void Remember(HttpContext context, User user) => context.Items[ItemKey] = user;

    /// <summary>The request's user, reloaded from the store so a removed or changed account stops working at once.</summary>
    public static User Get(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out object? cached) && cached is User user)
        {
            return user;
        }

        string? name = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        var store = context.RequestServices.GetRequiredService<IReviewStore>();
        user = (name == null ? null : store.FindUserByName(name))
            ?? throw new InvalidOperationException("an endpoint that requires a user ran without one; is it missing its authorization policy?");
        Remember(context, user);
        return user;
    }
}
