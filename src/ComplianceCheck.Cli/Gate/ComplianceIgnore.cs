using ComplianceCheck.Core.Configuration;
using MAB.DotIgnore;

namespace ComplianceCheck.Cli.Gate;

/// <summary>
/// <c>.complianceignore</c>: files and folders a folder scan leaves out, in gitignore syntax (<c>drafts/archive/</c>,
/// <c>*.tmp.md</c>, <c>!keep.md</c>). The file is looked for beside <c>.compliance.yaml</c>, then in the current folder
/// and its parents; its patterns are relative to its own folder.
/// </summary>
internal static class ComplianceIgnore
{
    public const string FileName = ".complianceignore";

    public static Func<string, bool> Load(ComplianceConfig config)
    {
        string? file = Find(config);
        if (file == null)
        {
            return _ => false;
        }

        IgnoreList list;
        try
        {
            list = new IgnoreList(file, MatchFlags.PATHNAME);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"{file}: cannot read ignore file: {ex.Message}");
        }

        string root = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return path => IsIgnored(list, root, path);
    }

    public static string? Find(ComplianceConfig config)
    {
        if (config.SourcePath != null)
        {
            string beside = Path.Combine(config.BaseDirectory, FileName);
            if (File.Exists(beside))
            {
                return beside;
            }
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A path (a folder when it ends with '/') is ignored when it, or a folder above it, matches.</summary>
    private static bool IsIgnored(IgnoreList list, string root, string path)
    {
        bool isDirectory = path.EndsWith('/') || path.EndsWith('\\');
        string full = Path.GetFullPath(path.TrimEnd('/', '\\'));
        string relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return false;
        }

        if (list.IsIgnored(relative, isDirectory))
        {
            return true;
        }

        int slash = relative.LastIndexOf('/');
        while (slash > 0)
        {
            relative = relative[..slash];
            if (list.IsIgnored(relative, true))
            {
                return true;
            }

            slash = relative.LastIndexOf('/');
        }

        return false;
    }
}
