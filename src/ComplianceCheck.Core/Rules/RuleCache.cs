using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// Parsed rule packs kept on disk between runs. Reading YAML is most of a one-draft check's start-up (the YAML library's
/// first use alone costs ~40 ms, the packs ~100 ms more on a 2-core machine); the same rules read back from this compact
/// binary form take a few milliseconds. An entry is keyed by the tool build (which holds the built-in packs) and the exact
/// bytes of every other rule file, is written only after those files loaded without error, and carries a checksum: a
/// stale, truncated or foreign file is never used, the packs are simply read again. A folder that cannot be written only
/// means no cache.
/// </summary>
/// <remarks>
/// On a hit nothing of the built-in packs is read or hashed: the entry holds the rule set's fingerprint too. The key and the
/// checksum are <see cref="Fnv64"/>, not SHA-256: loading OpenSSL for them alone cost a one-draft check ~10 ms.
/// </remarks>
public sealed class RuleCache
{
    /// <summary>Set to a folder to keep the cache there; set to <c>off</c> to read the rule files every time.</summary>
    public const string DirectoryVariable = "COMPLIANCE_CACHE_DIR";

    private const int FormatVersion = 3;
    private const int KeptEntries = 16;
    private static readonly byte[] Magic = "CCRULES\n"u8.ToArray();

    public RuleCache(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>
    /// $COMPLIANCE_CACHE_DIR, else $XDG_CACHE_HOME/compliance, else ~/.cache/compliance; null when the variable says
    /// <c>off</c> or no home folder is known.
    /// </summary>
    public static RuleCache? Default { get; } = FromEnvironment();

    private static RuleCache? FromEnvironment()
    {
        string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (configured is { Length: > 0 })
        {
            return configured.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : new RuleCache(configured);
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (xdg is { Length: > 0 } && Path.IsPathRooted(xdg))
        {
            return new RuleCache(Path.Combine(xdg, "compliance"));
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length == 0 ? null : new RuleCache(Path.Combine(home, ".cache", "compliance"));
    }

    /// <summary>
    /// The key of a set of rule files: this build of the tool (its module version id changes with every compile, so a
    /// changed reader never meets an old entry, and it stands for the built-in packs embedded in it), whether the built-in
    /// packs are in, the format, and each other file's name, language, check mode and text.
    /// </summary>
    public static string KeyOf(bool builtIn, IEnumerable<(string Name, string Content, string? Lang, bool Verified)> files)
    {
        var hash = new Fnv64();
        Append(ref hash, $"{FormatVersion}\n{typeof(RuleCache).Assembly.ManifestModule.ModuleVersionId}\n{builtIn}\n");
        foreach (var (name, content, lang, verified) in files)
        {
            Append(ref hash, $"{name.Length}:{name}\n{lang}\n{verified}\n{content.Length}:");
            Append(ref hash, content);
        }

        return hash.Value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Append(ref Fnv64 hash, string text) => hash.Append(Encoding.UTF8.GetBytes(text));

    public string PathFor(string key) => Path.Combine(Directory, $"rules-{key[..Math.Min(32, key.Length)]}.bin");

    /// <summary>The rules (and their set's fingerprint) stored under <paramref name="key"/>, or null when there is no valid entry.</summary>
    internal CachedRules? TryRead(string key)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(PathFor(key));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            return RuleCacheFormat.Read(bytes, Magic, FormatVersion, key);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Stores rules under <paramref name="key"/> (written to a temporary file, then renamed: readers never see half a file).</summary>
    internal void Write(string key, CachedRules entry)
    {
        string? temp = null;
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            byte[] bytes = RuleCacheFormat.Write(entry, Magic, FormatVersion, key);
            string target = PathFor(key);
            temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
            temp = null;
            Prune();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No cache this time; the rules were read from their files all the same.
        }
        finally
        {
            if (temp != null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Every edit of a rule file makes a new entry; only the most recent few are kept.</summary>
    private void Prune()
    {
        var entries = new DirectoryInfo(Directory).GetFiles("rules-*.bin");
        foreach (var old in entries.OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptEntries))
        {
            TryDelete(old.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another run may hold or have removed it.
        }
    }
}

/// <summary>What a cache entry holds: the parsed rules, the fingerprint of the files they were read from, and their regexes' gates.</summary>
/// A gate is decoded when the engine first asks for it: the packs' gates hold ~350 KB of literals, and a one-draft check needs a few.
internal sealed record CachedRules(IReadOnlyList<Rule> Rules, string Fingerprint, IReadOnlyDictionary<string, Lazy<RegexGate?>> Gates);
