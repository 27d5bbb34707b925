using System.Security.Cryptography;
using System.Text;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Workflow;

namespace ComplianceCheck.Review.Tests;

public sealed class WorkflowTests : IDisposable
{
    private readonly ReviewHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_submitted_draft_keeps_its_exact_content_hash_and_the_checkers_findings()
    {
        var item = _h.Submit(Drafts.Flawed);

        var version = item.Current;
        version.Content.ShouldBe(Drafts.Flawed);
        version.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Drafts.Flawed))));
        version.Findings.Select(f => f.RuleId).ShouldContain("ZH-GUA-001");
        version.Findings.Single(f => f.RuleId == "ZH-GUA-001").Match.ShouldBe("保本");
        version.RulesFingerprint.ShouldBe(_h.Checker.RulesFingerprint);
        version.ModelFingerprint.ShouldBeNull();
        item.State.ShouldBe(ItemState.Draft);
        item.Author.ShouldBe("alice");
    }

    [Fact]
    public void Finding_offsets_point_at_the_matched_text_in_the_stored_content()
    {
        var version = _h.Submit(Drafts.Flawed).Current;

        foreach (var f in version.Findings.Where(f => !f.IsMissingStatement))
        {
            version.Content[f.StartOffset..f.EndOffset].ShouldBe(f.Match);
        }
    }

    [Fact]
    public void A_clean_draft_skips_the_authors_pass_but_still_goes_to_legal_by_default()
    {
        _h.Submit(Drafts.Clean).State.ShouldBe(ItemState.InReview(Stage.Legal));
    }

    [Fact]
    public void With_the_policy_on_a_clean_draft_goes_straight_to_operations_but_still_needs_its_sign_off()
    {
        using var h = new ReviewHarness(new ReviewPolicy { CleanDraftsSkipLegal = true });
        var item = h.Submit(Drafts.Clean);

        item.State.ShouldBe(ItemState.InReview(Stage.Operations));
        h.Service.ApprovalOf(item.Current.Sha256).IsApproved.ShouldBeFalse();
        h.Decide(item, h.Oscar, Stage.Operations).State.ShouldBe(ItemState.Approved);
    }

    [Fact]
    public void The_author_cannot_pass_a_draft_on_until_every_finding_has_a_disposition()
    {
        var item = _h.Submit(Drafts.TwoErrors);
        var first = item.Current.ActiveFindings.First();
        item = _h.Service.Dispose(_h.Alice, item.Id, new DispositionRequest(item.Current.Sha256, first.Index, DispositionKind.Confirmed, null));

        var refused = Should.Throw<ReviewException>(() => _h.Decide(item, _h.Alice, Stage.Creative));
        refused.Error.ShouldBe(ReviewError.Conflict);
        refused.Message.ShouldContain("1 finding(s) have no creative disposition");

        item = _h.DisposeAll(item, _h.Alice);
        _h.Decide(item, _h.Alice, Stage.Creative).State.ShouldBe(ItemState.InReview(Stage.Legal));
    }

    [Fact]
    public void A_dismissal_needs_a_reason()
    {
        var item = _h.Submit(Drafts.TwoErrors);

        var refused = Should.Throw<ReviewException>(() =>
            _h.Service.Dispose(_h.Alice, item.Id, new DispositionRequest(item.Current.Sha256, 0, DispositionKind.Dismissed, "  ")));

        refused.Error.ShouldBe(ReviewError.Invalid);
        _h.Store.GetItem(item.Id)!.Dispositions.ShouldBeEmpty();
    }

    [Fact]
    public void An_error_finding_without_a_legal_disposition_blocks_legal_approval_even_if_the_author_disposed_it()
    {
        var item = _h.DisposeAll(_h.Submit(Drafts.TwoErrors), _h.Alice);
        item = _h.Decide(item, _h.Alice, Stage.Creative);

        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Lily, Stage.Legal)).Error.ShouldBe(ReviewError.Conflict);

        item = _h.DisposeAll(item, _h.Lily, DispositionKind.Dismissed, errorsOnly: true);
        _h.Decide(item, _h.Lily, Stage.Legal).State.ShouldBe(ItemState.InReview(Stage.Operations));
    }

    [Fact]
    public void Three_approvals_make_the_exact_content_approved()
    {
        var item = _h.ApproveFully(Drafts.Flawed);

        item.State.ShouldBe(ItemState.Approved);
        var status = _h.Service.ApprovalOf(item.Current.Sha256);
        status.IsApproved.ShouldBeTrue();
        status.ApprovedIn.Single().Id.ShouldBe(item.Id);
        _h.Service.ApprovalOf(ContentHash.Of(Drafts.Flawed + " ")).IsApproved.ShouldBeFalse();
    }

    [Fact]
    public void A_new_version_voids_earlier_approvals_and_returns_to_the_creative_stage()
    {
        var approved = _h.ApproveFully(Drafts.Flawed);
        string oldHash = approved.Current.Sha256;

        var item = _h.Service.AddVersion(_h.Alice, approved.Id, Drafts.TwoErrors);

        item.State.ShouldBe(ItemState.Draft);
        item.Current.Number.ShouldBe(2);
        item.Decisions.Where(d => DecisionKinds.IsApproval(d.Kind)).ShouldAllBe(d => d.VoidedByVersion == 2);
        _h.Service.ApprovalOf(oldHash).IsApproved.ShouldBeFalse();
        _h.Service.ApprovalOf(item.Current.Sha256).IsApproved.ShouldBeFalse();
    }

    [Fact]
    public void The_author_can_never_decide_at_legal_or_operations()
    {
        var item = _h.Submit(Drafts.Clean);

        var refused = Should.Throw<ReviewException>(() => _h.Decide(item, _h.Alice, Stage.Legal));
        refused.Error.ShouldBe(ReviewError.Forbidden);
        refused.Message.ShouldContain("separation of duties");
        Should.Throw<ReviewException>(() => _h.Service.Dispose(_h.Alice, item.Id, new DispositionRequest(item.Current.Sha256, 0, DispositionKind.Confirmed, null)))
            .Error.ShouldBe(ReviewError.Forbidden);
    }

    [Fact]
    public void A_version_submitter_counts_as_an_author_too()
    {
        var item = _h.Submit(Drafts.TwoErrors);
        item = _h.Service.AddVersion(_h.Carol, item.Id, Drafts.Clean);
        item.State.ShouldBe(ItemState.InReview(Stage.Legal));

        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Carol, Stage.Legal)).Message.ShouldContain("separation of duties");
    }

    [Fact]
    public void Each_stage_can_only_be_decided_by_its_role()
    {
        var item = _h.Submit(Drafts.Clean);

        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Oscar, Stage.Legal)).Error.ShouldBe(ReviewError.Forbidden);
        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Adam, Stage.Legal)).Error.ShouldBe(ReviewError.Forbidden);
        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Carol, Stage.Legal)).Error.ShouldBe(ReviewError.Forbidden);

        // Right role, wrong moment: operations cannot decide before legal has.
        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Oscar, Stage.Operations)).Error.ShouldBe(ReviewError.Conflict);
        _h.Store.GetItem(item.Id)!.Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_decision_on_a_stale_or_unknown_hash_is_a_conflict_and_a_malformed_one_is_invalid()
    {
        var item = _h.Submit(Drafts.TwoErrors);
        string firstHash = item.Current.Sha256;
        item = _h.Service.AddVersion(_h.Alice, item.Id, Drafts.Clean);

        var stale = Should.Throw<ReviewException>(() => _h.Service.Decide(_h.Lily, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, firstHash, null)));
        stale.Error.ShouldBe(ReviewError.Conflict);
        stale.Message.ShouldContain("version 1");

        Should.Throw<ReviewException>(() => _h.Service.Decide(_h.Lily, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, new string('a', 64), null)))
            .Error.ShouldBe(ReviewError.Conflict);
        Should.Throw<ReviewException>(() => _h.Service.Decide(_h.Lily, item.Id, new DecisionRequest(Stage.Legal, DecisionKind.Approve, "ABC", null)))
            .Error.ShouldBe(ReviewError.Invalid);
    }

    [Fact]
    public void Approve_with_changes_is_legal_only_needs_the_edits_and_sends_the_draft_back()
    {
        var item = _h.Submit(Drafts.Clean);

        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Lily, Stage.Legal, DecisionKind.ApproveWithChanges)).Error.ShouldBe(ReviewError.Invalid);
        item = _h.Decide(item, _h.Lily, Stage.Legal, DecisionKind.ApproveWithChanges, "把“欢迎报名”改为“报名请咨询网点”");
        item.State.ShouldBe(ItemState.ChangesRequested);

        item = _h.Service.AddVersion(_h.Alice, item.Id, Drafts.Clean.Replace("欢迎报名参加", "报名请咨询网点", StringComparison.Ordinal));
        item = _h.Decide(item, _h.Leo, Stage.Legal);
        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Oscar, Stage.Operations, DecisionKind.ApproveWithChanges, "x")).Error.ShouldBe(ReviewError.Invalid);
    }

    [Fact]
    public void After_changes_are_requested_only_a_new_version_moves_the_draft_on()
    {
        var item = _h.Submit(Drafts.Clean);
        item = _h.Decide(item, _h.Lily, Stage.Legal, DecisionKind.RequestChanges, "太笼统");
        item.State.ShouldBe(ItemState.ChangesRequested);

        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Alice, Stage.Creative)).Message.ShouldContain("submit a new version");
        Should.Throw<ReviewException>(() => _h.Service.AddVersion(_h.Alice, item.Id, Drafts.Clean)).Message.ShouldContain("identical");
        _h.Service.AddVersion(_h.Alice, item.Id, Drafts.Clean + "\n地点：城市图书馆三楼。\n").State.ShouldBe(ItemState.InReview(Stage.Legal));
    }

    [Fact]
    public void A_rejected_item_is_closed()
    {
        var item = _h.Decide(_h.Submit(Drafts.Clean), _h.Lily, Stage.Legal, DecisionKind.Reject, "与活动无关");

        item.State.ShouldBe(ItemState.Rejected);
        Should.Throw<ReviewException>(() => _h.Decide(item, _h.Oscar, Stage.Operations)).Error.ShouldBe(ReviewError.Conflict);
        Should.Throw<ReviewException>(() => _h.Service.AddVersion(_h.Alice, item.Id, Drafts.TwoErrors)).Error.ShouldBe(ReviewError.Conflict);
    }

    [Fact]
    public void Only_creative_users_submit_and_drafts_over_the_limit_are_too_large()
    {
        Should.Throw<ReviewException>(() => _h.Submit(Drafts.Clean, _h.Lily)).Error.ShouldBe(ReviewError.Forbidden);

        using var small = new ReviewHarness(new ReviewPolicy { MaxDraftBytes = 100 });
        var refused = Should.Throw<ReviewException>(() => small.Submit(new string('保', 34)));
        refused.Error.ShouldBe(ReviewError.TooLarge);
        refused.Message.ShouldContain("102 bytes");
        small.Store.ListItems(new Storage.ItemQuery()).ShouldBeEmpty();
    }

    [Fact]
    public void A_stage_change_restarts_the_sla_clock_but_a_comment_does_not()
    {
        var item = _h.Submit(Drafts.Clean);
        var entered = item.Header.StageEnteredAt;

        _h.Clock.Advance(TimeSpan.FromHours(3));
        item = _h.Service.Comment(_h.Oscar, item.Id, "周六人手够吗？");
        item.Header.StageEnteredAt.ShouldBe(entered);

        _h.Clock.Advance(TimeSpan.FromHours(1));
        item = _h.Decide(item, _h.Lily, Stage.Legal);
        item.Header.StageEnteredAt.ShouldBe(entered + TimeSpan.FromHours(4));
        item.Comments.Single().Text.ShouldBe("周六人手够吗？");
    }

    [Fact]
    public void Unknown_products_and_channels_are_refused()
    {
        Should.Throw<ReviewException>(() => _h.Service.Submit(_h.Alice, new NewItem(Drafts.Clean, "a.md", Product: "crypto"))).Error.ShouldBe(ReviewError.Invalid);
        Should.Throw<ReviewException>(() => _h.Service.Submit(_h.Alice, new NewItem(Drafts.Clean, "a.md", Channel: "billboard"))).Error.ShouldBe(ReviewError.Invalid);
    }

    [Fact]
    public void The_file_name_loses_any_folder_and_the_title_defaults_to_the_first_line()
    {
        var item = _h.Service.Submit(_h.Alice, new NewItem(Drafts.Clean, "../../secret/dir/活动.md"));

        item.Header.FileName.ShouldBe("活动.md");
        item.Header.Title.ShouldBe("周末读书会");
    }
}
