using ComplianceCheck.Core.Documents;

namespace ComplianceCheck.Core.Scanning;

/// <summary>A file to scan, and whether the user named it (an error) or a folder scan found it (a warning).</summary>
public sealed record ScanInput(string Path, bool Explicit);

/// <summary>
/// Expands the command line's paths into files: folders recursively in a stable order, skipping hidden folders,
/// never following a link into a folder already visited (a symlink loop ends), and reporting unreadable folders.
/// </summary>
public static class InputEnumerator
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "node_modules", "bin", "obj" };

    public static IEnumerable<ScanInput> Expand(IEnumerable<string> paths, Func<string, bool> isIgnored, List<string> warnings)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, isIgnored, warnings))
                {
                    yield return new ScanInput(file, false);
                }
            }
            else
            {
                yield return new ScanInput(path, true);
            }
        }
    }

    private static IEnumerable<string> Walk(string root, Func<string, bool> isIgnored, List<string> warnings)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            string dir = stack.Pop();
            string real = RealPath(dir);
            if (!visited.Add(real))
            {
                warnings.Add($"{dir}: skipped, a link back to a folder already scanned");
                continue;
            }

            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                warnings.Add($"{dir}: cannot read folder ({ex.Message})");
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (DocumentFormats.IsScannedExtension(file) && !isIgnored(file))
                {
                    yield return file;
                }
            }

            Array.Sort(dirs, StringComparer.Ordinal);
            for (int i = dirs.Length - 1; i >= 0; i--)
            {
                string name = Path.GetFileName(dirs[i]);
                if (!name.StartsWith('.') && !SkippedDirectories.Contains(name) && !isIgnored(dirs[i] + "/"))
                {
                    stack.Push(dirs[i]);
                }
            }
        }
    }

    private static string RealPath(string dir)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            var target = info.LinkTarget != null ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            return Path.GetFullPath(target?.FullName ?? info.FullName).TrimEnd('/');
        }
        catch (IOException)
        {
            return Path.GetFullPath(dir);
        }
    }
}
