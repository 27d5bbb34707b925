using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Security;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Review.Workflow;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceCheck.Web.Tests;

/// <summary>An account made for a test, with the secrets 'users add' would print.</summary>
public sealed record TestUser(User User, string Password, string Token)
{
    public string Name => User.Name;
}

/// <summary>
/// The real web app in-process on a fresh SQLite file, with a clock the test controls. PBKDF2 runs with few
/// iterations only to keep the suite fast.
/// </summary>
public class ReviewAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-web-" + Guid.NewGuid().ToString("N"));

    public ReviewAppFactory()
        : this([])
    {
    }

    /// <summary>Starts the app with <paramref name="settings"/> on top of the test defaults.</summary>
    internal ReviewAppFactory(Dictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        Directory.CreateDirectory(_folder);
        Alice = AddUser("alice", Role.Creative);
        Carol = AddUser("carol", Role.Creative);
        Lily = AddUser("lily", Role.Legal);
        Leo = AddUser("leo", Role.Legal);
        Oscar = AddUser("oscar", Role.Operations);
        Adam = AddUser("adam", Role.Admin);
    }

    public string DatabasePath => Path.Combine(_folder, "review.db");

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    private Dictionary<string, string> Settings { get; } = new() { ["Review:MaxDraftBytes"] = "65536", ["Review:MaxRequestBytes"] = "262144" };

    public TestUser Alice { get; }

    public TestUser Carol { get; }

    public TestUser Lily { get; }

    public TestUser Leo { get; }

    public TestUser Oscar { get; }

    public TestUser Adam { get; }

    public IReviewStore Store => Services.GetRequiredService<IReviewStore>();

    public ReviewService Reviews => Services.GetRequiredService<ReviewService>();

    public TestUser AddUser(string name, Role role, TimeSpan? tokenLifetime = null)
    {
        var created = Services.GetRequiredService<UserAccounts>().Create(name, role, "test", tokenLifetime);
        return new TestUser(created.User, created.Password, created.Token);
    }

    public HttpClient Api(TestUser? user) => Api(user?.Token);

    public HttpClient Api(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token != null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Submits through the service (no HTTP), for tests that only need an item in some state.</summary>
    public ReviewItem Submit(string content, TestUser? author = null) => Reviews.Submit((author ?? Alice).User, new NewItem(content, "draft.md"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Review:Database", DatabasePath);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(sp => new UserAccounts(sp.GetRequiredService<IReviewStore>(), Clock, new PasswordHasher(iterations: 1_000)));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}

/// <summary>Small helpers for JSON calls.</summary>
public static class HttpJson
{
    public static async Task<(int Status, JsonObject Body)> PostJson(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return ((int)response.StatusCode, await Read(response));
    }

    public static async Task<(int Status, JsonObject Body)> GetJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, await Read(response));
    }

    private static async Task<JsonObject> Read(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? [];
    }
}
