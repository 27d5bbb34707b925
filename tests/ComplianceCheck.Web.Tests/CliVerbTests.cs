using System.Text.Json;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Web.Tests;

/// <summary>serve, users, audit, submit and check --require-approval, each run as the real 'compliance' process.</summary>
public sealed class CliVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-cli-").FullName;

    private string Db => Path.Combine(_folder, "review.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Users_add_prints_the_password_and_token_once_and_stores_only_hashes()
    {
        var result = CliProcess.Run(_folder, "users", "add", "lily", "--role", "legal", "--db", Db);

        result.ExitCode.ShouldBe(0, result.ToString());
        string password = Line(result.Stdout, "password: ");
        string token = Line(result.Stdout, "token: ");
        password.Length.ShouldBe(20);
        token.ShouldStartWith("cct_");
        string fileText = System.Text.Encoding.Latin1.GetString(ReadAllShared(Db));
        fileText.ShouldNotContain(password);
        fileText.ShouldNotContain(token);

        var again = CliProcess.Run(_folder, "users", "add", "LILY", "--role", "creative", "--db", Db);
        again.ExitCode.ShouldBe(2);
        again.Stderr.ShouldContain("already exists");
        CliProcess.Run(_folder, "users", "add", "x", "--role", "boss", "--db", Db).ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Audit_verify_passes_on_an_honest_database_and_fails_naming_the_event_edited_in_the_file()
    {
        using (var h = new ReviewHarness(databasePath: Db))
        {
            h.ApproveFully(Drafts.TwoErrors);
        }

        var honest = CliProcess.Run(_folder, "audit", "verify", "--db", Db);
        honest.ExitCode.ShouldBe(0, honest.ToString());
        honest.Stdout.ShouldContain("audit chain intact");

        Sql("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET decision = 'legal:reject' WHERE decision = 'legal:approve'");
        long edited = (long)Sql("SELECT seq FROM audit_events WHERE decision = 'legal:reject'")!;

        var broken = CliProcess.Run(_folder, "audit", "verify", "--db", Db);
        broken.ExitCode.ShouldBe(1, broken.ToString());
        broken.Stdout.ShouldContain($"BROKEN at event {edited}");
    }

    [Fact]
    public void Audit_export_writes_csv_and_json_for_auditors()
    {
        using (var h = new ReviewHarness(databasePath: Db))
        {
            h.ApproveFully(Drafts.Clean);
        }

        var csv = CliProcess.Run(_folder, "audit", "export", "--format", "csv", "--db", Db);
        csv.ExitCode.ShouldBe(0, csv.ToString());
        csv.Stdout.ShouldContain("sequence,at,actor,role,action,itemId,versionHash,decision,comment,previousHash,hash");
        csv.Stdout.ShouldContain("operations:approve");

        string output = Path.Combine(_folder, "audit.json");
        CliProcess.Run(_folder, "audit", "export", "--format", "json", "--db", Db, "--output", output).ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        json.RootElement.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("decision");

        CliProcess.Run(_folder, "audit", "export", "--format", "xml", "--db", Db).ExitCode.ShouldBe(2);
        CliProcess.Run(_folder, "audit", "verify", "--db", Path.Combine(_folder, "missing.db")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Serve_explains_how_to_create_the_first_user_and_submit_and_the_approval_gate_work_against_it()
    {
        using var server = ServerProcess.Start(Db);
        server.Output.ShouldContain("compliance users add NAME --role creative|legal|operations|admin --db");

        var alice = ServerProcess.AddUser(Db, "alice", Role.Creative);
        var lily = ServerProcess.AddUser(Db, "lily", Role.Legal);
        var oscar = ServerProcess.AddUser(Db, "oscar", Role.Operations);
        string clean = Write("海报 文案.md", Drafts.Clean);
        string flawed = Write("flawed.md", Drafts.TwoErrors);
        string unknown = Write("never-submitted.md", Drafts.Clean + "另一个版本\n");

        var submitted = CliProcess.Run(_folder, "submit", clean, "--server", server.Url, "--token", alice.Token);
        submitted.ExitCode.ShouldBe(0, submitted.ToString());
        submitted.Stdout.ShouldContain($"{server.Url}/items/1");
        submitted.Stdout.ShouldContain("state: in-review:legal");
        submitted.Stdout.ShouldContain("no findings");

        var flagged = CliProcess.Run(_folder, "submit", flawed, "--server", server.Url, "--token", alice.Token);
        flagged.Stdout.ShouldContain("state: draft");
        flagged.Stdout.ShouldContain("ZH-GUA-001");
        flagged.Stdout.ShouldContain("「保本」");
        await ApproveThroughApi(server, 2, Line(flagged.Stdout, "sha256: "), alice, lily, oscar);

        // One run, three files: approved (its findings count as reviewed), in review, and never submitted.
        var gate = CliProcess.Run(_folder, "check", flawed, clean, unknown, "--require-approval", "--format", "json",
            "--server", server.Url, "--token", alice.Token, "--no-model");
        gate.ExitCode.ShouldBe(1, gate.ToString());
        using var report = JsonDocument.Parse(gate.Stdout);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => Path.GetFileName(f.GetProperty("path").GetString()!));
        var approvedFindings = files["flawed.md"].GetProperty("findings").EnumerateArray().ToList();
        approvedFindings.Select(f => f.GetProperty("ruleId").GetString()).ShouldBe(["ZH-GUA-001", "ZH-ABS-004"]);
        approvedFindings.ShouldAllBe(f => f.GetProperty("suppressed").GetBoolean() && f.GetProperty("suppressionReason").GetString()!.Contains("approved in review item 2"));
        GateMessage(files["海报 文案.md"]).ShouldContain("item 1, in-review:legal, not approved yet");
        GateMessage(files["never-submitted.md"]).ShouldContain("no approved review for this exact content");

        var passed = CliProcess.Run(_folder, "check", flawed, "--require-approval", "--server", server.Url, "--token", alice.Token, "--no-model");
        passed.ExitCode.ShouldBe(0, passed.ToString());

        var refused = CliProcess.Run(_folder, "check", flawed, "--require-approval", "--server", server.Url, "--token", "cct_wrong", "--no-model");
        refused.ExitCode.ShouldBe(2);
        refused.Stderr.ShouldContain("401");
    }

    private static async Task ApproveThroughApi(ServerProcess server, long id, string sha, TestUser author, TestUser legal, TestUser operations)
    {
        foreach (var (user, stage) in new[] { (author, "creative"), (legal, "legal"), (operations, "operations") })
        {
            using var client = server.Client(user);
            if (stage != "operations")
            {
                foreach (int finding in new[] { 0, 1 })
                {
                    (await client.PostJson($"/api/items/{id}/dispositions", new { contentHash = sha, finding, disposition = "not-required", reason = "已核实" })).Status.ShouldBe(200);
                }
            }

            (await client.PostJson($"/api/items/{id}/decisions", new { stage, decision = "approve", contentHash = sha })).Status.ShouldBe(200);
        }
    }

    private static string GateMessage(JsonElement file) =>
        file.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "REVIEW-APPROVAL").GetProperty("message").GetString()!;

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    private static byte[] ReadAllShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        string wal = path + "-wal";
        if (File.Exists(wal))
        {
            using var walStream = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            walStream.CopyTo(buffer);
        }

        return buffer.ToArray();
    }

    private object? Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
