using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Cli.Tests;

public sealed class RulesCommandTests : IDisposable
{
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Rules_test_passes_on_the_builtin_packs()
    {
        var r = CliProcess.Run(RepoPaths.Root, "rules", "test");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldMatch(@"\d+ rules, \d+ examples passed, 0 failed");
    }

    [Fact]
    public void Rules_test_fails_and_names_the_example_that_broke()
    {
        string broken = CliFixture.Rules.Replace("pass: [不承诺保本保息, 稳健]", "pass: [保本保息, 稳健]", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_fx.RulesDir, "zh-CN", "test.yaml"), broken);
        var r = CliProcess.Run(_fx.Dir, "rules", "test", "--rules", "rules", "--no-builtin");
        r.ExitCode.ShouldBe(1);
        r.Stdout.ShouldContain("T-GUA-001: example should pass but was flagged: 保本保息");
        r.Stdout.ShouldContain("1 failed");
    }

    [Fact]
    public void List_and_explain_show_rule_basis_and_examples()
    {
        var list = CliProcess.Run(_fx.Dir, "rules", "list", "--rules", "rules", "--no-builtin");
        list.Stdout.ShouldContain("T-GUA-001");
        list.Stdout.ShouldContain("3 rule(s)");
        var explain = CliProcess.Run(_fx.Dir, "rules", "explain", "T-DIS-001", "--rules", "rules", "--no-builtin");
        explain.ExitCode.ShouldBe(0);
        explain.Stdout.ShouldContain("kind:      required");
        explain.Stdout.ShouldContain("requires:  理财非存款、产品有风险、投资须谨慎");
        explain.Stdout.ShouldContain("[industry-practice]");
        CliProcess.Run(_fx.Dir, "rules", "explain", "NOPE-1", "--rules", "rules", "--no-builtin").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Parsed_rules_are_kept_where_COMPLIANCE_CACHE_DIR_says_and_off_keeps_none()
    {
        string cache = Path.Combine(_fx.Dir, "rule-cache");
        File.WriteAllText(Path.Combine(_fx.Dir, "draft.txt"), "这款理财稳赚不赔。\n");
        var env = new Dictionary<string, string> { ["COMPLIANCE_CACHE_DIR"] = cache };
        string[] args = ["check", "draft.txt", "--rules", "rules", "--no-builtin", "--no-model", "--format", "json"];

        var first = CliProcess.Run(_fx.Dir, null, env, args);
        string entry = Directory.GetFiles(cache, "rules-*.bin").ShouldHaveSingleItem();
        var written = File.GetLastWriteTimeUtc(entry);
        var second = CliProcess.Run(_fx.Dir, null, env, args);

        first.ExitCode.ShouldBe(1, first.ToString());
        first.Stdout.ShouldContain("T-GUA-001");
        Normalise(second.Stdout).ShouldBe(Normalise(first.Stdout));
        File.GetLastWriteTimeUtc(entry).ShouldBe(written);

        string off = Path.Combine(_fx.Dir, "no-cache");
        var uncached = CliProcess.Run(_fx.Dir, null, new Dictionary<string, string> { ["COMPLIANCE_CACHE_DIR"] = "off", ["XDG_CACHE_HOME"] = off }, args);
        Normalise(uncached.Stdout).ShouldBe(Normalise(first.Stdout));
        Directory.Exists(off).ShouldBeFalse();
    }

    /// <summary>A JSON report without its timing, which differs from run to run.</summary>
    private static string Normalise(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"elapsedMs\":\\s*[0-9]+", "\"elapsedMs\":0");
}
