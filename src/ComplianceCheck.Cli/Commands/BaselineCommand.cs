using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Cli.Commands;

/// <summary>
/// <c>compliance baseline create -o FILE [PATH...]</c>: records today's findings so that <c>check --baseline FILE</c>
/// fails only on new ones. Scans exactly as <c>check</c> does (same rules, config, ignore files and classifier).
/// </summary>
internal static class BaselineCommand
{
    public const string DefaultFile = ".compliance-baseline.json";

    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = $"The baseline file to write (default: {DefaultFile}). Paths inside it are relative to its folder.",
        DefaultValueFactory = _ => DefaultFile,
    };

    public static Command Create()
    {
        var command = new Command("baseline", "Record the findings a content repository accepts for now, so the gate fails only on new ones.");
        command.Subcommands.Add(CreateVerb());
        return command;
    }

    private static Command CreateVerb()
    {
        var command = new Command("create", "Scan drafts and write every finding (rule id, path and a fingerprint of the matched text and its sentence, not line numbers) to a baseline file.")
        {
            CheckCommand.Paths, Output, CheckCommand.RulesDirs, CheckCommand.NoBuiltIn, CheckCommand.Config, CheckCommand.Product, CheckCommand.Channel,
            CheckCommand.Lang, CheckCommand.AsOf, ModelOptions.NoModel,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var stopwatch = Stopwatch.StartNew();
        string output = parse.GetValue(Output) ?? DefaultFile;
        string[] paths = parse.GetValue(CheckCommand.Paths) is { Length: > 0 } given ? given : ["."];
        if (paths.Contains("-"))
        {
            throw new UsageException("baseline create scans files and folders, not standard input");
        }

        var config = ToolSetup.LoadConfig(parse.GetValue(CheckCommand.Config));
        var overrides = new ProfileOverrides(
            CheckCommand.CheckVocabulary(parse.GetValue(CheckCommand.Product), Vocabulary.Products, Vocabulary.NormalizeProduct, "--product"),
            CheckCommand.CheckVocabulary(parse.GetValue(CheckCommand.Channel), Vocabulary.Channels, Vocabulary.NormalizeChannel, "--channel"),
            parse.GetValue(CheckCommand.Lang) is { } lang
                ? ComplianceCheck.Core.Rules.Vocabulary.NormalizeLang(lang) ?? throw new UsageException($"--lang '{lang}' is not one of zh-CN, en")
                : null);
        var asOf = DateOnly.FromDateTime(DateTime.Today);
        if (parse.GetValue(CheckCommand.AsOf) is { } asOfText
            && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw new UsageException($"--as-of '{asOfText}' is not a date (yyyy-MM-dd)");
        }

        var engine = ToolSetup.LoadEngine(parse.GetValue(CheckCommand.RulesDirs) ?? [], config, !parse.GetValue(CheckCommand.NoBuiltIn));
        var scanner = new Scanner(new ScanSettings
        {
            Engine = engine,
            Config = config,
            Overrides = overrides,
            AsOf = asOf,
            Augmenter = CheckExtensions.CreateAugmenter(parse, config, engine.RuleSet),
        });

        var warnings = new List<string>();
        var inputs = InputEnumerator.Expand(paths, CheckCommand.IgnoreMatcher(config), warnings).ToList();
        var results = new List<FileResult>();
        using (var progress = new ProgressIndicator(inputs.Count))
        {
            foreach (var result in scanner.ScanAll(inputs))
            {
                progress.Advance();
                if (result.Error != null && result.Warnings.Any(w => w.StartsWith("skipped:", StringComparison.Ordinal)))
                {
                    Console.Error.WriteLine($"compliance: warning: {result.Path}: {result.Error}; skipped");
                    continue;
                }

                results.Add(result);
            }
        }

        foreach (string warning in warnings)
        {
            Console.Error.WriteLine($"compliance: warning: {warning}");
        }

        var failed = results.Where(r => r.Error != null).ToList();
        foreach (var file in failed)
        {
            Console.Error.WriteLine($"compliance: error: {file.Path}: {file.Error}");
        }

        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"compliance: {output} not written: {failed.Count} file(s) could not be scanned");
            return ExitCodes.Error;
        }

        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(output)) ?? Directory.GetCurrentDirectory();
        var baseline = Baseline.FromResults(results, baseDirectory, RuleSet.ToolVersion, engine.RuleSet.Fingerprint);
        using (var stream = CheckRun.OpenOutput(output))
        {
            baseline.Write(stream);
        }

        Console.WriteLine($"wrote {baseline.Entries.Count} finding(s) from {results.Count} file(s) to {output} in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        var byCategory = results.SelectMany(r => r.Findings).Where(f => !f.Suppressed).GroupBy(f => f.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}").ToList();
        if (byCategory.Count > 0)
        {
            Console.WriteLine("by category: " + string.Join(", ", byCategory));
        }

        Console.WriteLine($"gate on new findings only: compliance check --baseline {output}");
        return ExitCodes.Ok;
    }
}
