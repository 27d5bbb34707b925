namespace ComplianceCheck.Tests.Shared;

/// <summary>Locates the repository (and the shared real-world drafts beside it) from a test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Corpora => Path.Combine(Root, "corpora");

    public static string Samples => Path.Combine(Root, "corpora", "samples");

    /// <summary>../shared/realworld beside the repository root (present in CI and on developer machines).</summary>
    public static string RealWorld => Path.GetFullPath(Path.Combine(Root, "..", "shared", "realworld"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ComplianceCheck.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ComplianceCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
