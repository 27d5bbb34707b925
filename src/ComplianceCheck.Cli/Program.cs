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
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"compliance: {error.Message}");
        }

        Console.Error.WriteLine("compliance: see 'compliance --help'");
        return ExitCodes.Error;
    }

    // Our own handler below prints one clear line and exits 2; the library's would print a stack trace.
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"compliance: {ex.Message}");
    return ExitCodes.Error;
}
