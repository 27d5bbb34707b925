using System.CommandLine;

namespace ComplianceCheck.Cli.Commands;

/// <summary>Every verb of the tool, in the order help lists them.</summary>
internal static class CommandCatalog
{
    private static readonly (string Name, Func<Command> Create)[] Verbs =
    [
        ("check", CheckCommand.Create),
        ("rules", RulesCommand.Create),
        ("baseline", BaselineCommand.Create),
        ("train", TrainCommand.Create),
        ("eval", EvalCommand.Create),
        ("serve", ServeCommand.Create),
        ("users", UsersCommand.Create),
        ("audit", AuditCommand.Create),
        ("submit", SubmitCommand.Create),
    ];

    public static IEnumerable<Command> All() => Verbs.Select(v => v.Create());

    /// <summary>
    /// The verbs a command line needs: only the one it names, else all of them (root help, a misspelt verb). Building the
    /// options of all nine verbs was ~15 ms of a one-draft check's ~200 ms start.
    /// </summary>
    public static IEnumerable<Command> For(IReadOnlyList<string> args)
    {
        var named = args.Count > 0 ? Array.Find(Verbs, v => v.Name == args[0]) : default;
        return named.Create is { } create ? [create()] : All();
    }
}
