using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplianceCheck.Web.Tests;

/// <summary>A cookie-keeping HTTP client that signs in through the login form, as a browser would.</summary>
public sealed partial class BrowserSession : IDisposable
{
    private BrowserSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static BrowserSession Open(ReviewAppFactory app, bool https = false) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
        }));

    public static async Task<BrowserSession> SignIn(ReviewAppFactory app, TestUser user, bool https = false)
    {
        var session = Open(app, https);
        using var response = await session.Login(user.Name, user.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return session;
    }

    public async Task<HttpResponseMessage> Login(string name, string password)
    {
        string token = await AntiforgeryToken("/login");
        return await Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The hidden anti-forgery field of the first form on <paramref name="path"/>.</summary>
    public async Task<string> AntiforgeryToken(string path)
    {
        string html = await Client.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no anti-forgery field on " + path);
    }

    public async Task<HttpResponseMessage> PostForm(string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        if (tokenFrom != null)
        {
            fields["__RequestVerificationToken"] = await AntiforgeryToken(tokenFrom);
        }

        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
