using ComplianceCheck.Review.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace ComplianceCheck.Web.Tests;

/// <summary>
/// The real server process on 127.0.0.1 and Debian's Chromium driven by Playwright (never a downloaded browser).
/// Screenshots go to <c>screenshots/</c> in the test output folder.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-browser-").FullName;
    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public TestUser Alice { get; private set; } = null!;

    public TestUser Lily { get; private set; } = null!;

    public TestUser Oscar { get; private set; } = null!;

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    private string Db => Path.Combine(_folder, "review.db");

    public async Task InitializeAsync()
    {
        Alice = ServerProcess.AddUser(Db, "alice", Role.Creative);
        Lily = ServerProcess.AddUser(Db, "lily", Role.Legal);
        Oscar = ServerProcess.AddUser(Db, "oscar", Role.Operations);
        Server = ServerProcess.Start(Db);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own cookies) at <paramref name="width"/>×<paramref name="height"/>, signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedIn(TestUser user, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        // On a loaded CI machine a sign-in click was once lost (the page sat on /login for 30 s with nothing pending), so a
        // second attempt is made from a fresh login page; a sign-in that really fails fails both and says what the page showed.
        for (int attempt = 1; ; attempt++)
        {
            await page.GotoAsync(Server.Url + "/login");
            await page.FillAsync("#name", user.Name);
            await page.FillAsync("#password", user.Password);
            await page.ClickAsync("#sign-in");
            try
            {
                await page.WaitForURLAsync(Server.Url + "/", new PageWaitForURLOptions { Timeout = 15_000 });
                return page;
            }
            catch (TimeoutException) when (attempt < 2)
            {
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{user.Name} could not sign in; the page at {page.Url} says: {await page.InnerTextAsync("body")}", ex);
            }
        }
    }

    public static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Server?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
