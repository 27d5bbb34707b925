using System.Net;
using System.Text;
using ComplianceCheck.Review.Tests;

namespace ComplianceCheck.Web.Tests;

public sealed class WebSecurityTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task Every_page_needs_a_signed_in_user()
    {
        using var anonymous = BrowserSession.Open(app);

        foreach (string path in new[] { "/", "/items/new", "/items/1" })
        {
            using var response = await anonymous.Client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/login");
        }
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var item = app.Submit(Drafts.Clean);
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        using var forged = await lily.PostForm($"/items/{item.Id}?handler=Decision",
            new() { ["stage"] = "legal", ["decision"] = "approve", ["contentHash"] = item.Current.Sha256 });

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Store.GetItem(item.Id)!.Decisions.ShouldBeEmpty();

        using var genuine = await lily.PostForm($"/items/{item.Id}?handler=Decision",
            new() { ["stage"] = "legal", ["decision"] = "approve", ["contentHash"] = item.Current.Sha256 }, tokenFrom: $"/items/{item.Id}");
        genuine.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Store.GetItem(item.Id)!.Decisions.Single().Actor.ShouldBe("lily");
    }

    [Fact]
    public async Task Login_and_logout_need_the_anti_forgery_token_too()
    {
        using var session = BrowserSession.Open(app);
        await session.Client.GetAsync("/login");

        using var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = app.Lily.Name,
            ["password"] = app.Lily.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Session_and_anti_forgery_cookies_are_http_only_same_site_and_secure_over_https()
    {
        using var plain = BrowserSession.Open(app);
        using var plainLogin = await plain.Login(app.Oscar.Name, app.Oscar.Password);
        string session = plainLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=lax");
        session.ShouldNotContain("secure");

        using var tls = BrowserSession.Open(app, https: true);
        using var loginPage = await tls.Client.GetAsync("/login");
        string antiforgery = loginPage.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.antiforgery=", StringComparison.Ordinal)).ToLowerInvariant();
        antiforgery.ShouldContain("httponly");
        antiforgery.ShouldContain("samesite=strict");
        antiforgery.ShouldContain("secure");
        using var tlsLogin = await tls.Login(app.Oscar.Name, app.Oscar.Password);
        string secureSession = tlsLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cc.session=", StringComparison.Ordinal)).ToLowerInvariant();
        secureSession.ShouldContain("secure");
        secureSession.ShouldContain("httponly");
    }

    [Fact]
    public async Task A_cookie_session_does_not_open_the_api()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        using var response = await lily.Client.GetAsync("/api/items");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_carry_a_policy_that_allows_no_script_and_no_framing()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);
        using var response = await lily.Client.GetAsync("/");

        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("default-src 'none'");
        csp.ShouldNotContain("script-src");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_login_page_never_redirects_off_site()
    {
        using var session = BrowserSession.Open(app);
        string token = await session.AntiforgeryToken("/login");

        using var response = await session.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = app.Leo.Name,
            ["password"] = app.Leo.Password,
            ["returnUrl"] = "https://evil.example/phish",
            ["__RequestVerificationToken"] = token,
        }));

        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Drafts_titles_comments_and_file_names_are_escaped_in_the_page()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))\n";
        var item = app.Reviews.Submit(app.Alice.User, new Review.Workflow.NewItem(hostile + Drafts.TwoErrors, "<svg onload=alert(4)>.md", Title: "<b onmouseover=alert(5)>标题</b>"));
        app.Reviews.Comment(app.Lily.User, item.Id, "</textarea><script>alert(6)</script>");
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        string html = await lily.Client.GetStringAsync($"/items/{item.Id}");

        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("<svg onload");
        html.ShouldNotContain("<b onmouseover");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("&lt;/textarea&gt;&lt;script&gt;alert(6)");
        html.ShouldContain("<mark class=\"sev-error\"");
        html.ShouldContain(">保本</mark>");
    }

    [Fact]
    public async Task A_request_body_over_the_limit_gets_413_before_it_is_read()
    {
        using var alice = app.Api(app.Alice);

        using var response = await alice.PostAsync("/api/items", new ByteArrayContent(new byte[300_000]) { Headers = { { "Content-Type", "application/json" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("limit is 262,144 bytes");
    }

    [Fact]
    public async Task A_draft_over_the_draft_limit_gets_413_saying_so()
    {
        using var alice = app.Api(app.Alice);
        string big = new('稿', 70_000 / 3 + 10);

        var (status, problem) = await alice.PostJson("/api/items", new { content = big, fileName = "big.md" });

        status.ShouldBe(413);
        problem["detail"]!.GetValue<string>().ShouldContain("the limit is 65,536 bytes");
        Encoding.UTF8.GetByteCount(big).ShouldBeGreaterThan(65_536);
    }
}
