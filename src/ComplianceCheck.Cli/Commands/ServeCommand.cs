using System.CommandLine;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance serve [--urls URL] [--db FILE]</c>: the review queue for the browser and the API for CI.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (default http://127.0.0.1:5080; put a TLS proxy in front for other machines).",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var db = ReviewDatabase.Option();
        var skipLegal = new Option<bool>("--clean-drafts-skip-legal")
        {
            Description = "Let drafts with no findings go from creative straight to operations (off by default).",
        };
        var command = new Command("serve", "Run the review web app (三方联审 queue) and its JSON API.") { urls, db, skipLegal, ModelOptions.NoModel };
        command.SetAction(parse =>
        {
            string database = parse.GetValue(db)!;
            ReviewDatabase.Open(database, mayCreate: true);
            string[] args =
            [
                "--urls", parse.GetValue(urls)!,
                "--Review:Database", Path.GetFullPath(database),
                "--Review:CleanDraftsSkipLegal", parse.GetValue(skipLegal) ? "true" : "false",
            ];
            // The classifier checks submitted versions too (its fingerprint is stored with them) unless --no-model.
            // The server scans with the built-in packs, loaded once here for the engine and for the model (whose apr judgements
            // follow where those packs' apr rules apply); this registration replaces the server's own engine.
            var rules = RuleSet.Load();
            var augmenter = ModelOptions.CreateAugmenter(parse, ComplianceConfig.Empty, rules);
            var app = ReviewServer.Create(args, services =>
            {
                services.AddSingleton(new RuleEngine(rules));
                if (augmenter != null)
                {
                    services.AddSingleton(augmenter);
                }
            });
            Console.WriteLine($"compliance review server on {parse.GetValue(urls)} (database {Path.GetFullPath(database)})");
            ReviewServer.PrintFirstStartHelp(app, Console.Out);
            try
            {
                app.Run();
            }
            catch (IOException ex)
            {
                throw new UsageException($"cannot listen on {parse.GetValue(urls)}: {ex.Message}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
