using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Core.Rules;

/// <summary>All loaded rules, with a fingerprint of the files they came from so any past result can be reproduced.</summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, Rule> _byId;

    private RuleSet(IReadOnlyList<Rule> rules, string fingerprint, IReadOnlyList<string> sources)
    {
        Rules = rules;
        Fingerprint = fingerprint;
        Sources = sources;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>First 16 hex digits of a SHA-256 over every rule file's name and bytes.</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<string> Sources { get; }

    public Rule? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The rule packs built into the tool, plus any extra folders (each holding &lt;lang&gt;/*.yaml or *.yaml).</summary>
    public static RuleSet Load(IEnumerable<string>? extraDirectories = null, bool includeBuiltIn = true)
    {
        var files = new List<(string Name, string Content, string? Lang)>();
        if (includeBuiltIn)
        {
            files.AddRange(BuiltInFiles());
        }

        foreach (string dir in extraDirectories ?? [])
        {
            files.AddRange(DirectoryFiles(dir));
        }

        return FromFiles(files);
    }

    public static RuleSet FromFiles(IEnumerable<(string Name, string Content, string? Lang)> files)
    {
        var errors = new List<string>();
        var rules = new List<Rule>();
        var seen = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var names = new List<string>();
        foreach (var (name, content, lang) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            names.Add(name);
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + content + "\n"));
            foreach (var rule in RuleFileReader.Read(name, content, lang, errors))
            {
                if (seen.TryGetValue(rule.Id, out var first))
                {
                    errors.Add($"{rule.SourceFile}:{rule.SourceLine}: duplicate rule id '{rule.Id}' (first defined at {first.SourceFile}:{first.SourceLine})");
                    continue;
                }

                seen[rule.Id] = rule;
                rules.Add(rule);
            }
        }

        if (errors.Count > 0)
        {
            throw new RuleLoadException(errors);
        }

        string fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
        return new RuleSet(rules, fingerprint, names);
    }

    private static IEnumerable<(string, string, string?)> BuiltInFiles()
    {
        var assembly = typeof(RuleSet).Assembly;
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string[] parts = resource.Split('/');
            yield return (resource, reader.ReadToEnd(), parts.Length > 2 ? parts[1] : null);
        }
    }

    private static IEnumerable<(string, string, string?)> DirectoryFiles(string dir)
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
