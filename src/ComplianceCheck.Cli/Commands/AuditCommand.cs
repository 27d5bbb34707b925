using System.CommandLine;
using ComplianceCheck.Review.Audit;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance audit verify|export</c>: check the hash chain of the review record, or export it for auditors.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Verify or export the review audit trail.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Verify()
    {
        var db = ReviewDatabase.Option();
        var command = new Command("verify", "Recompute the audit hash chain; exit 1 naming the first event that was edited or deleted.") { db };
        command.SetAction(parse =>
        {
            var store = ReviewDatabase.Open(parse.GetValue(db)!, mayCreate: false);
            var result = store.VerifyAudit();
            if (!result.IsIntact)
            {
                Console.WriteLine($"audit chain BROKEN at event {result.FirstBadSequence}: {result.Problem}");
                Console.WriteLine($"{result.EventsChecked} event(s) before it verified");
                return ExitCodes.Findings;
            }

            var last = store.ReadAudit().LastOrDefault();
            Console.WriteLine($"audit chain intact: {result.EventsChecked} event(s)");

            // Writing the head down elsewhere (a ticket, an e-mail) also catches someone who rewrites the whole chain.
            Console.WriteLine($"head: event {last?.Sequence ?? 0} {last?.Hash ?? AuditChain.GenesisHash}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var format = new Option<string>("--format", "-f") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output." };
        var db = ReviewDatabase.Option();
        var command = new Command("export", "Write every audit event (who, role, action, item, version hash, decision, comment, time, hashes).")
        {
            format, output, db,
        };
        command.SetAction(parse =>
        {
            string chosen = parse.GetValue(format)!.ToLowerInvariant();
            if (!AuditExport.Formats.Contains(chosen))
            {
                throw new UsageException($"--format '{chosen}' is not one of csv, json");
            }

            var events = ReviewDatabase.Open(parse.GetValue(db)!, mayCreate: false).ReadAudit();
            string? path = parse.GetValue(output);
            using var stream = path == null ? Console.OpenStandardOutput() : CheckRun.OpenOutput(path);
            AuditExport.Write(events, chosen, stream);
            return ExitCodes.Ok;
        });
        return command;
    }
}
