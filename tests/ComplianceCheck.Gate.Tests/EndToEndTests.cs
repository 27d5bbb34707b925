using System.Text.Json;

namespace ComplianceCheck.Gate.Tests;

/// <summary>
/// The whole story with the tool as shipped (built-in rule packs and classifier, default config): a content repo with
/// flawed drafts fails the gate, <c>--fix</c> repairs what is safely fixable, the rest is baselined and the gate
/// passes; a new flawed draft on a branch fails it again, alone.
/// </summary>
public sealed partial class EndToEndTests : IDisposable
{
    private readonly GateRepo _repo = new(withRules: false);

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Flawed_drafts_fail_fix_repairs_baseline_accepts_the_rest_and_the_gate_passes()
    {
        _repo.InitGit();
        _repo.Write("drafts/wechat/fund-promo.md", """
            ---
            product: fund
            channel: wechat-article
            ---
            # 稳健之选：鑫源纯债基金

            鑫源纯债基金是同类产品中最佳的选择，近一年收益率5.2%，成立以来收益率18.6%。

            | 期间 | 近一年 | 成立以来 |
            | --- | --- | --- |
            | 收益率 | 5.2% | 18.6% |

            基金经理从业十五年，管理规模超百亿。名额有限，欲购从速！

            """);
        _repo.Write("drafts/sms/wealth.txt", "【示例银行】稳盈理财产品，保本保收益，年化4.5%，稳赚不赔！回复1办理。\n");
        _repo.Write("drafts/web/landing.html", """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Growth Fund</title></head>
            <body>
            <h1>The best fund for your future</h1>
            <p>Our Growth Fund delivered a 14% annual return last year, with guaranteed returns and no risk.</p>
            </body>
            </html>

            """);
        _repo.Write("drafts/wechat/ok.md", "---\nproduct: general\n---\n# 网点搬迁公告\n\n本行东城支行将于下月迁至新址，营业时间不变。\n");
        _repo.Commit("drafts");

        // 1. The gate fails.
        var first = Json(_repo.Run("check", "drafts", "--format", "json"), expectedExit: 1);
        var before = Findings(first);
        before.ShouldContain(f => f.Active && f.Severity == "error");
        var fixable = before.Where(f => f.Fixable).ToList();
        fixable.ShouldNotBeEmpty("the built-in packs define safe fixes for some of these drafts");

        // 2. --fix repairs what is safely fixable and prints the diff.
        var fix = _repo.Run("check", "drafts", "--fix");
        fix.ExitCode.ShouldBeOneOf(0, 1);
        fix.Stdout.ShouldContain("+++ b/drafts/");
        fix.Stderr.ShouldContain("compliance: fixed ");
        fix.Stderr.ShouldNotContain("fixed 0 finding(s)");
        var after = Findings(Json(_repo.Run("check", "drafts", "--format", "json"), expectedExit: null));
        after.Where(f => f.Fixable).ShouldBeEmpty();
        foreach (var group in fixable.GroupBy(f => (f.Path, f.RuleId, f.Match, f.Kind)))
        {
            int left = after.Count(f => f.Path == group.Key.Path && f.RuleId == group.Key.RuleId && (group.Key.Kind == "insert" || f.Match == group.Key.Match));
            int was = before.Count(f => f.Path == group.Key.Path && f.RuleId == group.Key.RuleId && (group.Key.Kind == "insert" || f.Match == group.Key.Match));
            left.ShouldBeLessThanOrEqualTo(was - group.Count(), $"{group.Key} was fixed but is still reported");
        }

        _repo.Read("drafts/wechat/ok.md").ShouldBe("---\nproduct: general\n---\n# 网点搬迁公告\n\n本行东城支行将于下月迁至新址，营业时间不变。\n");
        _repo.Commit("compliance --fix");

        // 3. What is left is baselined, and the gate passes.
        var create = _repo.Run("baseline", "create", "-o", ".compliance-baseline.json", "drafts");
        create.ExitCode.ShouldBe(0, create.ToString());
        _repo.Commit("baseline");
        var gate = _repo.Run("check", "drafts", "--baseline", ".compliance-baseline.json", "--fail-on", "warning", "--sarif-output", ".out/gate.sarif");
        gate.ExitCode.ShouldBe(0, gate.ToString());
        gate.Stderr.ShouldContain("0 new finding(s)");
        gate.Stdout.ShouldContain("file(s) scanned in");

        // 4. A pull request adding a new flawed draft fails the gate on that draft alone.
        _repo.Git("checkout", "-q", "-b", "new-campaign");
        _repo.Write("drafts/wechat/new.md", "---\nproduct: fund\n---\n# 新品\n\n这是最佳的基金，稳赚不赔。\n");
        _repo.Commit("new campaign");
        var pr = _repo.Run("check", "--changed-since", "main", "--baseline", ".compliance-baseline.json", "--format", "github");
        pr.ExitCode.ShouldBe(1, pr.ToString());
        var annotations = pr.Stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        annotations.ShouldNotBeEmpty();
        annotations.ShouldAllBe(a => a.Contains("file=drafts/wechat/new.md,", StringComparison.Ordinal));
    }

    /// <summary>Statements with blanks to fill in (【X】, [x.xx]) are left to the writer by --fix.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"【[^】]*】|\[[^\]]*\]|\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Blanks();

    private sealed record Item(string Path, string RuleId, string Match, string Severity, bool Active, bool Fixable, string? Kind);

    private static JsonDocument Json(ComplianceCheck.Tests.Shared.CliResult r, int? expectedExit)
    {
        if (expectedExit is { } code)
        {
            r.ExitCode.ShouldBe(code, r.ToString());
        }
        else
        {
            r.ExitCode.ShouldBeOneOf(0, 1);
        }

        return JsonDocument.Parse(r.Stdout);
    }

    /// <summary>Findings from the JSON report; "fixable" mirrors what --fix applies (active, not a quotation, not needs-review, rule-defined).</summary>
    private static List<Item> Findings(JsonDocument report) =>
        report.RootElement.GetProperty("files").EnumerateArray().SelectMany(file => file.GetProperty("findings").EnumerateArray().Select(f =>
        {
            bool active = !f.GetProperty("suppressed").GetBoolean() && f.GetProperty("inForce").GetBoolean();
            string? kind = f.TryGetProperty("fix", out var fix) ? fix.GetProperty("kind").GetString() : null;
            bool blanks = kind == "insert" && Blanks().IsMatch(fix.GetProperty("text").GetString()!);
            bool fixable = kind != null && !blanks && active && f.GetProperty("source").GetString() == "rule" && !f.TryGetProperty("note", out _)
                && f.GetProperty("review").GetString() != "needs-review";
            return new Item(GateRepo.Normalize(file.GetProperty("path").GetString()!), f.GetProperty("ruleId").GetString()!, f.GetProperty("match").GetString()!,
                f.GetProperty("severity").GetString()!, active, fixable, kind);
        })).ToList();
}
