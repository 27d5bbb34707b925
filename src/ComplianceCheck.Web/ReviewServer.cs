using System.Text.Encodings.Web;
using System.Text.Unicode;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;
using ComplianceCheck.Review.Checking;
using ComplianceCheck.Review.Security;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;
using ComplianceCheck.Web.Api;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace ComplianceCheck.Web;

/// <summary>
/// Builds the review web app: the browser UI (Razor Pages, cookie sign-in, anti-forgery on every form) and the JSON
/// API (Bearer tokens), over one SQLite store and one rule engine built at start-up.
/// </summary>
public static class ReviewServer
{
    /// <summary>
    /// Creates the app from command-line style arguments (<c>--urls</c>, <c>--Review:Database</c>…).
    /// <paramref name="configureServices"/> may register an <see cref="IFindingAugmenter"/> (the classifier).
    /// </summary>
    public static WebApplication Create(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ReviewServer).Assembly.GetName().Name,
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("ComplianceCheck.Web.Auth", LogLevel.Warning);
        AddServices(builder.Services, builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();

        // Open (and migrate) the database and load the rules now, so a bad file fails the start, not the first request.
        app.Services.GetRequiredService<IReviewStore>();
        app.Services.GetRequiredService<DraftChecker>();

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ErrorHandling>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
        app.MapGet("/assets/{name}", Assets.Serve).AllowAnonymous();
        app.MapReviewApi();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Tells the operator how to create the first account when the database has none.</summary>
    public static void PrintFirstStartHelp(WebApplication app, TextWriter output)
    {
        var store = app.Services.GetRequiredService<IReviewStore>();
        if (store.CountUsers() == 0)
        {
            string database = app.Services.GetRequiredService<IOptions<ReviewSettings>>().Value.Database;
            output.WriteLine("No users yet. Create the first ones with:");
            output.WriteLine($"  compliance users add NAME --role creative|legal|operations|admin --db {database}");
            output.WriteLine("Each prints a password (for the browser) and an API token (for 'compliance submit' and CI) once.");
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewSettings>().Bind(configuration.GetSection(ReviewSettings.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IReviewStore>(sp => new SqliteReviewStore(Settings(sp).Database));
        services.AddSingleton(_ => new RuleEngine(RuleSet.Load()));
        services.AddSingleton(sp => new DraftChecker(sp.GetRequiredService<RuleEngine>(), sp.GetService<IFindingAugmenter>()));
        services.AddSingleton(sp => new ReviewPolicy { CleanDraftsSkipLegal = Settings(sp).CleanDraftsSkipLegal, MaxDraftBytes = Settings(sp).MaxDraftBytes });
        services.AddSingleton<ReviewService>();
        services.AddSingleton(sp => new UserAccounts(sp.GetRequiredService<IReviewStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LoginThrottle>();

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ReviewSettings>>((kestrel, settings) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.Value.MaxRequestBytes;
        });
        services.AddOptions<FormOptions>().Configure<IOptions<ReviewSettings>>((form, settings) =>
            form.MultipartBodyLengthLimit = settings.Value.MaxRequestBytes);

        // Keys beside the database, so browser sessions survive a restart of the server.
        services.AddDataProtection().SetApplicationName("ComplianceCheck.Review");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ReviewSettings>, ILoggerFactory>((keys, settings, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(settings.Value.KeysFolder), logs));

        // Razor escapes <, >, &, quotes everywhere; Chinese text itself need not become numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        AddAuthentication(services);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "cc.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/Forbidden");
        });
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = "cc.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/forbidden";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateSession;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null);

        var signedIn = new AuthorizationPolicyBuilder(AuthSchemes.Cookie).RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(signedIn)
            .SetFallbackPolicy(signedIn)
            .AddPolicy(AuthSchemes.ApiPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireAuthenticatedUser())
            .AddPolicy(AuthSchemes.ApiCreativePolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireRole("creative"))
            .AddPolicy(AuthSchemes.ApiTuningPolicy, p => p.AddAuthenticationSchemes(AuthSchemes.Bearer).RequireRole("legal", "admin"));
    }

    /// <summary>A session ends as soon as its account is gone or its role changed.</summary>
    private static Task ValidateSession(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<IReviewStore>();
        var user = context.Principal?.Identity?.Name is { } name ? store.FindUserByName(name) : null;
        if (user == null || !context.Principal!.IsInRole(Review.Model.Roles.Name(user.Role)))
        {
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }

        CurrentUser.Remember(context.HttpContext, user);
        return Task.CompletedTask;
    }

    private static ReviewSettings Settings(IServiceProvider services) => services.GetRequiredService<IOptions<ReviewSettings>>().Value;
}
