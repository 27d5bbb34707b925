using System.Text;
using System.Text.Json;

namespace ComplianceCheck.Gate.Tests;

/// <summary><c>check --fix</c> through the real CLI: exact edits, encodings and line breaks kept, fixed findings gone.</summary>
public sealed class FixTests : IDisposable
{
    private static readonly Encoding Gb18030 = CreateGb18030();

    private readonly GateRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Fix_keeps_a_utf8_bom_and_crlf_and_changes_only_the_fixed_spans()
    {
        _repo.Write("a.md", "# 标题\r\n\r\n这是最佳的理财产品，稳赚不赔。  \r\n\r\n  第二段也是最优选择。\r\n", bom: true);
        var r = _repo.Check("a.md", "--fix");
        r.ExitCode.ShouldBe(1, r.ToString()); // 稳赚不赔 has no safe fix and stays
        r.Stderr.ShouldContain("fixed 3 finding(s) in 1 file(s)");

        byte[] bytes = _repo.ReadBytes("a.md");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        string text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        text.ShouldBe("# 标题\r\n\r\n这是优秀的理财产品，稳赚不赔。  \r\n\r\n  第二段也是优秀选择。\r\n\r\n理财非存款、产品有风险、投资须谨慎。\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain("\n");

        // The diff is printed, and the report after the fix is what a fresh check says.
        r.Stdout.ShouldContain("--- a/a.md");
        r.Stdout.ShouldContain("+++ b/a.md");
        r.Stdout.ShouldContain("-这是最佳的理财产品，稳赚不赔。");
        r.Stdout.ShouldContain("+这是优秀的理财产品，稳赚不赔。");
        r.Stdout.ShouldContain("+理财非存款、产品有风险、投资须谨慎。");
        r.Stdout.ShouldContain("a.md:3:11: error [GATE-GUA-001]");
        r.Stdout.ShouldNotContain("[GATE-ABS-001]");

        var (again, report) = _repo.CheckJson("a.md");
        again.ExitCode.ShouldBe(1);
        GateRepo.Findings(report).Select(f => f.RuleId).ShouldBe(["GATE-GUA-001"]);
    }

    [Fact]
    public void Fix_keeps_gb18030()
    {
        _repo.WriteBytes("gbk.txt", Gb18030.GetBytes("这是最优的理财产品。\n欢迎咨询。\n"));
        var r = _repo.Check("gbk.txt", "--fix", "--fail-on", "warning");
        r.ExitCode.ShouldBe(0, r.ToString());
        Gb18030.GetString(_repo.ReadBytes("gbk.txt")).ShouldBe("这是优秀的理财产品。\n欢迎咨询。\n\n理财非存款、产品有风险、投资须谨慎。\n");
        var (_, report) = _repo.CheckJson("gbk.txt");
        GateRepo.Findings(report).ShouldBeEmpty();
        report.RootElement.GetProperty("files")[0].GetProperty("encoding").GetString().ShouldBe("gb18030");
    }

    [Fact]
    public void Fix_in_utf16_html_inserts_a_paragraph_before_the_closing_body()
    {
        _repo.Write("page.html", "<html><body>\r\n<p>Enjoy guaranteed returns, 12% annual return.</p>\r\n  </body>\r\n</html>\r\n", Encoding.Unicode, bom: true);
        var r = _repo.Check("page.html", "--fix", "--fail-on", "warning");
        r.ExitCode.ShouldBe(0, r.ToString());
        byte[] bytes = _repo.ReadBytes("page.html");
        bytes.Take(2).ShouldBe(new byte[] { 0xFF, 0xFE });
        Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2).ShouldBe(
            "<html><body>\r\n<p>Enjoy potential returns, 12% annual return.</p>\r\n<p>Past performance is not a reliable indicator of future results.</p>\r\n  </body>\r\n</html>\r\n");
    }

    [Fact]
    public void Fix_puts_a_statement_below_the_performance_table_when_the_rule_says_so()
    {
        _repo.Write("perf.md", "# 业绩\n\n| 期间 | 近一年收益率 |\n| --- | --- |\n| 2024 | 12% |\n\n其他说明。\n");
        _repo.Check("perf.md", "--fix").ExitCode.ShouldBe(0);
        _repo.Read("perf.md").ShouldBe("# 业绩\n\n| 期间 | 近一年收益率 |\n| --- | --- |\n| 2024 | 12% |\n\n过往业绩不预示未来表现。\n\n其他说明。\n");
        _repo.Check("perf.md", "--fail-on", "info").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Fix_adds_a_paragraph_to_a_file_without_a_final_line_break()
    {
        _repo.Write("short.md", "这是最佳的理财产品");
        _repo.Check("short.md", "--fix").ExitCode.ShouldBe(0);
        _repo.Read("short.md").ShouldBe("这是优秀的理财产品\n\n理财非存款、产品有风险、投资须谨慎。\n");
    }

    [Fact]
    public void Fix_leaves_quotations_and_inline_ignored_findings_alone()
    {
        const string quoted = "根据《广告法》，“最佳”一词属于绝对化用语。\n";
        const string ignored = "<!-- compliance-ignore GATE-ABS-001: 品牌名称 -->\n最佳银行\n";
        _repo.Write("quoted.md", quoted);
        _repo.Write("ignored.md", ignored);
        var r = _repo.Check("quoted.md", "ignored.md", "--fix");
        r.ExitCode.ShouldBe(0, r.ToString());
        _repo.Read("quoted.md").ShouldBe(quoted);
        _repo.Read("ignored.md").ShouldBe(ignored);
        r.Stderr.ShouldContain("fixed 0 finding(s) in 0 file(s)");
    }

    [Fact]
    public void Dry_run_prints_the_diff_and_changes_nothing()
    {
        const string draft = "# 标题\n\n这是最佳的理财产品。\n";
        _repo.Write("a.md", draft);
        var r = _repo.Check("a.md", "--fix", "--dry-run");
        r.ExitCode.ShouldBe(1, r.ToString()); // the file as it is still fails
        _repo.Read("a.md").ShouldBe(draft);
        r.Stdout.ShouldStartWith("--- a/a.md\n+++ b/a.md\n@@ ");
        r.Stdout.ShouldContain("\n-这是最佳的理财产品。\n");
        r.Stdout.ShouldContain("\n+这是优秀的理财产品。\n");
        r.Stdout.ShouldContain("\n+理财非存款、产品有风险、投资须谨慎。\n");
        r.Stderr.ShouldContain("2 finding(s) in 1 file(s) would be fixed; no file was changed");
    }

    [Fact]
    public void With_a_machine_format_the_diff_goes_to_stderr()
    {
        _repo.Write("a.md", "这是最佳的理财产品。\n");
        var r = _repo.Check("a.md", "--fix", "--format", "json");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("+++ b/a.md");
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("summary").GetProperty("findings").GetInt32().ShouldBe(0);
    }

    [Fact]
    public void Fix_then_baseline_applies_to_what_is_left()
    {
        _repo.Write("a.md", "这是最佳的理财产品，稳赚不赔。\n");
        _repo.BaselineCreate().ExitCode.ShouldBe(0);
        var r = _repo.Check("a.md", "--fix", "--baseline", ".compliance-baseline.json");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("fixed 2 finding(s) in 1 file(s)");
        r.Stderr.ShouldContain("0 new finding(s); 1 baselined finding(s) remain (hidden), 2 gone since the baseline");
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
