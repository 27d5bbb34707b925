using System.Collections.Concurrent;
using ComplianceCheck.Review.Tests;

namespace ComplianceCheck.Web.Tests;

public sealed class ApiConcurrencyTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task Fifty_parallel_decisions_and_new_versions_from_several_clients_record_one_decision_per_stage_and_version()
    {
        var item = app.Submit(Drafts.Clean);
        string hash = item.Current.Sha256;
        HttpClient[] legal = [app.Api(app.Lily), app.Api(app.Leo)];
        HttpClient[] creative = [app.Api(app.Alice), app.Api(app.Carol)];
        HttpClient operations = app.Api(app.Oscar);
        var statuses = new ConcurrentBag<(string Kind, int Status)>();

        // Everyone acts on what they saw (version 1 at legal): approvals, approvals by operations (wrong stage),
        // and new versions based on version 1. Only the first of the legal approval or the new version can win.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Yield();
            var (kind, request) = (i % 5) switch
            {
                0 or 1 or 2 => ("legal", legal[i % 2].PostJson($"/api/items/{item.Id}/decisions", new { stage = "legal", decision = "approve", contentHash = hash })),
                3 => ("version", creative[i % 2].PostJson($"/api/items/{item.Id}/versions", new { content = $"{Drafts.Clean}\n补充{i}\n", baseSha256 = hash })),
                _ => ("operations", operations.PostJson($"/api/items/{item.Id}/decisions", new { stage = "operations", decision = "approve", contentHash = hash })),
            };
            statuses.Add((kind, (await request).Status));
        }));

        var stored = app.Store.GetItem(item.Id)!;
        statuses.Where(s => s.Status is not (200 or 201)).ShouldAllBe(s => s.Status == 409);
        stored.Decisions.GroupBy(d => (d.Version, d.Stage)).ShouldAllBe(g => g.Count() == 1);
        int wins = statuses.Count(s => s.Status is 200 or 201);
        wins.ShouldBe(stored.Decisions.Count + stored.Versions.Count - 1);
        wins.ShouldBeInRange(1, 3);
        app.Store.VerifyAudit().IsIntact.ShouldBeTrue();
        foreach (var client in legal.Concat(creative).Append(operations))
        {
            client.Dispose();
        }
    }
}
