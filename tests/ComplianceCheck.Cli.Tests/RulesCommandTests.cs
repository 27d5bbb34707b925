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
}
