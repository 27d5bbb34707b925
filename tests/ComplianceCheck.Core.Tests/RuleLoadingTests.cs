using System.Text.RegularExpressions;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

public class RuleLoadingTests
{
    private static RuleLoadException LoadFails(string yaml) =>
        Should.Throw<RuleLoadException>(() => RuleSet.FromFiles([("rules/zh-CN/bad.yaml", yaml, "zh-CN")]));

    [Fact]
    public void Invalid_yaml_names_file_and_line()
    {
        var ex = LoadFails("lang: zh-CN\nrules:\n  - id: ZH-X-001\n    name: [unclosed\n");
        ex.Errors.ShouldHaveSingleItem().ShouldStartWith("rules/zh-CN/bad.yaml:");
        ex.Errors[0].ShouldContain("not valid YAML");
    }

    [Fact]
    public void Unknown_keys_missing_keys_bad_values_and_bad_regexes_are_all_reported_with_lines()
    {
        string yaml = $"""
            lang: zh-CN
            rules:
              - id: ZH-X-001
                name: typo
                category: absolute
                severity: error
                kind: phrase
                message: m
                {TestRules.Basis}
                phrasess: [最佳]
                examples: {"{"}flag: [a, b], pass: [c, d]{"}"}
              - id: ZH-X-002
                name: bad severity
                category: nonsense
                severity: fatal
                kind: pattern
                message: m
                {TestRules.Basis}
                pattern: '(?<=保)本'
                examples: {"{"}flag: [a], pass: [c, d]{"}"}
              - id: ZH-X-003
                name: broken regex
                category: other
                severity: info
                kind: pattern
                message: m
                {TestRules.Basis}
                pattern: '(unclosed'
                examples: {"{"}flag: [a, b], pass: [c, d]{"}"}
            """;
        var errors = LoadFails(yaml).Errors;
        errors.ShouldContain(e => e.StartsWith("rules/zh-CN/bad.yaml:10:", StringComparison.Ordinal) && e.Contains("unknown key 'phrasess'") && e.Contains("did you mean 'phrases'"));
        errors.ShouldContain(e => e.Contains("ZH-X-002: category 'nonsense'"));
        errors.ShouldContain(e => e.Contains("ZH-X-002: severity 'fatal'"));
        errors.ShouldContain(e => e.Contains("ZH-X-002: pattern uses a construct"));
        errors.ShouldContain(e => e.Contains("at least 2 flag"));
        errors.ShouldContain(e => e.StartsWith("rules/zh-CN/bad.yaml:28:", StringComparison.Ordinal) && e.Contains("invalid regular expression"));
    }

    [Fact]
    public void Duplicate_ids_across_files_name_both_places()
    {
        string rule = "lang: zh-CN\nrules:\n" + TestRules.Phrase("ZH-DUP-001", "最佳");
        var ex = Should.Throw<RuleLoadException>(() => RuleSet.FromFiles([("a.yaml", rule, "zh-CN"), ("b.yaml", rule, "zh-CN")]));
        ex.Errors.ShouldHaveSingleItem().ShouldContain("duplicate rule id 'ZH-DUP-001' (first defined at a.yaml:3)");
    }

    [Fact]
    public void Statute_basis_must_cite_an_article_and_lang_must_match_folder()
    {
        string yaml = "lang: en\nrules:\n" + TestRules.Phrase("ZH-X-009", "最佳").Replace(TestRules.Basis, "legalBasis: {type: statute, law: 广告法}", StringComparison.Ordinal);
        var errors = LoadFails(yaml).Errors;
        errors.ShouldContain(e => e.Contains("does not match the folder 'zh-CN'"));
        errors.ShouldContain(e => e.Contains("a statute basis must cite an article"));
    }

    [Fact]
    public void Fingerprint_changes_with_any_rule_byte()
    {
        string a = "lang: zh-CN\nrules:\n" + TestRules.Phrase("ZH-F-001", "最佳");
        var first = RuleSet.FromFiles([("x.yaml", a, "zh-CN")]).Fingerprint;
        RuleSet.FromFiles([("x.yaml", a, "zh-CN")]).Fingerprint.ShouldBe(first);
        RuleSet.FromFiles([("x.yaml", a.Replace("最佳", "最好", StringComparison.Ordinal), "zh-CN")]).Fingerprint.ShouldNotBe(first);
        first.Length.ShouldBe(16);
    }
}

public class RuleRegexTests
{
    [Theory]
    [InlineData("(a+)+$", true)]
    [InlineData("(x|y)*z", true)]
    [InlineData("((ab)+c){2,}", true)]
    [InlineData("(近|成立以来).{0,6}(收益率|回报).{0,4}\\d+(\\.\\d+)?%", false)]
    [InlineData("[(]+a", false)]
    [InlineData("(\\d{3}[- ]?){3}", true)]
    [InlineData("\\(a+\\)+", false)]
    public void Nested_repetition_is_what_sends_a_pattern_to_the_linear_time_engine(string pattern, bool linear) =>
        RuleRegex.Parse(pattern, out _).Linear.ShouldBe(linear);

    [Fact]
    public void A_nested_pattern_too_large_for_the_linear_time_engine_still_matches_on_the_interpreter()
    {
        // Nested counted repetition: the automaton would exceed the engine's node limit.
        const string pattern = "(x[a-z]{1,200}){2,200}y";
        Should.Throw<NotSupportedException>(() => new Regex(pattern, RuleRegex.Options | RegexOptions.NonBacktracking));

        var rule = RuleRegex.Parse(pattern, out string? problem);
        problem.ShouldBeNull();
        rule.Linear.ShouldBeTrue();
        rule.Value.IsMatch("xabxcdy").ShouldBeTrue();
    }
}
