using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Rules;

/// <summary>All loaded rules, with a fingerprint of the files they came from so any past result can be reproduced.</summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, Rule> _byId;

    private RuleSet(IReadOnlyList<Rule> rules, string fingerprint, IReadOnlyList<string> sources, IReadOnlyDictionary<string, Lazy<RegexGate?>>? gates = null)
    {
        Rules = rules;
        Gates = gates ?? new Dictionary<string, Lazy<RegexGate?>>();
        Fingerprint = fingerprint;
        Sources = sources;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>First 16 hex digits of a SHA-256 over every rule file's name and bytes.</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<string> Sources { get; }

    /// <summary>The gates of the rules' regexes where already known (read from the rule cache), by regex text.</summary>
    internal IReadOnlyDictionary<string, Lazy<RegexGate?>> Gates { get; }

    public Rule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The rule packs built into the tool, plus any extra folders (each holding &lt;lang&gt;/*.yaml or *.yaml), read through
    /// the default <see cref="RuleCache"/>.
    /// </summary>
    public static RuleSet Load(IEnumerable<string>? extraDirectories = null, bool includeBuiltIn = true) =>
        Load(extraDirectories, includeBuiltIn, RuleCache.Default);

    /// <summary>As <see cref="Load(IEnumerable{string}?, bool)"/>, with parsed rules kept in <paramref name="cache"/> (none when null).</summary>
    public static RuleSet Load(IEnumerable<string>? extraDirectories, bool includeBuiltIn, RuleCache? cache)
    {
        var extra = new List<RuleFile>();
        foreach (string dir in extraDirectories ?? [])
        {
            extra.AddRange(DirectoryFiles(dir).Select(f => new RuleFile(f.Name, f.Content, f.Lang, VerifyPatterns: true)));
        }

        extra.Sort(ByName);

        // The built-in packs are part of the tool's build, which the key names: a hit needs neither their text nor its hash.
        string? key = cache == null ? null : RuleCache.KeyOf(includeBuiltIn, extra.Select(f => (f.Name, f.Content, f.Lang, f.VerifyPatterns)));
        if (key != null && cache!.TryRead(key) is { } cached)
        {
            var names = extra.Select(f => f.Name).Concat(includeBuiltIn ? BuiltInNames() : []).ToList();
            names.Sort(StringComparer.Ordinal);
            return new RuleSet(cached.Rules, cached.Fingerprint, names, cached.Gates);
        }

        var files = extra;
        if (includeBuiltIn)
        {
            // The built-in packs are checked pattern by pattern by the test suite (and `rules test`) before they are embedded;
            // re-parsing ~300 regexes on every start would cost a copywriter ~20 ms per run for nothing.
            files.AddRange(BuiltInFiles().Select(f => new RuleFile(f.Name, f.Content, f.Lang, VerifyPatterns: false)));
        }

        var set = FromFiles(files, withGates: key != null);
        if (key != null)
        {
            cache!.Write(key, new CachedRules(set.Rules, set.Fingerprint, set.Gates));
        }

        return set;
    }

    public static RuleSet FromFiles(IEnumerable<(string Name, string Content, string? Lang)> files) =>
        FromFiles(files.Select(f => new RuleFile(f.Name, f.Content, f.Lang, VerifyPatterns: true)).ToList());

    /// <summary>The built-in packs with every pattern checked as a user's file would be (what the test suite runs).</summary>
    internal static RuleSet LoadBuiltInVerified() => FromFiles(BuiltInFiles());

    /// <summary>Reads rule files; <paramref name="withGates"/> also works out every regex's gate (for the rule cache to keep).</summary>
    private static RuleSet FromFiles(List<RuleFile> files, bool withGates = false)
    {
        files.Sort(ByName);
        string fingerprint = FingerprintOf(files);

        // Files are independent until ids are compared, so they are read on both cores; start-up is mostly this.
        var read = new (List<Rule> Rules, List<string> Errors)[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var errors = new List<string>();
            read[i] = (RuleFileReader.Read(files[i].Name, files[i].Content, files[i].Lang, errors, files[i].VerifyPatterns), errors);
        });

        var allErrors = new List<string>();
        var rules = new List<Rule>();
        var seen = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < files.Count; i++)
        {
            allErrors.AddRange(read[i].Errors);
            foreach (var rule in read[i].Rules)
            {
                if (seen.TryGetValue(rule.Id, out var first))
                {
                    allErrors.Add($"{rule.SourceFile}:{rule.SourceLine}: duplicate rule id '{rule.Id}' (first defined at {first.SourceFile}:{first.SourceLine})");
                    continue;
                }

                seen[rule.Id] = rule;
                rules.Add(rule);
            }
        }

        if (allErrors.Count > 0)
        {
            throw new RuleLoadException(allErrors);
        }

        return new RuleSet(rules, fingerprint, [.. files.Select(f => f.Name)], withGates ? RegexGate.ForRules(rules) : null);
    }

    private static string FingerprintOf(List<RuleFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Name + "\n" + file.Content + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static int ByName(RuleFile a, RuleFile b) => StringComparer.Ordinal.Compare(a.Name, b.Name);

    /// <summary>One rule file's text; <paramref name="VerifyPatterns"/> is false only for the embedded, already tested packs.</summary>
    private sealed record RuleFile(string Name, string Content, string? Lang, bool VerifyPatterns);

    private static IEnumerable<string> BuiltInNames() =>
        typeof(RuleSet).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal));

    private static IEnumerable<(string Name, string Content, string? Lang)> BuiltInFiles()
    {
        var assembly = typeof(RuleSet).Assembly;
        foreach (string resource in BuiltInNames())
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string[] parts = resource.Split('/');
            yield return (resource, reader.ReadToEnd(), parts.Length > 2 ? parts[1] : null);
        }
    }

    private static IEnumerable<(string Name, string Content, string? Lang)> DirectoryFiles(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new RuleLoadException([$"{dir}: rule folder not found"]);
        }

        foreach (string file in Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            string folder = Path.GetFileName(Path.GetDirectoryName(file)) ?? string.Empty;
            string? lang = Vocabulary.Languages.Contains(folder) ? folder : null;
            string content;
            try
            {
                content = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (IOException ex)
            {
                throw new RuleLoadException([$"{file}: cannot read rule file: {ex.Message}"]);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new RuleLoadException([$"{file}: cannot read rule file: {ex.Message}"]);
            }

            yield return (DisplayPath(file), content, lang);
        }
    }

    /// <summary>Paths under the current folder are shown relative to it, others in full.</summary>
    private static string DisplayPath(string file)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(file) : relative;
    }

    /// <summary>Assembly version plus rule fingerprint, for reports.</summary>
    public static string ToolVersion =>
        typeof(RuleSet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
