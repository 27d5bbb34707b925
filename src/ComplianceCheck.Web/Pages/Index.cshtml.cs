using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Hosting;
using ComplianceCheck.Web.Queue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComplianceCheck.Web.Pages;

/// <summary>
/// The queue: "my tasks" (items waiting at my role's stage) or all items, filtered, sorted by age in stage and shown
/// a page at a time.
/// </summary>
public sealed class IndexModel(IReviewStore store, RuleEngine engine, IOptions<ReviewSettings> settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string View { get; set; } = "mine";

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Product { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "oldest";

    /// <summary>The cursor of the page to show, from a next (<see cref="After"/>) or previous (<see cref="Before"/>) link.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<ItemSummary> Items { get; private set; } = [];

    /// <summary>How many items the filters match, on every page together.</summary>
    public int Total { get; private set; }

    /// <summary>The links to the neighbouring pages (this page with another cursor), or null at either end.</summary>
    public string? NextUrl { get; private set; }

    public string? PreviousUrl { get; private set; }

    public User Me { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public double SlaHours => settings.Value.SlaHours;

    public IReadOnlyList<string> Categories => engine.RuleSet.Rules.Select(r => r.Category).Distinct().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> Products => Vocabulary.Products;

    public static IReadOnlyList<string> Channels => Vocabulary.Channels;

    public void OnGet()
    {
        Me = CurrentUser.Get(HttpContext);
        Now = clock.GetUtcNow();
        var query = new ItemQuery
        {
            State = ItemState.TryParse(State, out var state) ? state : null,
            Stage = Stages.TryParse(Stage, out var stage) ? stage : null,
            Product = Blank(Product),
            Channel = Blank(Channel),
            Category = Blank(Category),
            NewestFirst = Sort == "newest",
        };
        if (View == "mine")
        {
            query = MyTasks(query);
        }

        var page = QueuePages.Read(store, query, QueuePages.DefaultLimit, Blank(After), Blank(Before));
        Items = page.Items;
        Total = page.Total;
        NextUrl = page.NextAfter is { } next ? "/" + QueuePages.QueryWith(Request.Query, QueuePages.After, next) : null;
        PreviousUrl = page.PreviousBefore is { } previous ? "/" + QueuePages.QueryWith(Request.Query, QueuePages.Before, previous) : null;
    }

    /// <summary>
    /// Creatives see their own drafts at the creative stage; reviewers see what waits at their stage, except what they
    /// wrote themselves (they may not decide it).
    /// </summary>
    private ItemQuery MyTasks(ItemQuery query) => Me.Role switch
    {
        Role.Creative => query with { Stage = Review.Model.Stage.Creative, Author = Me.Name },
        Role.Legal => query with { Stage = Review.Model.Stage.Legal, NotAuthor = Me.Name },
        Role.Operations => query with { Stage = Review.Model.Stage.Operations, NotAuthor = Me.Name },
        _ => query with { NotAuthor = Me.Name },
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
