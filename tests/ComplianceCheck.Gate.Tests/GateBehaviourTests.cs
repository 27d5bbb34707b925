namespace ComplianceCheck.Gate.Tests;

/// <summary>--changed-since, baselines and ignore files, through the real CLI in temporary git repositories.</summary>
public sealed class GateBehaviourTests : IDisposable
{
    private const string Flawed = "# 推介\n\n这是最佳的选择。\n";

    private readonly GateRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Changed_since_scans_only_added_modified_and_renamed_files()
    {
        _repo.InitGit();
        _repo.Write("drafts/same.md", Flawed);
        _repo.Write("drafts/edited.md", "# 公告\n\n本基金投资于债券。\n");
        _repo.Write("drafts/old-name.md", "# 旧稿\n\n这是最优的方案。\n");
        _repo.Write("drafts/gone.md", Flawed);
        _repo.Commit("base");
        _repo.Git("checkout", "-q", "-b", "feature");

        _repo.Write("drafts/edited.md", "# 公告\n\n本基金投资于债券，稳赚不赔。\n");
        _repo.Git("mv", "drafts/old-name.md", "drafts/new-name.md");
        _repo.Git("rm", "-q", "drafts/gone.md");
        _repo.Write("drafts/committed-new.md", Flawed);
        _repo.Commit("feature work");
        _repo.Write("drafts/untracked.md", Flawed);
        _repo.Write("drafts/staged.md", Flawed);
        _repo.Git("add", "drafts/staged.md");

        var (r, report) = _repo.CheckJson("--changed-since", "main");
        r.ExitCode.ShouldBe(1, r.ToString());
        GateRepo.ScannedPaths(report).ShouldBe(
            ["drafts/committed-new.md", "drafts/edited.md", "drafts/new-name.md", "drafts/staged.md", "drafts/untracked.md"]);
        r.Stderr.ShouldContain("--changed-since main: 5 of 6 file(s) changed");

        // The paths given still bound the scan, and a clean result passes.
        var (only, onlyReport) = _repo.CheckJson("drafts/edited.md", "drafts/same.md", "--changed-since", "main");
        GateRepo.ScannedPaths(onlyReport).ShouldBe(["drafts/edited.md"]);
        only.ExitCode.ShouldBe(1);
        _repo.Commit("everything");
        var (none, noneReport) = _repo.CheckJson("--changed-since", "HEAD");
        GateRepo.ScannedPaths(noneReport).ShouldBeEmpty();
        none.ExitCode.ShouldBe(0, none.ToString());
    }

    [Fact]
    public void Changed_since_compares_with_the_merge_base_so_later_main_commits_are_not_scanned()
    {
        _repo.InitGit();
        _repo.Write("a.md", Flawed);
        _repo.Commit("base");
        _repo.Git("checkout", "-q", "-b", "feature");
        _repo.Write("mine.md", Flawed);
        _repo.Commit("mine");
        _repo.Git("checkout", "-q", "main");
        _repo.Write("theirs.md", Flawed);
        _repo.Commit("theirs on main");
        _repo.Git("checkout", "-q", "feature");

        var (_, report) = _repo.CheckJson("--changed-since", "main");
        GateRepo.ScannedPaths(report).ShouldBe(["mine.md"]);
    }

    [Fact]
    public void Changed_since_outside_a_git_repository_or_with_an_unknown_ref_is_a_clear_error()
    {
        _repo.Write("a.md", Flawed);
        var outside = _repo.Check("--changed-since", "main");
        outside.ExitCode.ShouldBe(2, outside.ToString());
        outside.Stderr.ShouldContain("--changed-since needs a git repository");
        outside.Stderr.ShouldContain("is not inside one");

        _repo.InitGit();
        _repo.Commit("base");
        var unknown = _repo.Check("--changed-since", "no-such-branch");
        unknown.ExitCode.ShouldBe(2, unknown.ToString());
        unknown.Stderr.ShouldContain("git does not know 'no-such-branch'");
    }

    [Fact]
    public void A_line_inserted_above_a_baselined_finding_does_not_make_it_new()
    {
        _repo.InitGit();
        _repo.Write("drafts/a.md", "# 推介\n\n这是最佳的理财产品。\n\n第二段：稳赚不赔。\n");
        _repo.Write("drafts/b.md", "# 另一篇\n\n名额有限，欲购从速。\n");
        _repo.Commit("drafts");

        var create = _repo.BaselineCreate("-o", ".compliance-baseline.json");
        create.ExitCode.ShouldBe(0, create.ToString());
        create.Stdout.ShouldContain("wrote 4 finding(s) from 2 file(s) to .compliance-baseline.json");
        string baseline = _repo.Read(".compliance-baseline.json");
        baseline.ShouldContain("\"path\": \"drafts/a.md\"");
        baseline.ShouldContain("\"ruleId\": \"GATE-ABS-001\"");
        _repo.Check().ExitCode.ShouldBe(1);

        var clean = _repo.Check("--baseline", ".compliance-baseline.json", "--fail-on", "warning");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        clean.Stderr.ShouldContain("0 new finding(s); 4 baselined finding(s) remain (hidden), 0 gone since the baseline");

        // Text inserted above (and reflowed within the line) moves the findings down without making them new.
        _repo.Write("drafts/a.md", "# 推介\n\n新写的开场白，介绍一下背景。\n\n还有一行补充说明。\n\n这是最佳的理财产品。\n\n第二段：稳赚不赔。\n");
        var moved = _repo.Check("--baseline", ".compliance-baseline.json", "--fail-on", "warning");
        moved.ExitCode.ShouldBe(0, moved.ToString());
        moved.Stderr.ShouldContain("0 new finding(s); 4 baselined finding(s) remain (hidden)");

        // A new violation is reported, alone.
        _repo.Write("drafts/a.md", "# 推介\n\n新写的开场白，介绍一下背景。\n\n还有一行补充说明，这是最优方案。\n\n这是最佳的理财产品。\n\n第二段：稳赚不赔。\n");
        var (fresh, report) = _repo.CheckJson("--baseline", ".compliance-baseline.json");
        fresh.ExitCode.ShouldBe(1, fresh.ToString());
        GateRepo.Findings(report).ShouldBe([("drafts/a.md", "GATE-ABS-001", "最优", 5)]);
        fresh.Stderr.ShouldContain("1 new finding(s); 4 baselined finding(s) remain (hidden), 0 gone");

        // A baselined finding that is fixed is counted as gone.
        _repo.Write("drafts/b.md", "# 另一篇\n\n详见产品说明书。\n");
        var gone = _repo.Check("--baseline", ".compliance-baseline.json", "drafts/b.md", "--fail-on", "warning");
        gone.ExitCode.ShouldBe(0, gone.ToString());
        gone.Stderr.ShouldContain("0 new finding(s); 0 baselined finding(s) remain (hidden), 1 gone since the baseline, 3 in files not scanned this run");
    }

    [Fact]
    public void Baseline_entries_follow_a_renamed_file_with_changed_since()
    {
        _repo.InitGit();
        _repo.Write("drafts/old.md", Flawed);
        _repo.Commit("base");
        _repo.BaselineCreate().ExitCode.ShouldBe(0);
        _repo.Commit("baseline");
        _repo.Git("mv", "drafts/old.md", "drafts/renamed.md");
        _repo.Commit("rename");

        var r = _repo.Check("--changed-since", "HEAD~1", "--baseline", ".compliance-baseline.json");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("1 of");
        r.Stderr.ShouldContain("0 new finding(s); 1 baselined finding(s) remain (hidden)");
    }

    [Fact]
    public void Baseline_in_sarif_marks_results_new_and_a_missing_or_broken_baseline_is_a_usage_error()
    {
        _repo.Write("a.md", Flawed);
        _repo.BaselineCreate("-o", "base.json").ExitCode.ShouldBe(0);
        _repo.Write("b.md", "稳赚不赔。\n");
        var r = _repo.Check("--baseline", "base.json", "--format", "sarif");
        r.ExitCode.ShouldBe(1);
        r.Stdout.ShouldContain("\"baselineState\": \"new\"");
        r.Stdout.ShouldContain("GATE-GUA-001");
        r.Stdout.ShouldNotContain("\"ruleId\": \"GATE-ABS-001\"");

        var missing = _repo.Check("--baseline", "nope.json");
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.json: baseline file not found");
        _repo.Write("broken.json", "{ not json");
        var broken = _repo.Check("--baseline", "broken.json");
        broken.ExitCode.ShouldBe(2);
        broken.Stderr.ShouldContain("broken.json: not valid JSON");
    }

    [Fact]
    public void Complianceignore_and_config_ignore_globs_leave_files_out()
    {
        _repo.Write(".complianceignore", "# gitignore syntax\narchive/\n*.draft.md\n!keep.draft.md\n");
        _repo.Write(".compliance.yaml", "model:\n  enabled: false\nignore:\n  - vendor/**\n");
        _repo.Write("live.md", Flawed);
        _repo.Write("archive/old.md", Flawed);
        _repo.Write("notes/x.draft.md", Flawed);
        _repo.Write("notes/keep.draft.md", Flawed);
        _repo.Write("vendor/lib/readme.md", Flawed);
        var (r, report) = _repo.CheckJson();
        r.ExitCode.ShouldBe(1);
        GateRepo.ScannedPaths(report).ShouldBe(["live.md", "notes/keep.draft.md"]);

        // The baseline honours the same ignore files.
        _repo.BaselineCreate().Stdout.ShouldContain("from 2 file(s)");
    }

    [Fact]
    public void Dry_run_without_fix_is_a_usage_error()
    {
        _repo.Write("a.md", Flawed);
        var r = _repo.Check("--dry-run");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("--dry-run only goes with --fix");
    }
}
