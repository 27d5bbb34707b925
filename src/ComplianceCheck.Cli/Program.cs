using System.CommandLine;
using ComplianceCheck.Cli;
using ComplianceCheck.Cli.Commands;

// A check emits no code, but the YAML library builds a RegexOptions.Compiled regex (Reflection.Emit and three methods
// compiled at full optimisation) the first time it reads front matter: ~28 ms of a ~250 ms one-draft check. Without
// dynamic code the regex runs on the interpreter. Training (ML.NET) and the web host do emit, so only check opts out.
if (args.Length > 0 && args[0] == "check")
{
    AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
}

Console.OutputEncoding = System.Text.Encoding.UTF8;

var root = new RootCommand("compliance: checks financial marketing drafts (Markdown, HTML, text) against advertising and financial-promotion rules.");
foreach (var command in CommandCatalog.For(args))
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
