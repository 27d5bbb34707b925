using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Gate.Tests;

/// <summary>
/// A temporary content repository: the gate-test rule pack (rules/), a config that turns the classifier off so the
/// findings are exactly the rules', and helpers to write drafts, run the real CLI and drive git.
/// </summary>
public sealed class GateRepo : IDisposable
{
    public GateRepo(bool withRules = true)
    {
        Directory.CreateDirectory(Root);
        if (withRules)
        {
            CopyDirectory(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rules"), Path.Combine(Root, "rules"));
            File.WriteAllText(Path.Combine(Root, ".compliance.yaml"), "model:\n  enabled: false\n");
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cc-gate-" + Guid.NewGuid().ToString("N")[..10]);

    public static UTF8Encoding Utf8 { get; } = new(false);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content, Encoding? encoding = null, bool bom = false)
    {
        var enc = encoding ?? Utf8;
        byte[] body = enc.GetBytes(content);
        byte[] preamble = enc is UTF8Encoding ? [0xEF, 0xBB, 0xBF] : enc.GetPreamble();
        return WriteBytes(relative, bom ? [.. preamble, .. body] : body);
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative), Utf8);

    public byte[] ReadBytes(string relative) => File.ReadAllBytes(PathOf(relative));

    public CliResult Run(params string[] args) => CliProcess.Run(Root, args);

    /// <summary><c>compliance check</c> with the gate-test rules only.</summary>
    public CliResult Check(params string[] args) => CliProcess.Run(Root, ["check", "--rules", "rules", "--no-builtin", .. args]);

    public CliResult BaselineCreate(params string[] args) => CliProcess.Run(Root, ["baseline", "create", "--rules", "rules", "--no-builtin", .. args]);

    /// <summary>The JSON report of a check (written with --json-output so stdout stays free).</summary>
    public (CliResult Result, JsonDocument Report) CheckJson(params string[] args)
    {
        string file = Path.Combine(Root, ".out", Guid.NewGuid().ToString("N")[..8] + ".json");
        var r = Check([.. args, "--json-output", file]);
        File.Exists(file).ShouldBeTrue(r.ToString());
        return (r, JsonDocument.Parse(File.ReadAllBytes(file)));
    }

    public static List<(string Path, string RuleId, string Match, int Line)> Findings(JsonDocument report) =>
        report.RootElement.GetProperty("files").EnumerateArray()
            .SelectMany(f => f.GetProperty("findings").EnumerateArray().Select(x => (
                Normalize(f.GetProperty("path").GetString()!),
                x.GetProperty("ruleId").GetString()!,
                x.GetProperty("match").GetString()!,
                x.GetProperty("line").GetInt32())))
            .ToList();

    public static List<string> ScannedPaths(JsonDocument report) =>
        report.RootElement.GetProperty("files").EnumerateArray().Select(f => Normalize(f.GetProperty("path").GetString()!)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Report paths as given on the command line ("./a.md" from a scan of "."), without the leading "./".</summary>
    public static string Normalize(string path) => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;

    public void InitGit()
    {
        Git("init", "-q", "-b", "main");
        File.WriteAllText(PathOf(".gitignore"), ".out/\n");
    }

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    public string Git(params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["-c", "user.name=Gate Test", "-c", "user.email=gate@example.com", "-c", "commit.gpgsign=false", .. args])
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
