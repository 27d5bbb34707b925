using System.Text.Json.Nodes;
using ComplianceCheck.Review.Tests;
using Microsoft.Playwright;

namespace ComplianceCheck.Web.Tests;

/// <summary>What reviewers do, in a real Chromium against the real server process.</summary>
public sealed class BrowserTests(BrowserFixture ui) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Legal_dismisses_a_finding_and_approves_then_operations_signs_off()
    {
        var (id, sha) = await PassedOnToLegal(Drafts.TwoErrors);

        var page = await ui.SignedIn(ui.Lily);
        await page.Locator($"#queue tr[data-item='{id}'] a").ClickAsync();
        (await page.Locator("#item-state").InnerTextAsync()).ShouldBe("in-review:legal");
        var highlight = page.Locator("#draft mark.sev-error").First;
        (await highlight.InnerTextAsync()).ShouldBe("保本");
        (await highlight.EvaluateAsync<string>("m => getComputedStyle(m).backgroundColor")).ShouldNotBe("rgba(0, 0, 0, 0)");
        (await page.Locator("#finding-0 .rule").InnerTextAsync()).ShouldBe("ZH-GUA-001");
        (await page.Locator("#finding-0").InnerTextAsync()).ShouldContain("广告法");
        await BrowserFixture.Shot(page, "1-legal-item-flagged");

        await DisposeFinding(page, 0, "dismissed", "引用的是监管原文，不是我方承诺");
        (await page.Locator("#notice").InnerTextAsync()).ShouldContain("Finding #0 marked dismissed");
        (await page.Locator("#finding-0 .disposition[data-stage=legal]").InnerTextAsync()).ShouldContain("dismissed by lily: 引用的是监管原文");

        // One error is still undecided: approval is refused with the reason on the page.
        await Decide(page, "approve");
        (await page.Locator("#error").InnerTextAsync()).ShouldContain("1 error finding(s) have no legal disposition");
        await BrowserFixture.Shot(page, "2-legal-approval-blocked");

        await DisposeFinding(page, 1, "not-required", "“最安全”指存款保险，已核实");
        await Decide(page, "approve", "同意发布");
        (await page.Locator("#item-state").InnerTextAsync()).ShouldBe("in-review:operations");
        await BrowserFixture.Shot(page, "3-legal-approved");
        await page.Context.CloseAsync();

        var ops = await ui.SignedIn(ui.Oscar);
        await ops.GotoAsync($"{ui.Server.Url}/items/{id}");
        await Decide(ops, "approve");
        (await ops.Locator("#item-state").InnerTextAsync()).ShouldBe("approved");
        (await ops.Locator("#decisions").InnerTextAsync()).ShouldContain("oscar");
        await BrowserFixture.Shot(ops, "4-operations-approved");
        await ops.Context.CloseAsync();

        using var api = ui.Server.Client(ui.Oscar);
        (await api.GetJson($"/api/approvals/{sha}")).Body["approved"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Scripts_event_handlers_and_javascript_urls_in_drafts_titles_comments_and_file_names_stay_inert()
    {
        const string hostile = "<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n[点我](javascript:alert(3))\n<div <b>未闭合 <a href=\"javascript:alert(4)\">链接\n";
        using var creative = ui.Server.Client(ui.Alice);
        var (_, item) = await creative.PostJson("/api/items", new
        {
            content = hostile + Drafts.TwoErrors,
            fileName = "<svg onload=alert(5)>.md",
            title = "<b onmouseover=alert(6)>活动</b><script>alert(7)</script>",
        });
        long id = item["id"]!.GetValue<long>();
        using var legal = ui.Server.Client(ui.Lily);
        await legal.PostJson($"/api/items/{id}/comments", new { text = "</textarea><script>alert(8)</script><iframe src=javascript:alert(9)>" });

        var page = await ui.SignedIn(ui.Lily);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.GotoAsync($"{ui.Server.Url}/items/{id}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#draft mark").First.HoverAsync();
        await page.Locator("#item-title").HoverAsync();

        dialogs.ShouldBeEmpty();
        (await page.EvaluateAsync<int>("document.querySelectorAll('script, iframe, img, svg').length")).ShouldBe(0);
        (await page.EvaluateAsync<int>("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length")).ShouldBe(0);
        (await page.EvaluateAsync<int>("document.querySelectorAll('a[href^=\"javascript\" i]').length")).ShouldBe(0);
        (await page.Locator("#draft").InnerTextAsync()).ShouldStartWith("<script>alert(1)</script>\n<img src=x onerror=alert(2)>");
        (await page.Locator("#item-title").InnerTextAsync()).ShouldBe("<b onmouseover=alert(6)>活动</b><script>alert(7)</script>");
        (await page.Locator("#file-name").InnerTextAsync()).ShouldBe("<svg onload=alert(5)>.md");
        (await page.Locator("#comments").InnerTextAsync()).ShouldContain("</textarea><script>alert(8)</script>");
        await BrowserFixture.Shot(page, "5-hostile-draft-inert");

        await page.GotoAsync(ui.Server.Url + "/?view=all");
        dialogs.ShouldBeEmpty();
        (await page.Locator($"#queue tr[data-item='{id}'] .title a").InnerTextAsync()).ShouldContain("<script>alert(7)</script>");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_writer_pastes_a_draft_revises_it_and_sees_the_diff_at_laptop_and_desktop_widths()
    {
        var page = await ui.SignedIn(ui.Alice, 1366, 768);
        await page.ClickAsync("#nav-new");
        await page.FillAsync("input[name=Title]", "双十一理财推文");
        await page.SelectOptionAsync("select[name=Product]", "wealth");
        await page.FillAsync("#content", Drafts.Flawed);
        await page.ClickAsync("#submit-draft");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/items/\\d+$"));
        (await page.Locator("#item-state").InnerTextAsync()).ShouldBe("draft");
        // The browser sends CRLF from the textarea; the stored draft is the LF text that was pasted, byte for byte.
        (await page.Locator("#content-hash").InnerTextAsync()).ShouldBe(Review.ContentHash.Of(Drafts.Flawed));
        (await page.Locator("#draft mark").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        (await page.Locator("#missing-statements").InnerTextAsync()).ShouldContain("风险");
        (await HorizontalOverflow(page)).ShouldBeFalse();
        await BrowserFixture.Shot(page, "6-new-item-laptop-1366");

        await page.ClickAsync("details.new-version summary");
        await page.FillAsync("textarea[name=draftText]", Drafts.Flawed.Replace("保本保收益，", string.Empty, StringComparison.Ordinal).Replace("最好的", "稳健的", StringComparison.Ordinal));
        await page.ClickAsync("details.new-version button");
        (await page.Locator("#notice").InnerTextAsync()).ShouldContain("New version submitted");
        await page.ClickAsync(".diff-link");
        (await page.Locator("#diff del").AllInnerTextsAsync()).ShouldContain("保本保收益，");
        (await page.Locator("#diff ins").AllInnerTextsAsync()).ShouldContain("稳健");
        await page.SetViewportSizeAsync(1280, 900);
        (await HorizontalOverflow(page)).ShouldBeFalse();
        await BrowserFixture.Shot(page, "7-version-diff-1280");

        await page.GotoAsync(ui.Server.Url + "/?view=all");
        (await page.Locator("#queue").InnerTextAsync()).ShouldContain("双十一理财推文");
        (await HorizontalOverflow(page)).ShouldBeFalse();
        await BrowserFixture.Shot(page, "8-queue-1280");
        await page.Context.CloseAsync();
    }

    /// <summary>Creates an item through the API and takes it through the author's pass, so it waits for legal.</summary>
    private async Task<(long Id, string Sha)> PassedOnToLegal(string draft)
    {
        using var alice = ui.Server.Client(ui.Alice);
        var (_, item) = await alice.PostJson("/api/items", new { content = draft, fileName = "poster.md", title = "存款海报文案" });
        long id = item["id"]!.GetValue<long>();
        string sha = item["contentHash"]!.GetValue<string>();
        foreach (var finding in item["versions"]![0]!["findings"]!.AsArray().OfType<JsonNode>())
        {
            await alice.PostJson($"/api/items/{id}/dispositions", new { contentHash = sha, finding = finding["index"]!.GetValue<int>(), disposition = "not-required", reason = "请法务判断" });
        }

        (await alice.PostJson($"/api/items/{id}/decisions", new { stage = "creative", decision = "approve", contentHash = sha })).Status.ShouldBe(200);
        return (id, sha);
    }

    private static async Task DisposeFinding(IPage page, int finding, string disposition, string reason)
    {
        var form = page.Locator($"#finding-{finding} form.dispose");
        await form.Locator("select[name=disposition]").SelectOptionAsync(disposition);
        await form.Locator("input[name=reason]").FillAsync(reason);
        await form.Locator("button").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static async Task Decide(IPage page, string decision, string? comment = null)
    {
        await page.Locator($"#decision-form input[value='{decision}']").CheckAsync();
        if (comment != null)
        {
            await page.Locator("#decision-form textarea[name=comment]").FillAsync(comment);
        }

        await page.ClickAsync("#decide");
        await page.WaitForLoadStateAsync();
    }

    private static Task<bool> HorizontalOverflow(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
}
