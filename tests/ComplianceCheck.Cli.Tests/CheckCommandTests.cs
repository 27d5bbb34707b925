using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Clean_draft_exits_0_flawed_exits_1_and_fail_on_moves_the_bar()
    {
        _fx.Write("clean.md", "---\nproduct: fund\n---\n本基金投资于债券市场。\n");
        _fx.Write("warn.md", "---\nproduct: fund\n---\n低风险的选择。\n");
        _fx.Write("flawed.md", "---\nproduct: fund\n---\n稳赚不赔！\n");
        _fx.Check("clean.md").ExitCode.ShouldBe(0);
        _fx.Check("warn.md").ExitCode.ShouldBe(0);
        _fx.Check("warn.md", "--fail-on", "warning").ExitCode.ShouldBe(1);
        var flawed = _fx.Check("flawed.md");
        flawed.ExitCode.ShouldBe(1, flawed.ToString());
        _fx.Check("flawed.md", "--fail-on", "none").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Text_output_reads_like_a_compiler_with_the_line_underlined()
    {
        _fx.Write("d.md", "---\nproduct: fund\n---\n# 标题\n\n这只基金稳赚不赔。\n");
        var r = _fx.Check("d.md");
        var lines = r.Stdout.Split('\n');
        lines[0].ShouldBe("d.md:6:5: error [T-GUA-001] 保证收益“稳赚不赔”");
        lines[1].ShouldBe("  6 | 这只基金稳赚不赔。");
        lines[2].ShouldBe("    |         ^^^^^^^^");
        r.Stdout.ShouldContain("= 依据 basis: 《中华人民共和国广告法》第二十五条");
        r.Stdout.ShouldContain("= 建议 suggestion: 删除该表述");
        r.Stdout.ShouldMatch(@"1 file\(s\) scanned in \d+\.\d\d s: 1 error\(s\), 0 warning\(s\), 0 info");
        r.Stdout.ShouldNotContain("\u001b[");
    }

    [Fact]
    public void Json_output_has_the_documented_shape()
    {
        _fx.Write("a.html", "<html><head><meta name=\"compliance:product\" content=\"wealth\"></head><body><p>稳赚&nbsp;不赔？<b>稳赚不赔</b></p></body></html>");
        var r = _fx.Check("a.html", "--format", "json");
        r.ExitCode.ShouldBe(1, r.ToString());
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        root.GetProperty("tool").GetProperty("name").GetString().ShouldBe("compliance");
        root.GetProperty("tool").GetProperty("rulesFingerprint").GetString()!.Length.ShouldBe(16);
        var file = root.GetProperty("files")[0];
        file.GetProperty("path").GetString().ShouldBe("a.html");
        file.GetProperty("format").GetString().ShouldBe("html");
        file.GetProperty("product").GetString().ShouldBe("wealth");
        file.GetProperty("productSource").GetString().ShouldBe("meta");
        file.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        var findings = file.GetProperty("findings").EnumerateArray().ToList();
        findings.Select(f => f.GetProperty("ruleId").GetString()).ShouldBe(["T-GUA-001", "T-GUA-001", "T-DIS-001"], ignoreOrder: true);

        // The phrase split by a no-break space is found too, at its original span (entity included).
        findings.Select(f => f.GetProperty("match").GetString()).ShouldContain("稳赚&nbsp;不赔");
        var hit = findings.Single(f => f.GetProperty("match").GetString() == "稳赚不赔");
        string[] keys = ["ruleId", "category", "severity", "message", "line", "column", "endLine", "endColumn", "match", "source", "confidence",
            "legalBasis", "suggestion", "suppressed"];
        hit.EnumerateObject().Select(p => p.Name).Take(keys.Length).ShouldBe(keys);
        hit.GetProperty("column").GetInt32().ShouldBe(92);
        hit.GetProperty("endColumn").GetInt32().ShouldBe(96);
        hit.GetProperty("match").GetString().ShouldBe("稳赚不赔");
        hit.GetProperty("source").GetString().ShouldBe("rule");
        hit.GetProperty("confidence").ValueKind.ShouldBe(JsonValueKind.Null);
        hit.GetProperty("category").GetString().ShouldBe("guarantee");
        var summary = root.GetProperty("summary");
        (summary.GetProperty("files").GetInt32(), summary.GetProperty("findings").GetInt32(), summary.GetProperty("errors").GetInt32()).ShouldBe((1, 3, 3));
    }

    [Fact]
    public void Stdin_is_scanned_under_the_given_name_and_output_can_go_to_a_file()
    {
        var r = CliProcess.Run(_fx.Dir, Encoding.UTF8.GetBytes("保本保息，欢迎咨询"), null,
            "check", "-", "--stdin-name", "sms.txt", "--rules", _fx.RulesDir, "--no-builtin", "--format", "json", "--output", "out/report.json");
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        string report = File.ReadAllText(Path.Combine(_fx.Dir, "out", "report.json"));
        report.ShouldContain("\"path\": \"sms.txt\"");
        report.ShouldContain("保本保息");
    }

    [Fact]
    public void Help_lists_every_verb_and_a_misspelt_verb_is_a_usage_error()
    {
        // A command line naming a verb builds only that verb; anything else must still see all of them.
        var help = CliProcess.Run(_fx.Dir, "--help");
        help.ExitCode.ShouldBe(0, help.ToString());
        foreach (string verb in new[] { "check", "rules", "baseline", "train", "eval", "serve", "users", "audit", "submit" })
        {
            help.Stdout.ShouldContain("  " + verb + " ");
        }

        var checkHelp = CliProcess.Run(_fx.Dir, "check", "--help");
        checkHelp.ExitCode.ShouldBe(0, checkHelp.ToString());
        checkHelp.Stdout.ShouldContain("--fail-on");

        var misspelt = CliProcess.Run(_fx.Dir, "chek", "x.md");
        misspelt.ExitCode.ShouldBe(2, misspelt.ToString());
        misspelt.Stderr.ShouldContain("chek");
    }

    [Fact]
    public void Bad_input_gets_a_named_message_and_exit_2_while_folder_scans_skip_binaries()
    {
        var missing = _fx.Check("nope.md");
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.md: file not found");

        File.WriteAllBytes(Path.Combine(_fx.Dir, "drafts", "logo.png").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        File.Copy(Path.Combine(_fx.Dir, "drafts", "logo.png"), Path.Combine(_fx.Dir, "drafts", "poster.txt"));
        _fx.Write("drafts/ok.md", "稳健。\n");
        var named = _fx.Check("drafts/poster.txt");
        named.ExitCode.ShouldBe(2);
        named.Stderr.ShouldContain("drafts/poster.txt: is a binary file (a PNG image)");
        var folder = _fx.Check("drafts");
        folder.ExitCode.ShouldBe(0, folder.ToString());
        folder.Stderr.ShouldContain("warning: drafts/poster.txt: is a binary file (a PNG image), not a text draft; skipped");

        _fx.Check("drafts", "--product", "crypto").ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(2), r => r.Stderr.ShouldContain("--product 'crypto' is not one of"));
        _fx.Check("drafts", "--product", "贷款", "--channel", "朋友圈", "--format", "json").ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(0, r.ToString()), r => r.Stdout.ShouldContain("\"product\": \"credit\""), r => r.Stdout.ShouldContain("\"channel\": \"wechat-moments\""));
        _fx.Check("drafts", "--fail-on", "fatal").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Gbk_drafts_are_read_and_reported_as_such()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(Path.Combine(_fx.Dir, "gbk.txt"), Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
            .GetBytes("第一行\n这款产品稳赚不赔\n"));
        var r = _fx.Check("gbk.txt");
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldStartWith("gbk.txt:2:5: error [T-GUA-001]");
        r.Stderr.ShouldContain("read as GB18030/GBK");
    }

    [Fact]
    public void A_broken_rule_pack_or_config_stops_with_file_and_line()
    {
        Directory.CreateDirectory(Path.Combine(_fx.Dir, "bad", "zh-CN"));
        File.WriteAllText(Path.Combine(_fx.Dir, "bad", "zh-CN", "x.yaml"), "lang: zh-CN\nrules:\n  - id: T-X-001\n    nmae: typo\n");
        var r = CliProcess.Run(_fx.Dir, "check", "--rules", "bad", "--no-builtin", ".");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("bad/zh-CN/x.yaml:4: T-X-001: unknown key 'nmae' (did you mean 'name'?)");
        r.Stderr.ShouldNotContain("   at ");

        _fx.Write(".compliance.yaml", "failOn: error\nrules:\n  disable: T-GUA-001\n");
        var c = _fx.Check(".");
        c.ExitCode.ShouldBe(2);
        c.Stderr.ShouldContain(".compliance.yaml:3: 'disable' must be a list");
    }

    [Fact]
    public void Config_file_disables_and_retunes_rules_and_maps_products_by_glob()
    {
        _fx.Write(".compliance.yaml", "rules:\n  disable: [T-GUA-001]\n  severity: {T-IND-001: error}\npaths:\n  - glob: 'wealth/**'\n    product: wealth\n");
        _fx.Write("wealth/a.txt", "低风险，稳赚不赔\n");
        var r = _fx.Check("wealth/a.txt", "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var file = json.RootElement.GetProperty("files")[0];
        file.GetProperty("productSource").GetString().ShouldBe("config");
        var ids = file.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("ruleId").GetString(), f.GetProperty("severity").GetString())).ToList();
        ids.ShouldBe([("T-DIS-001", "error"), ("T-IND-001", "error")], ignoreOrder: true);
        _fx.Check("wealth/a.txt", "--product", "fund", "--format", "json").Stdout.ShouldNotContain("T-DIS-001");
    }

    [Fact]
    public void Inline_suppression_with_a_reason_keeps_the_finding_as_suppressed_and_passes_the_gate()
    {
        _fx.Write("s.md", "<!-- compliance-ignore T-GUA-001: 反诈宣传中引用的原话 -->\n稳赚不赔\n");
        var r = _fx.Check("s.md", "--format", "json");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("\"suppressed\": true");
        r.Stdout.ShouldContain("反诈宣传中引用的原话");
    }
}

internal static class TestExtensions
{
    public static string Also(this string value, Action<string> action)
    {
        action(value);
        return value;
    }
}
