using System.CommandLine;

namespace ComplianceCheck.Cli.Commands;

/// <summary>Every verb of the tool, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return CheckCommand.Create();
        yield return RulesCommand.Create();
        yield return BaselineCommand.Create();
        yield return TrainCommand.Create();
        yield return EvalCommand.Create();
        yield return ServeCommand.Create();
        yield return UsersCommand.Create();
        yield return AuditCommand.Create();
        yield return SubmitCommand.Create();
    }
}
