using System.Text.Json.Nodes;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Review.Workflow;
using Microsoft.AspNetCore.WebUtilities;

namespace ComplianceCheck.Web.Tests;

/// <summary>
/// <c>GET /api/items</c> a page at a time: every item exactly once whatever the filters and sort, the page size's
/// bounds, and cursors this server did not issue.
/// </summary>
public sealed class ApiPagingTests(ApiPagingTests.Fixture app) : IClassFixture<ApiPagingTests.Fixture>
{
    public static TheoryData<string, string, int> Walks()
    {
        string[] filters =
        [
            "", "stage=legal", "state=draft", "product=insurance", "category=guarantee", "author=CAROL",
            "stage=creative&product=fund&channel=sms", "category=absolute&author=alice&state=draft",
        ];
        var data = new TheoryData<string, string, int>();
        foreach (string filter in filters)
        {
            foreach (string sort in new[] { "oldest", "newest" })
            {
                foreach (int limit in new[] { 7, 50 })
                {
                    data.Add(filter, sort, limit);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Next_links_return_every_matching_item_exactly_once_in_sort_order_and_previous_links_walk_back(string filter, string sort, int limit)
    {
        using var lily = app.Api(app.Lily);
        var expected = app.Expected(filter, sort == "newest");
        expected.Count.ShouldBeGreaterThan(7, "every filter matches items for several pages of 7");

        var pages = new List<List<long>>();
        string? next = $"/api/items?{filter}&sort={sort}&limit={limit}";
        JsonObject page = [];
        while (next != null && pages.Count <= expected.Count)
        {
            (int status, page) = await lily.GetJson(next);
            status.ShouldBe(200, page.ToJsonString());
            page["total"]!.GetValue<int>().ShouldBe(expected.Count);
            page["limit"]!.GetValue<int>().ShouldBe(limit);
            (page["previous"] == null).ShouldBe(pages.Count == 0);
            pages.Add(Ids(page));
            pages[^1].Count.ShouldBeLessThanOrEqualTo(limit);
            next = page["next"]?.GetValue<string>();
            next?.ShouldStartWith("http://localhost/api/items?");
        }

        pages.SelectMany(p => p).ShouldBe(expected);
        pages.SkipLast(1).ShouldAllBe(p => p.Count == limit);

        // From the last page back to the first, through the previous links: the same pages in reverse.
        for (int i = pages.Count - 2; i >= 0; i--)
        {
            string previous = page["previous"]!.GetValue<string>();
            QueryOf(previous).ShouldContainKey("before");
            QueryOf(previous)["sort"].ToString().ShouldBe(sort);
            (_, page) = await lily.GetJson(previous);
            Ids(page).ShouldBe(pages[i]);
        }

        (page["previous"] == null).ShouldBeTrue();
    }

    [Fact]
    public async Task The_page_size_is_50_unless_asked_and_at_most_500()
    {
        using var oscar = app.Api(app.Oscar);
        int all = app.Expected(string.Empty, newestFirst: false).Count;

        var (_, first) = await oscar.GetJson("/api/items");
        Ids(first).Count.ShouldBe(50);
        first["limit"]!.GetValue<int>().ShouldBe(50);
        first["total"]!.GetValue<int>().ShouldBe(all);
        QueryOf(first["next"]!.GetValue<string>()).Keys.ShouldBe(["after"]);

        var (_, one) = await oscar.GetJson("/api/items?limit=1");
        Ids(one).Count.ShouldBe(1);
        QueryOf(one["next"]!.GetValue<string>())["limit"].ToString().ShouldBe("1");

        var (_, most) = await oscar.GetJson("/api/items?limit=500");
        Ids(most).Count.ShouldBe(all);
        most["next"].ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("2.5")]
    [InlineData("1e2")]
    [InlineData("%205")]
    [InlineData("99999999999")]
    public async Task A_page_size_out_of_bounds_or_not_a_number_is_a_400_naming_limit(string limit)
    {
        using var oscar = app.Api(app.Oscar);

        using var response = await oscar.GetAsync($"/api/items?limit={limit}");

        ((int)response.StatusCode).ShouldBe(400);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["detail"]!.GetValue<string>().ShouldContain("'limit' must be a whole number from 1 to 500");
    }

    [Fact]
    public async Task Cursors_this_server_did_not_issue_for_this_sort_and_unknown_sorts_are_400s_naming_the_parameter()
    {
        using var oscar = app.Api(app.Oscar);
        var (_, oldest) = await oscar.GetJson("/api/items?limit=3");
        string cursor = QueryOf(oldest["next"]!.GetValue<string>())["after"].ToString();

        (await Detail(oscar, "/api/items?after=not-a-cursor")).ShouldContain("'after' is not a cursor");
        (await Detail(oscar, "/api/items?before=bm90fGEgY3Vyc29y")).ShouldContain("'before' is not a cursor");
        (await Detail(oscar, "/api/items?after=" + new string('A', 400))).ShouldContain("'after' is not a cursor");
        (await Detail(oscar, $"/api/items?sort=newest&after={cursor}")).ShouldContain("'after' belongs to sort=oldest");
        (await Detail(oscar, $"/api/items?after={cursor}&before={cursor}")).ShouldContain("not both");
        (await Detail(oscar, "/api/items?sort=sideways")).ShouldContain("'sort' must be oldest or newest");
        (await oscar.GetJson($"/api/items?after={cursor}")).Status.ShouldBe(200);
    }

    [Theory]
    [InlineData("oldest")]
    [InlineData("newest")]
    public async Task A_cursor_neither_repeats_nor_skips_an_item_when_drafts_arrive_between_pages(string sort)
    {
        using var queue = new ReviewAppFactory();
        var existing = new List<ReviewItem>();
        for (int i = 0; i < 23; i++)
        {
            existing.Add(queue.Submit($"{Drafts.Clean}\n编号 {i}\n"));
            if (i % 4 == 3)
            {
                queue.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        using var lily = queue.Api(queue.Lily);
        var seen = new List<long>();
        string? next = $"/api/items?sort={sort}&limit=5";
        for (int round = 0; next != null && round < 50; round++)
        {
            var (status, page) = await lily.GetJson(next);
            status.ShouldBe(200);
            seen.AddRange(Ids(page));
            next = page["next"]?.GetValue<string>();

            // Two drafts per page, the first ones at the same instant as the newest existing items (a tie on time).
            queue.Submit($"{Drafts.Clean}\n新稿 {round}a\n", queue.Carol);
            queue.Submit($"{Drafts.Clean}\n新稿 {round}b\n", queue.Carol);
            queue.Clock.Advance(TimeSpan.FromSeconds(round % 2));
        }

        var existingIds = existing.Select(i => i.Id).ToHashSet();
        var inOrder = sort == "newest" ? existing.AsEnumerable().Reverse() : existing;
        seen.Where(existingIds.Contains).ShouldBe(inOrder.Select(i => i.Id));
        seen.ShouldBeUnique();
        next.ShouldBeNull();
    }

    private static async Task<string> Detail(HttpClient client, string path)
    {
        var (status, problem) = await client.GetJson(path);
        status.ShouldBe(400, problem.ToJsonString());
        return problem["detail"]!.GetValue<string>();
    }

    private static List<long> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())];

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> QueryOf(string url) => QueryHelpers.ParseQuery(new Uri(url).Query);

    /// <summary>
    /// A queue of 137 items across stages, products, channels, authors and rule categories. Items enter their stage in
    /// runs sharing one instant, and some move on to operations later, so the queue's order is neither the ids' order
    /// nor free of ties.
    /// </summary>
    public sealed class Fixture : ReviewAppFactory
    {
        private readonly List<long> _ids = [];

        public Fixture()
        {
            string[] drafts = [Drafts.Clean, Drafts.Flawed, Drafts.TwoErrors, Drafts.Clean];
            string[] products = ["fund", "insurance", "general"];
            for (int i = 0; i < 137; i++)
            {
                var author = i % 3 == 0 ? Carol : Alice;
                var item = Reviews.Submit(author.User, new NewItem(
                    $"{drafts[i % 4]}\n编号 {i}\n", $"d{i}.md", $"稿件 {i}", products[i % 3], i % 2 == 0 ? "wechat-article" : "sms"));
                _ids.Add(item.Id);
                if (i % 5 == 4)
                {
                    Clock.Advance(TimeSpan.FromMinutes(7));
                }
            }

            foreach (long id in _ids.Where(id => id % 3 == 0))
            {
                var item = Reviews.Get(id);
                if (item.State == ItemState.InReview(Stage.Legal))
                {
                    Reviews.Decide(Lily.User, id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, item.Current.Sha256, null));
                    Clock.Advance(TimeSpan.FromSeconds(1));
                }
            }
        }

        /// <summary>The ids <paramref name="filter"/> matches in sort order, worked out from the items themselves.</summary>
        public List<long> Expected(string filter, bool newestFirst)
        {
            var conditions = QueryHelpers.ParseQuery(filter).Select(p => (p.Key, Value: p.Value.ToString())).ToList();
            var items = _ids.Select(id => Reviews.Get(id)).Where(item => conditions.All(c => Matches(item, c.Key, c.Value)));
            var ordered = newestFirst
                ? items.OrderByDescending(i => i.Header.StageEnteredAt).ThenByDescending(i => i.Id)
                : items.OrderBy(i => i.Header.StageEnteredAt).ThenBy(i => i.Id);
            return [.. ordered.Select(i => i.Id)];
        }

        private static bool Matches(ReviewItem item, string key, string value) => key switch
        {
            "stage" => item.State.Stage is { } stage && Stages.Name(stage) == value,
            "state" => item.State.Name == value,
            "product" => item.Header.Product == value,
            "channel" => item.Header.Channel == value,
            "author" => string.Equals(item.Header.Author, value, StringComparison.OrdinalIgnoreCase),
            "category" => item.Current.ActiveFindings.Any(f => f.Category == value),
            _ => throw new ArgumentException("no such filter: " + key, nameof(key)),
        };
    }
}
