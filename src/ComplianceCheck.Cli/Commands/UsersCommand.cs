using System.CommandLine;
using ComplianceCheck.Review;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Security;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance users add NAME --role ROLE [--db FILE]</c>: creates an account and prints its secrets once.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage the review app's accounts.");
        command.Subcommands.Add(Add());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "The user name (no spaces)." };
        var role = new Option<string>("--role")
        {
            Description = "creative (writes drafts), legal, operations (decide their stage) or admin (reads everything, decides nothing).",
            Required = true,
        };
        var tokenDays = new Option<int?>("--token-days") { Description = "Make the API token expire after this many days (default: no expiry)." };
        var db = ReviewDatabase.Option();
        var command = new Command("add", "Add a user; prints a generated password and API token once (only their hashes are stored).")
        {
            name, role, tokenDays, db,
        };
        command.SetAction(parse =>
        {
            if (!Roles.TryParse(parse.GetValue(role), out var parsedRole))
            {
                throw new UsageException($"--role '{parse.GetValue(role)}' is not one of creative, legal, operations, admin");
            }

            if (parse.GetValue(tokenDays) is <= 0)
            {
                throw new UsageException("--token-days must be at least 1");
            }

            string database = parse.GetValue(db)!;
            var store = ReviewDatabase.Open(database, mayCreate: true);
            var accounts = new UserAccounts(store, TimeProvider.System);
            CreatedUser created;
            try
            {
                var lifetime = parse.GetValue(tokenDays) is { } days ? TimeSpan.FromDays(days) : (TimeSpan?)null;
                created = accounts.Create(parse.GetValue(name)!, parsedRole, Environment.UserName + " (cli)", lifetime);
            }
            catch (ReviewException ex)
            {
                throw new UsageException(ex.Message);
            }

            Console.WriteLine($"added {created.User.Name} ({Roles.Name(created.User.Role)}) to {Path.GetFullPath(database)}");
            Console.WriteLine($"password: {created.Password}");
            Console.WriteLine($"token: {created.Token}");
            if (created.User.TokenExpiresAt is { } expires)
            {
                Console.WriteLine($"token expires: {expires:yyyy-MM-dd HH:mm} UTC");
            }

            Console.Error.WriteLine("Store these now: they are shown only once.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
