using ComplianceCheck.Review.Security;
using ComplianceCheck.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ComplianceCheck.Web.Pages;

public sealed class LoginModel(UserAccounts accounts, LoginThrottle throttle) : PageModel
{
    public string? Error { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        Name = name;
        ReturnUrl = SafeReturn(returnUrl);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your user name and password.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string? address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            int minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Error = $"Too many failed sign-ins. Try again in {minutes} minute(s).";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        var user = accounts.SignIn(name, password);
        if (user == null)
        {
            throttle.Failed(name, address);
            Error = "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        throttle.Succeeded(name);
        await HttpContext.SignInAsync(AuthSchemes.Cookie, CurrentUser.Principal(user, AuthSchemes.Cookie));
        return LocalRedirect(ReturnUrl);
    }

    // Only paths on this site: an absolute return URL would turn the login page into an open redirect.
    private string SafeReturn(string? returnUrl) => returnUrl != null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
