using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Tests;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Web.Tests;

/// <summary>The queue's paging against the real server process, with drafts posted while a client pages.</summary>
public sealed class ServerPagingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-paging-").FullName;

    private string Db => Path.Combine(_folder, "review.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Following_next_links_on_the_real_server_sees_each_earlier_draft_once_while_new_drafts_arrive()
    {
        var alice = ServerProcess.AddUser(Db, "alice", Role.Creative);
        var lily = ServerProcess.AddUser(Db, "lily", Role.Legal);
        using var server = ServerProcess.Start(Db);
        using var creative = server.Client(alice);
        using var legal = server.Client(lily);
        async Task<long> Post(string tag)
        {
            var (status, item) = await creative.PostJson("/api/items", new { content = $"{Drafts.Clean}\n{tag}\n", fileName = tag + ".md" });
            status.ShouldBe(201, item.ToJsonString());
            return item["id"]!.GetValue<long>();
        }

        var earlier = new List<long>();
        for (int i = 0; i < 12; i++)
        {
            earlier.Add(await Post($"earlier-{i}"));
        }

        foreach (string sort in new[] { "oldest", "newest" })
        {
            var seen = new List<long>();
            string? next = $"{server.Url}/api/items?stage=legal&sort={sort}&limit=4";
            for (int round = 0; next != null && round < 40; round++)
            {
                var (status, page) = await legal.GetJson(next);
                status.ShouldBe(200, page.ToJsonString());
                seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
                next = page["next"]?.GetValue<string>();
                next?.ShouldStartWith(server.Url + "/api/items?");
                await Post($"{sort}-{round}");
            }

            next.ShouldBeNull();
            seen.ShouldBeUnique();
            seen.Where(earlier.Contains).ShouldBe(sort == "newest" ? earlier.AsEnumerable().Reverse() : earlier);
        }
    }
}
