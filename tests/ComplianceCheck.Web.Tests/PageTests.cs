using System.Net;
using System.Text;
using ComplianceCheck.Review.Tests;

namespace ComplianceCheck.Web.Tests;

/// <summary>The server-rendered pages, in process: uploads, role-gated pages and the queue's task view.</summary>
public sealed class PageTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task An_uploaded_gbk_text_file_is_decoded_like_the_command_line_does()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var alice = await BrowserSession.SignIn(app, app.Alice);
        string token = await alice.AntiforgeryToken("/items/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.GetEncoding("GB18030").GetBytes(Drafts.TwoErrors)), "Upload", "海报.txt" },
        };

        using var response = await alice.Client.PostAsync("/items/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        long id = long.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var item = app.Reviews.Get(id);
        item.Current.Content.ShouldBe(Drafts.TwoErrors);
        item.Header.FileName.ShouldBe("海报.txt");
        item.Current.Findings.Select(f => f.RuleId).ShouldBe(["ZH-GUA-001", "ZH-ABS-004"]);
    }

    [Fact]
    public async Task Only_draft_files_can_be_uploaded()
    {
        using var alice = await BrowserSession.SignIn(app, app.Alice);
        string token = await alice.AntiforgeryToken("/items/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "Upload", "tool.exe" },
        };

        using var response = await alice.Client.PostAsync("/items/new", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("&#x27;tool.exe&#x27; is not one");
    }

    [Fact]
    public async Task Only_creative_users_get_the_new_draft_page()
    {
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        using var response = await lily.Client.GetAsync("/items/new");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/forbidden");
        (await lily.Client.GetAsync("/forbidden")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task My_tasks_shows_a_reviewer_only_what_waits_at_their_stage()
    {
        var atLegal = app.Submit(Drafts.Unique(Drafts.Clean));
        var atCreative = app.Submit(Drafts.Unique(Drafts.TwoErrors));
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        string mine = await lily.Client.GetStringAsync("/?view=mine");
        string all = await lily.Client.GetStringAsync("/?view=all&state=draft");

        mine.ShouldContain($"data-item=\"{atLegal.Id}\"");
        mine.ShouldNotContain($"data-item=\"{atCreative.Id}\"");
        all.ShouldContain($"data-item=\"{atCreative.Id}\"");
        all.ShouldNotContain($"data-item=\"{atLegal.Id}\"");
    }

    [Fact]
    public async Task An_item_shows_how_long_it_has_waited_and_flags_it_overdue_past_the_sla()
    {
        var item = app.Submit(Drafts.Unique(Drafts.Clean));
        app.Clock.Advance(TimeSpan.FromHours(30));
        using var lily = await BrowserSession.SignIn(app, app.Lily);

        string html = await lily.Client.GetStringAsync("/?view=mine&sort=newest");

        html.ShouldContain("1 d 6 h overdue");
        app.Store.GetItem(item.Id)!.Header.State.Name.ShouldBe("in-review:legal");
    }
}
