using System.Net.Sockets;
using System.Text;
using ComplianceCheck.Review.Model;
using Microsoft.Data.Sqlite;

namespace ComplianceCheck.Web.Tests;

/// <summary>The body limits of the real server process (Kestrel), with and without a declared length.</summary>
public sealed class KestrelLimitTests : IDisposable
{
    private const int OverLimit = 5 * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-limits-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Bodies_over_four_megabytes_get_a_clear_413_whether_or_not_they_declare_their_length()
    {
        string db = Path.Combine(_folder, "review.db");
        var alice = ServerProcess.AddUser(db, "alice", Role.Creative);
        using var server = ServerProcess.Start(db);

        string declared = await RawPost(server.Url, alice.Token, chunked: false);
        declared.ShouldStartWith("HTTP/1.1 413");
        declared.ShouldContain("the limit is 4,194,304 bytes");

        // A chunked upload has no length to check up front; Kestrel stops reading at the limit.
        string streamed = await RawPost(server.Url, alice.Token, chunked: true);
        streamed.ShouldStartWith("HTTP/1.1 413");
        streamed.ShouldContain("larger than the limit");

        // The server is still healthy and still takes normal drafts.
        using var client = server.Client(alice);
        (await client.PostJson("/api/items", new { content = "周末读书会", fileName = "ok.md" })).Status.ShouldBe(201);
    }

    /// <summary>
    /// Sends an oversized POST over a raw socket while reading the answer at the same time: the server answers and
    /// closes before the body is through, which an HttpClient reports only as a broken pipe.
    /// </summary>
    private static async Task<string> RawPost(string url, string token, bool chunked)
    {
        var uri = new Uri(url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        string length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {OverLimit}";
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /api/items HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n{length}\r\n\r\n");
        await stream.WriteAsync(head);

        var reading = ReadAnswer(stream);
        var writing = Task.Run(async () =>
        {
            async Task Send(byte[] bytes)
            {
                await stream.WriteAsync(chunked ? [.. Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), .. bytes, .. "\r\n"u8.ToArray()] : bytes);
            }

            byte[] piece = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            try
            {
                // Valid JSON as far as it goes (one long string), so only the size can stop it.
                await Send("{\"content\":\""u8.ToArray());
                for (int sent = 0; sent < OverLimit && !reading.IsCompleted; sent += piece.Length)
                {
                    await Send(piece);
                }
            }
            catch (IOException)
            {
                // The server closed the connection after answering: expected.
            }
        });

        string answer = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        await writing.WaitAsync(TimeSpan.FromSeconds(30));
        return answer;
    }

    private static async Task<string> ReadAnswer(NetworkStream stream)
    {
        var received = new StringBuilder();
        byte[] buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (received.ToString().Contains("\"instance\"", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Connection reset after the answer arrived.
        }

        return received.ToString();
    }
}
