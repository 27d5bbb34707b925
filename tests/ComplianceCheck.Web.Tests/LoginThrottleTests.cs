using System.Net;

namespace ComplianceCheck.Web.Tests;

public sealed class LoginThrottleTests(LoginThrottleTests.ThrottledApp app) : IClassFixture<LoginThrottleTests.ThrottledApp>
{
    private readonly ThrottledApp _app = app;

    [Fact]
    public async Task After_too_many_failures_even_the_right_password_waits_until_the_window_passes()
    {
        using var session = BrowserSession.Open(_app);
        for (int i = 0; i < 3; i++)
        {
            using var wrong = await session.Login(_app.Lily.Name, "guess-" + i);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using (var throttled = await session.Login(_app.Lily.Name, _app.Lily.Password))
        {
            throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 600);
            (await throttled.Content.ReadAsStringAsync()).ShouldContain("Too many failed sign-ins");
        }

        // Another account is not locked by someone guessing at lily's.
        using (var other = await BrowserSession.Open(_app).Login(_app.Oscar.Name, _app.Oscar.Password))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        using var later = await session.Login(_app.Lily.Name, _app.Lily.Password);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Unknown_user_names_are_throttled_like_real_ones()
    {
        using var session = BrowserSession.Open(_app);
        for (int i = 0; i < 3; i++)
        {
            using var wrong = await session.Login("nobody", "x");
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var throttled = await session.Login("nobody", "x");
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    /// <summary>Three failures per user name within ten minutes.</summary>
    public sealed class ThrottledApp() : ReviewAppFactory(new() { ["Review:LoginMaxFailures"] = "3", ["Review:LoginWindowMinutes"] = "10" });
}
