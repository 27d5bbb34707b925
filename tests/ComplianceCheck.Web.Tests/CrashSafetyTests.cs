using System.Collections.Concurrent;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Tests;
using ComplianceCheck.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Web.Tests;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-crash-").FullName;

    private string Db => Path.Combine(_folder, "review.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task After_sigkill_in_a_burst_every_acknowledged_write_is_there_nothing_is_half_written_and_the_chain_verifies()
    {
        var alice = ServerProcess.AddUser(Db, "alice", Role.Creative);
        var lily = ServerProcess.AddUser(Db, "lily", Role.Legal);
        var acknowledgedItems = new ConcurrentDictionary<long, string>();
        var acknowledgedDecisions = new ConcurrentBag<long>();

        using (var server = ServerProcess.Start(Db))
        {
            using var creative = server.Client(alice);
            using var legal = server.Client(lily);
            using var stop = new CancellationTokenSource();

            // Writers submit clean drafts and legal approves each as soon as it exists, until the process dies.
            var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                for (int n = 0; !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        var (status, item) = await creative.PostJson("/api/items", new { content = $"{Drafts.Clean}\n编号 {w}-{n}\n", fileName = $"d{w}-{n}.md" });
                        if (status != 201)
                        {
                            continue;
                        }

                        long id = item["id"]!.GetValue<long>();
                        string sha = item["contentHash"]!.GetValue<string>();
                        acknowledgedItems[id] = sha;
                        var (decided, _) = await legal.PostJson($"/api/items/{id}/decisions", new { stage = "legal", decision = "approve", contentHash = sha });
                        if (decided == 200)
                        {
                            acknowledgedDecisions.Add(id);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
                    {
                        return;
                    }
                }
            })).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledgedDecisions.Count < 20 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            acknowledgedDecisions.Count.ShouldBeGreaterThanOrEqualTo(20, "the burst did not get going:\n" + server.Output);

            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        SqliteConnection.ClearAllPools();
        using (var restarted = ServerProcess.Start(Db))
        using (var reader = restarted.Client(lily))
        {
            foreach (var (id, sha) in acknowledgedItems)
            {
                var (status, item) = await reader.GetJson($"/api/items/{id}");
                status.ShouldBe(200);
                item["contentHash"]!.GetValue<string>().ShouldBe(sha);
            }

            foreach (long id in acknowledgedDecisions)
            {
                (await reader.GetJson($"/api/items/{id}")).Body["state"]!.GetValue<string>().ShouldBe("in-review:operations");
            }
        }

        // Each write and its audit events commit together: the counts must agree exactly.
        Count("SELECT COUNT(*) FROM items").ShouldBe(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'item-created'"));
        Count("SELECT COUNT(*) FROM versions").ShouldBe(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'version-submitted'"));
        Count("SELECT COUNT(*) FROM decisions").ShouldBe(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'decision'"));
        Count("SELECT COUNT(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.item_id = i.id AND v.number = i.current_version)").ShouldBe(0);
        Count("SELECT COUNT(*) FROM items WHERE state = 'in-review:operations'").ShouldBe(Count("SELECT COUNT(*) FROM decisions"));
        Count("SELECT COUNT(*) FROM decisions").ShouldBeGreaterThanOrEqualTo(acknowledgedDecisions.Count);

        var verify = CliProcess.Run(_folder, "audit", "verify", "--db", Db);
        verify.ExitCode.ShouldBe(0, verify.ToString());
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
