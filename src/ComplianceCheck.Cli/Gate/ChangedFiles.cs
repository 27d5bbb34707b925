using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ComplianceCheck.Cli.Gate;

/// <summary>The files git reports as added, modified, copied or renamed since a ref (full paths), and where renamed ones came from.</summary>
internal sealed record ChangeSet(string Ref, string Base, IReadOnlySet<string> Files, IReadOnlyDictionary<string, string> RenamedFrom);

/// <summary>
/// <c>--changed-since REF</c>: asks git (never re-implements it) which files changed between the merge base of REF
/// and HEAD and the working tree, following renames (<c>git diff --name-status -M</c>), plus untracked files that
/// are not ignored, so a pre-commit hook sees new drafts too. <c>A..B</c> / <c>A...B</c> ranges are passed to git as given.
/// </summary>
internal static class ChangedFiles
{
    public static ChangeSet Since(string gitRef, string directory)
    {
        if (string.IsNullOrWhiteSpace(gitRef) || gitRef.StartsWith('-'))
        {
            throw new UsageException($"--changed-since '{gitRef}' is not a git ref");
        }

        var top = Git(directory, "rev-parse", "--show-cdup");
        if (top.ExitCode != 0)
        {
            throw new UsageException($"--changed-since needs a git repository, and {Path.GetFullPath(directory)} is not inside one ({FirstLine(top.Stderr)})");
        }

        string root = Path.GetFullPath(Path.Combine(directory, top.Stdout.Trim()));
        bool range = gitRef.Contains("..", StringComparison.Ordinal);
        string diffBase = gitRef;
        if (!range)
        {
            if (Git(root, "rev-parse", "--verify", "--quiet", gitRef + "^{commit}").ExitCode != 0)
            {
                throw new UsageException($"--changed-since: git does not know '{gitRef}' (in a shallow CI checkout, fetch the base branch first, e.g. actions/checkout with fetch-depth: 0)");
            }

            var mergeBase = Git(root, "merge-base", gitRef, "HEAD");
            if (mergeBase.ExitCode == 0 && mergeBase.Stdout.Trim().Length > 0)
            {
                diffBase = mergeBase.Stdout.Trim();
            }
        }

        var diff = Git(root, "-c", "core.quotePath=false", "diff", "--name-status", "-M", "-z", "--no-ext-diff", "--no-color", diffBase, "--");
        if (diff.ExitCode != 0)
        {
            throw new UsageException($"--changed-since: git diff against '{gitRef}' failed: {FirstLine(diff.Stderr)}");
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] fields = diff.Stdout.Split('\0');
        for (int i = 0; i < fields.Length; i++)
        {
            string status = fields[i];
            if (status.Length == 0)
            {
                continue;
            }

            if (status[0] is 'R' or 'C')
            {
                if (i + 2 >= fields.Length)
                {
                    break;
                }

                string from = Full(root, fields[i + 1]);
                string to = Full(root, fields[i + 2]);
                files.Add(to);
                if (status[0] == 'R')
                {
                    renamed[to] = from;
                }

                i += 2;
                continue;
            }

            if (i + 1 >= fields.Length)
            {
                break;
            }

            string path = Full(root, fields[i + 1]);
            i++;
            if (status[0] is 'A' or 'M' or 'T' or 'U')
            {
                files.Add(path);
            }
        }

        // Untracked, not ignored: new drafts not yet added (a pre-commit hook or a local run).
        var untracked = Git(root, "-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "-z", "--full-name");
        if (untracked.ExitCode == 0)
        {
            foreach (string path in untracked.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                files.Add(Full(root, path));
            }
        }

        return new ChangeSet(gitRef, diffBase, files, renamed);
    }

    private static string Full(string root, string gitPath) => Path.GetFullPath(Path.Combine(root, gitPath));

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
        return line.StartsWith("fatal: ", StringComparison.Ordinal) ? line[7..] : line;
    }

    private sealed record GitResult(int ExitCode, string Stdout, string Stderr);

    private static GitResult Git(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(psi) ?? throw new UsageException("--changed-since: could not start git");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new UsageException($"--changed-since: git {string.Join(' ', args)} did not finish within 2 minutes");
            }

            return new GitResult(process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (Win32Exception)
        {
            throw new UsageException("--changed-since needs git, and git was not found on PATH");
        }
    }
}
