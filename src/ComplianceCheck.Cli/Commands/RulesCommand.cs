using System.CommandLine;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance rules list|explain|test</c>: look at and test the rule packs.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List, explain and test the rule packs.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Explain());
        command.Subcommands.Add(Test());
        return command;
    }

    private static Command List()
    {
        var category = new Option<string?>("--category") { Description = "Only this category." };
        var lang = new Option<string?>("--lang") { Description = "Only this language (zh-CN or en)." };
        var command = new Command("list", "List every rule: id, severity, category, kind, name.") { CheckCommand.RulesDirs, CheckCommand.NoBuiltIn, CheckCommand.Config, category, lang };
        command.SetAction(parse =>
        {
            var rules = LoadRules(parse).Rules
                .Where(r => parse.GetValue(category) is not { } c || r.Category == c)
                .Where(r => parse.GetValue(lang) is not { } l || r.Lang == Vocabulary.NormalizeLang(l))
                .ToList();
            foreach (var rule in rules)
            {
                string pending = rule.InForce(DateOnly.FromDateTime(DateTime.Today)) ? string.Empty : $" (in force from {rule.Effective:yyyy-MM-dd})";
                Console.WriteLine($"{rule.Id,-14} {ScanReport.SeverityName(rule.Severity),-7} {rule.Category,-12} {rule.Kind.ToString().ToLowerInvariant(),-9} {rule.Name}{pending}");
            }

            Console.WriteLine($"{rules.Count} rule(s)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Explain()
    {
        var id = new Argument<string>("id") { Description = "The rule id, e.g. ZH-ABS-001." };
        var command = new Command("explain", "Print a rule: what it catches, its legal basis, suggestion and examples.") { id, CheckCommand.RulesDirs, CheckCommand.NoBuiltIn, CheckCommand.Config };
        command.SetAction(parse =>
        {
            string ruleId = parse.GetValue(id)!;
            var rule = LoadRules(parse).Find(ruleId) ?? throw new UsageException($"no rule '{ruleId}' (see 'compliance rules list')");
            Console.WriteLine($"{rule.Id}: {rule.Name}");
            Console.WriteLine($"  kind:      {rule.Kind.ToString().ToLowerInvariant()}");
            Console.WriteLine($"  category:  {rule.Category}");
            Console.WriteLine($"  severity:  {ScanReport.SeverityName(rule.Severity)} ({ScanReport.ReviewName(rule.Review)})");
            Console.WriteLine($"  language:  {rule.Lang}");
            Console.WriteLine($"  message:   {rule.Message}");
            Console.WriteLine($"  basis:     {rule.LegalBasis.Law}{rule.LegalBasis.Article} [{rule.LegalBasis.Type}]");
            if (rule.LegalBasis.Quote != null)
            {
                Console.WriteLine($"  quote:     {rule.LegalBasis.Quote}");
            }

            if (rule.Effective != null)
            {
                Console.WriteLine($"  effective: {rule.Effective:yyyy-MM-dd}");
            }

            if (rule.Products.Count > 0 || rule is RequiredRule { WhenProducts.Count: > 0 })
            {
                Console.WriteLine($"  products:  {string.Join(", ", rule.Products.Concat((rule as RequiredRule)?.WhenProducts ?? []).Distinct())}");
            }

            if (rule.Channels.Count > 0)
            {
                Console.WriteLine($"  channels:  {string.Join(", ", rule.Channels)}");
            }

            WriteKindDetails(rule);
            if (rule.Suggestion != null)
            {
                Console.WriteLine($"  suggestion: {rule.Suggestion}");
            }

            Console.WriteLine($"  defined at: {rule.SourceFile}:{rule.SourceLine}");
            Console.WriteLine("  flags:");
            rule.FlagExamples.ToList().ForEach(e => Console.WriteLine($"    ✗ {e.Text}"));
            Console.WriteLine("  passes:");
            rule.PassExamples.ToList().ForEach(e => Console.WriteLine($"    ✓ {e.Text}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteKindDetails(Rule rule)
    {
        switch (rule)
        {
            case PhraseRule p:
                Console.WriteLine($"  phrases:   {string.Join("、", p.Phrases)}");
                break;
            case PatternRule p:
                Console.WriteLine($"  pattern:   {p.Expression.Text}");
                break;
            case ProximityRule p:
                Console.WriteLine($"  first:     {string.Join("、", p.First)}");
                Console.WriteLine($"  second:    {string.Join("、", p.Second)} (within {p.Within} characters)");
                break;
            case RequiredRule r:
                Console.WriteLine($"  requires:  {string.Join(" | ", r.Require.Concat(r.RequirePatternTexts))}");
                Console.WriteLine($"  scope:     {r.Scope.ToString().ToLowerInvariant()}");
                Console.WriteLine($"  inserts:   {r.InsertText}");
                break;
        }

        if (rule.Exceptions.Count > 0)
        {
            Console.WriteLine($"  exceptions: {string.Join("、", rule.Exceptions)}");
        }
    }

    private static Command Test()
    {
        var command = new Command("test", "Run every rule's flag/pass examples; exit 1 if any fails.") { CheckCommand.RulesDirs, CheckCommand.Config, CheckCommand.NoBuiltIn };
        command.SetAction(parse =>
        {
            var rules = LoadRules(parse);
            var (passed, failures) = RuleExampleRunner.Run(new RuleEngine(rules));
            foreach (var failure in failures)
            {
                Console.WriteLine(failure.Describe());
            }

            Console.WriteLine($"{rules.Rules.Count} rules, {passed} examples passed, {failures.Count} failed");
            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static RuleSet LoadRules(ParseResult parse)
    {
        var config = ToolSetup.LoadConfig(parse.GetValue(CheckCommand.Config));
        return ToolSetup.LoadRules(parse.GetValue(CheckCommand.RulesDirs) ?? [], config, !parse.GetValue(CheckCommand.NoBuiltIn));
    }
}
