using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ComplianceCheck.Review.Model;
using ComplianceCheck.Review.Security;
using ComplianceCheck.Review.Storage;

namespace ComplianceCheck.Web.Tests;

/// <summary>
/// The real server: <c>dotnet compliance.dll serve</c> on 127.0.0.1 and a free port, as an operator starts it.
/// Dispose stops it; <see cref="Kill"/> ends it with SIGKILL, as a crash would.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServerProcess Start(string database)
    {
        string url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(database)!,
        };
        // --no-model: these tests pin what the rules find; the classifier is tested on its own.
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "compliance.dll"), "serve", "--urls", url, "--db", database, "--no-model" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["DOTNET_NOLOGO"] = "1";
        var server = new ServerProcess(Process.Start(psi)!, url);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server.WaitUntilHealthy();
        return server;
    }

    /// <summary>Creates an account directly in the database file (before or while the server runs).</summary>
    public static TestUser AddUser(string database, string name, Role role)
    {
        var created = new UserAccounts(new SqliteReviewStore(database), TimeProvider.System, new PasswordHasher(iterations: 1_000)).Create(name, role, "test");
        return new TestUser(created.User, created.Password, created.Token);
    }

    public HttpClient Client(TestUser? user = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
        if (user != null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        }

        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever the database had not committed is lost.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void WaitUntilHealthy()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if (probe.GetAsync(Url + "/healthz").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("the server did not become healthy within 60 s:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line != null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
