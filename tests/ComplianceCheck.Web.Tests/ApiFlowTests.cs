using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ComplianceCheck.Review.Tests;

namespace ComplianceCheck.Web.Tests;

/// <summary>The whole review over HTTP, as the CLI and CI use it.</summary>
public sealed class ApiFlowTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task A_flawed_draft_goes_through_all_three_stages_and_its_exact_content_is_then_approved()
    {
        using var alice = app.Api(app.Alice);
        using var lily = app.Api(app.Lily);
        using var oscar = app.Api(app.Oscar);

        var (status, item) = await alice.PostJson("/api/items", new { content = Drafts.Flawed, fileName = "wechat-post.md", title = "稳健理财推文", channel = "wechat-article" });
        status.ShouldBe(201);
        item["state"]!.GetValue<string>().ShouldBe("draft");
        item["stage"]!.GetValue<string>().ShouldBe("creative");
        item["author"]!.GetValue<string>().ShouldBe("alice");
        var version = item["versions"]![0]!;
        version["number"]!.GetValue<int>().ShouldBe(1);
        string sha = version["sha256"]!.GetValue<string>();
        sha.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Drafts.Flawed))));
        var findings = version["findings"]!.AsArray();
        findings.Select(f => f!["ruleId"]!.GetValue<string>()).ShouldContain("ZH-GUA-001");
        findings[0]!.AsObject().Select(p => p.Key).Take(6).ShouldBe(["ruleId", "category", "severity", "message", "line", "column"]);
        long id = item["id"]!.GetValue<long>();

        // The author's pass: fix the draft in a new version, then give each remaining finding a disposition.
        (status, item) = await alice.PostJson($"/api/items/{id}/versions", new { content = Drafts.TwoErrors, baseSha256 = sha });
        status.ShouldBe(201);
        sha = Sha(item);
        foreach (int index in Indexes(item))
        {
            (status, _) = await alice.PostJson($"/api/items/{id}/dispositions", new { contentHash = sha, finding = index, disposition = "confirmed" });
            status.ShouldBe(200);
        }

        (status, item) = await alice.PostJson($"/api/items/{id}/decisions", new { stage = "creative", decision = "approve", contentHash = sha });
        status.ShouldBe(200);
        item["state"]!.GetValue<string>().ShouldBe("in-review:legal");

        // Legal must judge each error itself before approving.
        (status, var blocked) = await lily.PostJson($"/api/items/{id}/decisions", new { stage = "legal", decision = "approve", contentHash = sha });
        status.ShouldBe(409);
        blocked["detail"]!.GetValue<string>().ShouldContain("no legal disposition");
        foreach (int index in Indexes(item))
        {
            (status, _) = await lily.PostJson($"/api/items/{id}/dispositions", new { contentHash = sha, finding = index, disposition = "dismissed", reason = "引用的是监管原文" });
            status.ShouldBe(200);
        }

        (status, item) = await lily.PostJson($"/api/items/{id}/decisions", new { stage = "legal", decision = "approve", contentHash = sha, comment = "同意" });
        status.ShouldBe(200);
        item["state"]!.GetValue<string>().ShouldBe("in-review:operations");

        (await Approved(lily, sha)).ShouldBeFalse();

        (status, item) = await oscar.PostJson($"/api/items/{id}/decisions", new { stage = "operations", decision = "approve", contentHash = sha });
        status.ShouldBe(200);
        item["state"]!.GetValue<string>().ShouldBe("approved");

        var (_, approval) = await oscar.GetJson($"/api/approvals/{sha}");
        approval["approved"]!.GetValue<bool>().ShouldBeTrue();
        var by = approval["approvals"]![0]!["approvedBy"]!.AsArray().Select(a => $"{a!["stage"]}:{a["user"]}").ToList();
        by.ShouldBe(["creative:alice", "legal:lily", "operations:oscar"]);

        // Any change to the text voids the approval.
        (status, item) = await alice.PostJson($"/api/items/{id}/versions", new { content = Drafts.TwoErrors + "\n", baseSha256 = sha });
        status.ShouldBe(201);
        item["state"]!.GetValue<string>().ShouldBe("draft");
        (await Approved(alice, sha)).ShouldBeFalse();
        item["decisions"]!.AsArray().Where(d => d!["decision"]!.GetValue<string>() == "approve").ShouldAllBe(d => d!["voidedByVersion"]!.GetValue<int>() == 3);

        var (_, audit) = await oscar.GetJson($"/api/items/{id}/audit");
        audit["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ShouldContain("decision");
        audit["events"]!.AsArray().Last()!["action"]!.GetValue<string>().ShouldBe("version-submitted");

        var (_, dismissals) = await lily.GetJson("/api/dismissals");
        dismissals["dismissals"]!.AsArray().Select(d => d!["reason"]!.GetValue<string>()).ShouldContain("引用的是监管原文");
    }

    [Fact]
    public async Task The_author_cannot_approve_at_legal()
    {
        var item = app.Submit(Drafts.Clean);
        using var alice = app.Api(app.Alice);

        var (status, problem) = await alice.PostJson($"/api/items/{item.Id}/decisions", new { stage = "legal", decision = "approve", contentHash = item.Current.Sha256 });

        status.ShouldBe(403);
        problem["detail"]!.GetValue<string>().ShouldContain("separation of duties");
    }

    [Fact]
    public async Task A_wrong_role_gets_403_and_a_stage_that_is_not_current_gets_409()
    {
        var item = app.Submit(Drafts.Clean);
        using var oscar = app.Api(app.Oscar);

        (await oscar.PostJson($"/api/items/{item.Id}/decisions", new { stage = "legal", decision = "approve", contentHash = item.Current.Sha256 })).Status.ShouldBe(403);
        (await oscar.PostJson($"/api/items/{item.Id}/decisions", new { stage = "operations", decision = "approve", contentHash = item.Current.Sha256 })).Status.ShouldBe(409);
        using var lily = app.Api(app.Lily);
        (await lily.PostJson("/api/items", new { content = Drafts.Clean, fileName = "a.md" })).Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_stale_hash_gets_409_with_problem_details()
    {
        var item = app.Submit(Drafts.TwoErrors);
        string stale = item.Current.Sha256;
        app.Reviews.AddVersion(app.Alice.User, item.Id, Drafts.Clean);
        using var lily = app.Api(app.Lily);

        using var response = await lily.PostAsync($"/api/items/{item.Id}/decisions",
            new StringContent($$"""{"stage":"legal","decision":"approve","contentHash":"{{stale}}"}""", Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).ShouldBe(409);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().ShouldBe(409);
        problem["title"]!.GetValue<string>().ShouldBe("Conflict");
        problem["detail"]!.GetValue<string>().ShouldContain("is version 1");
    }

    [Fact]
    public async Task Malformed_requests_get_400_and_unknown_items_404()
    {
        using var alice = app.Api(app.Alice);

        using (var response = await alice.PostAsync("/api/items", new StringContent("{not json", Encoding.UTF8, "application/json")))
        {
            ((int)response.StatusCode).ShouldBe(400);
        }

        (await alice.PostJson("/api/items", new { fileName = "a.md" })).Body["detail"]!.GetValue<string>().ShouldContain("'content' is required");
        (await alice.PostJson("/api/items", new { content = "x", fileName = "a.md", product = "crypto" })).Status.ShouldBe(400);
        (await alice.GetJson("/api/items/999999")).Status.ShouldBe(404);
        (await alice.GetJson("/api/approvals/not-a-hash")).Status.ShouldBe(400);
        (await alice.GetJson("/api/items?state=nonsense")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task The_item_list_filters_by_state_and_stage()
    {
        var clean = app.Submit(Drafts.Clean);
        var flawed = app.Submit(Drafts.Flawed);
        using var lily = app.Api(app.Lily);

        var (_, atLegal) = await lily.GetJson("/api/items?stage=legal");
        var (_, drafts) = await lily.GetJson("/api/items?state=draft");

        Ids(atLegal).ShouldContain(clean.Id);
        Ids(atLegal).ShouldNotContain(flawed.Id);
        Ids(drafts).ShouldContain(flawed.Id);
        Ids(drafts).ShouldNotContain(clean.Id);
    }

    private static IEnumerable<long> Ids(JsonObject list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>());

    private static string Sha(JsonObject item) => item["versions"]!.AsArray().Last()!["sha256"]!.GetValue<string>();

    private static List<int> Indexes(JsonObject item) =>
        [.. item["versions"]!.AsArray().Last()!["findings"]!.AsArray().Select(f => f!["index"]!.GetValue<int>())];

    private static async Task<bool> Approved(HttpClient client, string sha) => (await client.GetJson($"/api/approvals/{sha}")).Body["approved"]!.GetValue<bool>();
}
