using System.Text.Encodings.Web;
using ComplianceCheck.Review.Security;
using ComplianceCheck.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplianceCheck.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer cct_…</c> by the token's hash; answers 401/403 as problem details.</summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header == null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = accounts.FromToken(header["Bearer ".Length..].Trim());
        if (user == null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the token is unknown or expired"));
        }

        CurrentUser.Remember(Context, user);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(CurrentUser.Principal(user, Scheme.Name), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = result.Failure != null ? "Bearer error=\"invalid_token\"" : "Bearer";
        await Problems.Write(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "send an API token as 'Authorization: Bearer TOKEN' (compliance users add prints one)");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, $"{Context.User.Identity?.Name} ({RoleOf()}) may not call this endpoint");

    private string RoleOf() => Context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "no role";
}
