using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;
using Microsoft.Extensions.FileSystemGlobbing;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance check [PATH|-]...</c>: scan drafts and report findings.</summary>
internal static class CheckCommand
{
    public static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files or folders to scan (folders recursively); '-' reads standard input. Default: the current folder.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static readonly Option<string> Format = new("--format", "-f")
    {
        Description = "Report format: text, json, sarif, junit or github.",
        DefaultValueFactory = _ => "text",
    };

    public static readonly Option<string?> Output = new("--output", "-o") { Description = "Write the report to FILE instead of standard output." };

    public static readonly Option<string> FailOn = new("--fail-on")
    {
        Description = "Exit 1 when a finding at or above this severity remains: error, warning, info or none. Default: error (or the config's failOn).",
    };

    public static readonly Option<string[]> RulesDirs = new("--rules")
    {
        Description = "A folder of extra rule packs (<lang>/*.yaml), added to the built-in ones. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> Config = new("--config") { Description = "Config file (default: .compliance.yaml found upward from the current folder)." };

    public static readonly Option<string?> Product = new("--product") { Description = "Product of every draft: " + string.Join(", ", Vocabulary.Products) + "." };

    public static readonly Option<string?> Channel = new("--channel") { Description = "Channel of every draft: " + string.Join(", ", Vocabulary.Channels) + "." };

    public static readonly Option<string?> Lang = new("--lang") { Description = "Language of every draft: zh-CN or en (default: declared or detected)." };

    public static readonly Option<string?> StdinName = new("--stdin-name") { Description = "File name to report for '-' (its extension picks the format)." };

    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Judge which rules are in force on this date (yyyy-MM-dd; default today)." };

    public static readonly Option<bool> NoBuiltIn = new("--no-builtin") { Description = "Use only the --rules folders, not the built-in packs." };

    public static readonly Option<bool> NoColor = new("--no-color") { Description = "Never colour the text report." };

    public static Command Create()
    {
        var command = new Command("check", "Scan drafts for risky claims and missing statements.")
        {
            Paths, Format, Output, FailOn, RulesDirs, NoBuiltIn, Config, Product, Channel, Lang, StdinName, AsOf, NoColor,
        };
        foreach (var extension in CheckExtensions.Options)
        {
            command.Options.Add(extension);
        }

        Paths.Validators.Add(result =>
        {
            foreach (string token in result.Tokens.Select(t => t.Value).Where(v => v.Length > 1 && v.StartsWith('-')))
            {
                result.AddError($"unknown option '{token}'");
            }
        });
        command.SetAction(parse => Run(parse));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var stopwatch = Stopwatch.StartNew();
        string[] paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : ["."];
        _ = ScanWarmUp.Start(paths);
        var config = ToolSetup.LoadConfig(parse.GetValue(Config));
        ModelOptions.StartLoading(parse, config);
        string format = (parse.GetValue(Format) ?? "text").ToLowerInvariant();
        if (!CheckExtensions.Formats.Contains(format))
        {
            throw new UsageException($"--format '{format}' is not one of {string.Join(", ", CheckExtensions.Formats)}");
        }

        Severity? failOn = ParseFailOn(parse.GetValue(FailOn), config);
        var overrides = new ProfileOverrides(
            CheckVocabulary(parse.GetValue(Product), Vocabulary.Products, Vocabulary.NormalizeProduct, "--product"),
            CheckVocabulary(parse.GetValue(Channel), Vocabulary.Channels, Vocabulary.NormalizeChannel, "--channel"),
            parse.GetValue(Lang) is { } lang ? Vocabulary.NormalizeLang(lang) ?? throw new UsageException($"--lang '{lang}' is not one of zh-CN, en") : null);
        var asOf = DateOnly.FromDateTime(DateTime.Today);
        if (parse.GetValue(AsOf) is { } asOfText && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            throw new UsageException($"--as-of '{asOfText}' is not a date (yyyy-MM-dd)");
        }

        var engine = ToolSetup.LoadEngine(parse.GetValue(RulesDirs) ?? [], config, !parse.GetValue(NoBuiltIn));
        var settings = new ScanSettings
        {
            Engine = engine,
            Config = config,
            Overrides = overrides,
            AsOf = asOf,
            Augmenter = CheckExtensions.CreateAugmenter(parse, config, engine.RuleSet),
            KeepSourceLines = format == "text",
        };
        var scanner = new Scanner(settings);
        var context = new CheckRun(parse, scanner, format, failOn, stopwatch);
        return context.Execute(paths, parse.GetValue(StdinName), config);
    }

    private static Severity? ParseFailOn(string? value, ComplianceConfig config)
    {
        if (value == null)
        {
            return config.FailOnNone ? null : config.FailOn ?? Severity.Error;
        }

        return value.ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            "none" => null,
            _ => throw new UsageException($"--fail-on '{value}' is not one of error, warning, info, none"),
        };
    }

    /// <summary>The vocabulary term an option names (aliases such as 朋友圈 or loan accepted); a usage error otherwise.</summary>
    internal static string? CheckVocabulary(string? value, IReadOnlyList<string> allowed, Func<string?, string?> normalize, string option)
    {
        if (value == null)
        {
            return null;
        }

        return normalize(value) ?? throw new UsageException($"{option} '{value}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>Builds the ignore test from the config's globs (relative to the config's folder).</summary>
    public static Func<string, bool> IgnoreMatcher(ComplianceConfig config)
    {
        var extra = CheckExtensions.IgnoreTest(config);
        if (config.Ignore.Count == 0)
        {
            return extra;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Ignore);
        return path =>
        {
            string relative = Path.GetRelativePath(config.BaseDirectory, Path.GetFullPath(path)).Replace('\\', '/');
            return matcher.Match(relative.TrimEnd('/')).HasMatches || extra(path);
        };
    }
}

/// <summary>One execution of <c>check</c>: inputs, scanning, report output and exit code.</summary>
internal sealed class CheckRun(ParseResult parse, Scanner scanner, string format, Severity? failOn, Stopwatch stopwatch)
{
    public int Execute(string[] paths, string? stdinName, ComplianceConfig config)
    {
        var warnings = new List<string>();
        var results = new List<FileResult>();
        bool streamText = format == "text" && parse.GetValue(CheckCommand.Output) == null && CheckExtensions.StreamsText(parse);
        bool color = streamText && !parse.GetValue(CheckCommand.NoColor) && !Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var text = new TextReportWriter(Console.Out, color);

        var fileInputs = paths.Where(p => p != "-").ToList();
        if (paths.Contains("-"))
        {
            results.Add(ScanStdin(stdinName ?? "<stdin>"));
            if (streamText)
            {
                text.WriteFile(results[^1]);
            }
        }

        var inputs = InputEnumerator.Expand(fileInputs, CheckCommand.IgnoreMatcher(config), warnings).ToList();
        inputs = CheckExtensions.FilterInputs(parse, inputs, config);
        using var progress = new ProgressIndicator(inputs.Count);
        foreach (var result in scanner.ScanAll(inputs))
        {
            progress.Advance();
            if (result.Error != null && result.Warnings.Any(w => w.StartsWith("skipped:", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine($"compliance: warning: {result.Path}: {result.Error}; skipped");
                continue;
            }

            foreach (string warning in result.Warnings)
            {
                Console.Error.WriteLine($"compliance: warning: {result.Path}: {warning}");
            }

            results.Add(CheckExtensions.Transform(parse, result));
            if (streamText)
            {
                text.WriteFile(results[^1]);
            }
        }

        foreach (string warning in warnings)
        {
            Console.Error.WriteLine($"compliance: warning: {warning}");
        }

        var report = new ScanReport(RuleSet.ToolVersion, scanner.Settings.Engine.RuleSet.Fingerprint, scanner.Settings.Augmenter?.Fingerprint,
            results, stopwatch.Elapsed);
        report = CheckExtensions.Finish(parse, report, scanner);
        if (streamText)
        {
            text.WriteSummary(report);
        }
        else
        {
            WriteReport(report, format, parse.GetValue(CheckCommand.Output));
        }

        CheckExtensions.WriteExtraOutputs(parse, report);
        foreach (var failed in report.Files.Where(f => f.Error != null))
        {
            Console.Error.WriteLine($"compliance: error: {failed.Path}: {failed.Error}");
        }

        if (report.Files.Any(f => f.Error != null))
        {
            return ExitCodes.Error;
        }

        return report.HasFindingsAtOrAbove(failOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private FileResult ScanStdin(string name)
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return scanner.ScanBytes(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static void WriteReport(ScanReport report, string format, string? outputPath)
    {
        Stream stream = outputPath == null ? Console.OpenStandardOutput() : OpenOutput(outputPath);
        try
        {
            ReportFormats.Write(report, format, stream);
        }
        finally
        {
            stream.Flush();
            if (outputPath != null)
            {
                stream.Dispose();
            }
        }
    }

    public static Stream OpenOutput(string path)
    {
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir != null)
            {
                Directory.CreateDirectory(dir);
            }

            return File.Create(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write report: {ex.Message}");
        }
    }
}
