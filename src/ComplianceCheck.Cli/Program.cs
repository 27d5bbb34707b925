using System.CommandLine;
using ComplianceCheck.Cli;
using ComplianceCheck.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;

var root = new RootCommand("compliance: checks financial marketing drafts (Markdown, HTML, text) against advertising and financial-promotion rules.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

try
{
    return root.Parse(args).Invoke();
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"compliance: {ex.Message}");
    return ExitCodes.Error;
}
