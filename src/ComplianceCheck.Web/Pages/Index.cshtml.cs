using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Web.Auth;
using ComplianceCheck.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ComplianceCheck.Web.Pages;

/// <summary>The queue: "my tasks" (items waiting at my role's stage) or all items, filtered and sorted by age in stage.</summary>
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

    public IReadOnlyList<ItemSummary> Items { get; private set; } = [];

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

        Items = store.ListItems(query)
            .Where(i => View != "mine" || Me.Role == Role.Creative || !string.Equals(i.Header.Author, Me.Name, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Creatives see their own drafts at the creative stage; reviewers see what waits at their stage.</summary>
    private ItemQuery MyTasks(ItemQuery query) => Me.Role switch
    {
        Role.Creative => query with { Stage = Review.Model.Stage.Creative, Author = Me.Name },
        Role.Legal => query with { Stage = Review.Model.Stage.Legal },
        Role.Operations => query with { Stage = Review.Model.Stage.Operations },
        _ => query,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
