using System.CommandLine;
using System.Text.Json.Nodes;
using ComplianceCheck.Core.Documents;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance submit FILE --server URL --token TOKEN</c>: send a draft (or a new version of one) for review.</summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The draft (.md, .html or .txt)." };
        var title = new Option<string?>("--title") { Description = "The item's title (default: the draft's first line)." };
        var product = new Option<string?>("--product") { Description = "The draft's product (default: declared or detected)." };
        var channel = new Option<string?>("--channel") { Description = "The draft's channel." };
        var item = new Option<long?>("--item") { Description = "Submit FILE as a new version of this item instead of a new item." };
        var server = ReviewClient.ServerOption();
        var token = ReviewClient.TokenOption();
        var command = new Command("submit", "Submit a draft to the review queue; prints the item's URL and the checker's findings.")
        {
            file, title, product, channel, item, server, token,
        };
        command.SetAction(parse =>
        {
            var client = ReviewClient.From(parse.GetValue(server), parse.GetValue(token), "submit");
            string path = parse.GetValue(file)!;
            string content = ReadDraft(path);
            var answer = parse.GetValue(item) is { } itemId
                ? client.Post($"/api/items/{itemId}/versions", new { content })
                : client.Post("/api/items", new
                {
                    content,
                    fileName = Path.GetFileName(path),
                    title = parse.GetValue(title),
                    product = parse.GetValue(product),
                    channel = parse.GetValue(channel),
                });
            Print(answer, path);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Decodes the file exactly as <c>check</c> does, so the hash the server approves is the one the gate computes.</summary>
    public static string ReadDraft(string path)
    {
        try
        {
            return TextDecoder.Decode(File.ReadAllBytes(path)).Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read file: {ex.Message}");
        }
        catch (UnreadableDraftException ex)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }

    private static void Print(JsonObject item, string path)
    {
        var version = item["versions"]!.AsArray().Last()!;
        Console.WriteLine($"item {item["id"]} version {version["number"]}: {item["url"]}");
        Console.WriteLine($"state: {item["state"]}");
        Console.WriteLine($"sha256: {version["sha256"]}");
        var findings = version["findings"]!.AsArray();
        var active = findings.Where(f => f!["suppressed"]!.GetValue<bool>() == false && f["inForce"]!.GetValue<bool>()).ToList();
        Console.WriteLine(active.Count == 0 ? "no findings" : $"{active.Count} finding(s):");
        foreach (var f in active)
        {
            string match = f!["match"]!.GetValue<string>();
            Console.WriteLine($"  {path}:{f["line"]}:{f["column"]} {f["severity"]} {f["ruleId"]} {f["message"]}{(match.Length > 0 ? $" 「{match}」" : string.Empty)}");
        }
    }
}
