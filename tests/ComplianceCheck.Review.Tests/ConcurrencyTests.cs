using System.Collections.Concurrent;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Storage;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Review.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private const int Parallel = 50;

    private readonly ReviewHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Of_fifty_concurrent_approvals_exactly_one_wins_and_the_rest_get_a_conflict()
    {
        var item = _h.Submit(Drafts.Clean);
        User[] reviewers = [_h.Lily, _h.Leo, _h.AddUser("lena", Role.Legal), _h.AddUser("luis", Role.Legal)];

        var outcomes = await RunConcurrently(Parallel, i =>
            _h.Service.Decide(reviewers[i % reviewers.Length], item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, item.Current.Sha256, null)));

        outcomes.Count(o => o == null).ShouldBe(1);
        outcomes.Where(o => o != null).ShouldAllBe(o => o!.Value == ReviewError.Conflict);
        var stored = _h.Store.GetItem(item.Id)!;
        stored.Decisions.Count.ShouldBe(1);
        stored.State.ShouldBe(ItemState.InReview(Stage.Operations));
        _h.Store.ReadAudit(item.Id).Count(e => e.Entry.Action == "decision").ShouldBe(1);
        _h.Store.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_decisions_and_new_versions_record_at_most_one_decision_per_stage_and_version()
    {
        var item = _h.Submit(Drafts.Clean);
        string baseHash = item.Current.Sha256;

        // Half the clients approve what they saw, half submit a new version based on it: only the first of either
        // kind can succeed against that state; every other request must be refused as a conflict.
        var outcomes = await RunConcurrently(Parallel, i => i % 2 == 0
            ? _h.Service.Decide(i % 4 == 0 ? _h.Lily : _h.Leo, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, baseHash, null))
            : _h.Service.AddVersion(i % 3 == 0 ? _h.Alice : _h.Carol, item.Id, $"{Drafts.Clean}\n第{i}版补充说明。\n", baseHash));

        outcomes.Where(o => o != null).ShouldAllBe(o => o!.Value == ReviewError.Conflict);
        var stored = _h.Store.GetItem(item.Id)!;
        stored.Decisions.GroupBy(d => (d.Version, d.Stage)).ShouldAllBe(g => g.Count() == 1);
        stored.Versions.Count.ShouldBeLessThanOrEqualTo(2);
        (stored.Decisions.Count + stored.Versions.Count - 1).ShouldBeInRange(1, 2);
        outcomes.Count(o => o == null).ShouldBe(stored.Decisions.Count + stored.Versions.Count - 1);
        _h.Store.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_still_let_only_one_approval_through()
    {
        // Separate instances share no in-process lock, like the server and a second process: the database's
        // IMMEDIATE transactions alone must serialize them.
        var item = _h.Submit(Drafts.Clean);
        var otherStore = new SqliteReviewStore(_h.DatabasePath);
        var otherService = new ReviewService(otherStore, _h.Checker, ReviewPolicy.Default, _h.Clock);

        var outcomes = await RunConcurrently(20, i =>
            (i % 2 == 0 ? _h.Service : otherService).Decide(i % 4 < 2 ? _h.Lily : _h.Leo, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, item.Current.Sha256, null)));

        outcomes.Count(o => o == null).ShouldBe(1);
        _h.Store.GetItem(item.Id)!.Decisions.Count.ShouldBe(1);
        _h.Store.VerifyAudit().IsIntact.ShouldBeTrue();
    }

    /// <summary>Starts every call at once (behind a barrier) and returns null for a success or the refusal's error.</summary>
    private static async Task<ReviewError?[]> RunConcurrently(int count, Func<int, ReviewItem> call)
    {
        using var start = new Barrier(count);
        var errors = new ConcurrentDictionary<int, ReviewError?>();
        var threads = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            try
            {
                call(i);
                errors[i] = null;
            }
            catch (ReviewException ex)
            {
                errors[i] = ex.Error;
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(threads);
        return [.. Enumerable.Range(0, count).Select(i => errors[i])];
    }
}
