using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Rules;

/// <summary>A rule example that did not behave as its rule says.</summary>
public sealed record ExampleFailure(Rule Rule, RuleExample Example, bool ExpectedFlag, IReadOnlyList<Finding> Findings)
{
    public string Describe()
    {
        string expectation = ExpectedFlag ? "should be flagged but was not" : "should pass but was flagged";
        string got = Findings.Count == 0 ? string.Empty : " (got: " + string.Join("; ", Findings.Select(f => $"{f.RuleId} '{f.Match}'")) + ")";
        return $"{Rule.SourceFile}:{Example.Line}: {Rule.Id}: example {expectation}: {Example.Text}{got}";
    }
}

/// <summary>Runs every rule's own flag/pass examples through the real engine, as prh's specs and Semgrep's rule tests do.</summary>
public static class RuleExampleRunner
{
    public static (int Passed, IReadOnlyList<ExampleFailure> Failures) Run(RuleEngine engine, IEnumerable<Rule>? only = null)
    {
        var failures = new List<ExampleFailure>();
        int passed = 0;
        var options = new EngineOptions { AsOf = DateOnly.MaxValue };
        foreach (var rule in only ?? engine.RuleSet.Rules)
        {
            foreach (var (example, flag) in rule.FlagExamples.Select(e => (e, true)).Concat(rule.PassExamples.Select(e => (e, false))))
            {
                var findings = Check(engine, rule, example, options);
                bool flagged = findings.Any(f => f.RuleId == rule.Id && f.Note == null);
                if (flagged == flag)
                {
                    passed++;
                }
                else
                {
                    failures.Add(new ExampleFailure(rule, example, flag, findings));
                }
            }
        }

        return (passed, failures);
    }

    public static IReadOnlyList<Finding> Check(RuleEngine engine, Rule rule, RuleExample example, EngineOptions options)
    {
        var document = PlainTextLoader.Load($"{rule.Id}.example.txt", example.Text);
        string product = example.Product
            ?? rule.Products.FirstOrDefault()
            ?? (rule as RequiredRule)?.WhenProducts.FirstOrDefault()
            ?? "general";
        string? channel = example.Channel ?? rule.Channels.FirstOrDefault();
        var profile = new DraftProfile(product, "example", channel, "example", [rule.Lang], "example");
        return engine.Scan(document, profile, options);
    }
}
