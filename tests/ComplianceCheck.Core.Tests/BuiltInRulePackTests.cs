using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

/// <summary>The shipped rule packs: they load, are complete, and every rule's own examples hold.</summary>
public class BuiltInRulePackTests
{
    private static readonly Lazy<RuleSet> Rules = new(() => RuleSet.Load());

    [Fact]
    public void Packs_load_and_hold_at_least_150_rules_with_two_examples_each_way()
    {
        var rules = Rules.Value.Rules;
        rules.Count.ShouldBeGreaterThanOrEqualTo(150);
        rules.ShouldAllBe(r => r.FlagExamples.Count >= 2 && r.PassExamples.Count >= 2);
        rules.ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.LegalBasis.Law));
        rules.Select(r => r.Lang).Distinct().Order().ShouldBe(["en", "zh-CN"]);
        foreach (string category in Vocabulary.Categories.Where(c => c != "other"))
        {
            rules.ShouldContain(r => r.Category == category, $"no rule in category {category}");
        }
    }

    [Fact]
    public void Every_rule_example_behaves_as_the_rule_says()
    {
        var (passed, failures) = RuleExampleRunner.Run(new RuleEngine(Rules.Value));
        failures.Select(f => f.Describe()).ShouldBeEmpty();
        passed.ShouldBeGreaterThanOrEqualTo(600);
    }

    [Fact]
    public void Every_built_in_pattern_passes_the_check_a_user_rule_file_gets()
    {
        // `check` skips the per-pattern syntax check for the embedded packs (start-up); this is where they get it.
        var verified = RuleSet.LoadBuiltInVerified();
        verified.Fingerprint.ShouldBe(Rules.Value.Fingerprint);
        verified.Rules.Select(r => r.Id).ShouldBe(Rules.Value.Rules.Select(r => r.Id));
    }
}
