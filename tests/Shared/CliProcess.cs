using System.Diagnostics;
using System.Text;

namespace ComplianceCheck.Tests.Shared;

/// <summary>The result of running the real <c>compliance</c> process.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the built <c>compliance</c> CLI as a separate process, exactly as a user or CI would.</summary>
public static class CliProcess
{
    private static readonly Lazy<string> Dll = new(FindDll);

    /// <summary>The built <c>compliance.dll</c> the tests run.</summary>
    public static string DllPath => Dll.Value;

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, null, args);

    public static CliResult Run(string workingDirectory, byte[]? stdin, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Dll.Value);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin != null)
        {
            process.StandardInput.BaseStream.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("compliance did not finish within 3 minutes: " + string.Join(' ', args));
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindDll()
    {
        // The test project references the CLI project, so compliance.dll is copied next to the tests.
        string local = Path.Combine(AppContext.BaseDirectory, "compliance.dll");
        if (File.Exists(local))
        {
            return local;
        }

        throw new FileNotFoundException("compliance.dll not found next to the tests; build the solution first", local);
    }
}
