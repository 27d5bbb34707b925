using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Gate.Tests;

/// <summary>
/// The distribution: <c>dotnet pack</c> makes a .NET tool package that installs from a local folder on a machine that
/// has only the SDK, and the installed <c>compliance</c> carries the rule packs and the classifier model.
/// </summary>
public sealed partial class ToolPackageTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cc-tool-" + Guid.NewGuid().ToString("N")[..10]);

    public ToolPackageTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Packed_tool_installs_from_a_local_folder_and_checks_a_draft()
    {
        string artifacts = Path.Combine(_work, "artifacts");
        string toolPath = Path.Combine(_work, "tools");
        string configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

        // The test run has built the CLI already (it is a project reference), so pack without building again.
        var pack = Dotnet(RepoPaths.Root, "pack", Path.Combine("src", "ComplianceCheck.Cli", "ComplianceCheck.Cli.csproj"),
            "--no-build", "-c", configuration, "-o", artifacts, "-p:NuGetAudit=false");
        pack.ExitCode.ShouldBe(0, pack.ToString());
        string package = Directory.GetFiles(artifacts, "ComplianceCheck.Tool.*.nupkg").ShouldHaveSingleItem();
        string version = PackageVersion().Match(Path.GetFileName(package)).Groups[1].Value;

        // A NuGet config that knows only the artifacts folder: the install must need nothing else.
        string nugetConfig = Path.Combine(_work, "nuget.config");
        File.WriteAllText(nugetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="artifacts" value="{artifacts}" />
              </packageSources>
            </configuration>
            """);
        var install = Dotnet(_work, "tool", "install", "--tool-path", toolPath, "--configfile", nugetConfig, "ComplianceCheck.Tool", "--version", version);
        install.ExitCode.ShouldBe(0, install.ToString());

        string sample = Path.Combine(_work, "sample");
        Directory.CreateDirectory(sample);
        File.WriteAllText(Path.Combine(sample, "draft.md"), "---\nproduct: fund\n---\n# 推介\n\n本基金是市场上最佳的选择，稳赚不赔！\n", new UTF8Encoding(false));

        string exe = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "compliance.exe" : "compliance");
        File.Exists(exe).ShouldBeTrue();
        var check = Run(sample, exe, "check", "draft.md", "--format", "json");
        check.ExitCode.ShouldBe(1, check.ToString());
        using var report = JsonDocument.Parse(check.Stdout);
        report.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBeGreaterThan(0);

        // The built-in rule packs and the classifier model travel inside the package, as in the CLI built from source.
        var rules = Run(sample, exe, "rules", "list");
        rules.Stdout.ShouldContain("ZH-ABS-001");
        int.Parse(RuleCount().Match(rules.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(50);
        var built = CliProcess.Run(sample, "check", "draft.md", "--format", "json");
        using var builtReport = JsonDocument.Parse(built.Stdout);
        (Tool(report, "modelFingerprint") != null).ShouldBe(Tool(builtReport, "modelFingerprint") != null, "the model is packed when the build has one");

        var sarif = Run(sample, exe, "check", "draft.md", "--format", "sarif", "--no-model");
        sarif.Stdout.ShouldContain("\"version\": \"2.1.0\"");
    }

    private static string? Tool(JsonDocument report, string key) =>
        report.RootElement.GetProperty("tool").TryGetProperty(key, out var value) ? value.GetString() : null;

    private static CliResult Dotnet(string workingDirectory, params string[] args) => Run(workingDirectory, DotnetHost(), args);

    /// <summary>The dotnet that runs these tests (so the SDK and runtime match).</summary>
    private static string DotnetHost()
    {
        string root = DotnetRoot();
        string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    /// <summary>…/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll → the dotnet root.</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static CliResult Run(string workingDirectory, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The tool's launcher finds the runtime through DOTNET_ROOT, as on a machine with only the SDK installed.
        psi.Environment["DOTNET_ROOT"] = DotnetRoot();
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within 3 minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"^ComplianceCheck\.Tool\.(.+)\.nupkg$")]
    private static partial Regex PackageVersion();

    [GeneratedRegex(@"(\d+) rule\(s\)")]
    private static partial Regex RuleCount();
}
