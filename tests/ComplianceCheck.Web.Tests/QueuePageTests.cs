using System.Net;
using System.Text.RegularExpressions;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Web.Tests;

/// <summary>The queue page shows 50 items at a time, with next and previous links that keep the filters.</summary>
public sealed partial class QueuePageTests(QueuePageTests.Fixture app) : IClassFixture<QueuePageTests.Fixture>
{
    private const string HostileTitle = "<script>alert(1)</script>\"&'<b>";

    [Fact]
    public async Task My_tasks_come_fifty_to_a_page_and_next_and_previous_walk_every_item_once()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        string first = await lily.Client.GetStringAsync("/?view=mine");
        Rows(first).Count.ShouldBe(50);
        first.ShouldContain("50 of 57 item(s)");
        first.ShouldNotContain("id=\"page-previous\"");

        string second = await lily.Client.GetStringAsync(Link(first, "page-next"));
        Rows(second).Count.ShouldBe(7);
        second.ShouldContain("7 of 57 item(s)");
        second.ShouldNotContain("id=\"page-next\"");
        Rows(first).Concat(Rows(second)).ShouldBe(app.Ids);

        string back = await lily.Client.GetStringAsync(Link(second, "page-previous"));
        Rows(back).ShouldBe(Rows(first));
        back.ShouldNotContain("id=\"page-previous\"");
    }

    [Fact]
    public async Task The_page_links_keep_the_view_filters_and_sort_and_text_stays_escaped()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        string newest = await lily.Client.GetStringAsync("/?view=all&state=in-review%3Alegal&product=general&sort=newest");
        string next = Link(newest, "page-next");
        string older = await lily.Client.GetStringAsync(next);

        next.ShouldStartWith("/?view=all&state=in-review%3Alegal&product=general&sort=newest&after=");
        Rows(newest).Concat(Rows(older)).ShouldBe(app.Ids.AsEnumerable().Reverse());
        older.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#x27;&lt;b&gt;");
        older.ShouldNotContain(HostileTitle);
        newest.ShouldContain("href=\"/?view=all&amp;state=in-review%3Alegal&amp;product=general&amp;sort=newest&amp;after=");
    }

    [Fact]
    public async Task A_cursor_the_server_did_not_issue_is_refused()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        using var response = await lily.Client.GetAsync("/?view=all&after=%3Cscript%3E");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("'after' is not a cursor");
    }

    private static List<long> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static string Link(string html, string id)
    {
        var match = Regex.Match(html, $"href=\"([^\"]*)\" id=\"{id}\"");
        match.Success.ShouldBeTrue($"no #{id} link on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<tr data-item=\"(\\d+)\"")]
    private static partial Regex RowPattern();

    /// <summary>57 clean drafts waiting for legal, in pairs sharing an instant; one on the second page newest-first has a hostile title.</summary>
    public sealed class Fixture : ReviewAppFactory
    {
        public Fixture()
        {
            for (int i = 0; i < 57; i++)
            {
                var item = Reviews.Submit(Alice.User, new NewItem(
                    $"{Drafts.Clean}\n第 {i} 篇\n", $"d{i}.md", i == 3 ? HostileTitle : $"读书会 {i}", "general", "web"));
                Ids.Add(item.Id);
                Clock.Advance(TimeSpan.FromMinutes(i % 2));
            }
        }

        public List<long> Ids { get; } = [];
    }
}
