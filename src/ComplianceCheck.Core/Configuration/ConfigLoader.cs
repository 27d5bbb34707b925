using ComplianceCheck.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceCheck.Core.Configuration;

/// <summary>A <c>.compliance.yaml</c> that cannot be used; the message reads <c>file:line: what is wrong</c>.</summary>
public sealed class ConfigException(string message) : Exception(message);

/// <summary>Finds and strictly reads <c>.compliance.yaml</c>.</summary>
public static class ConfigLoader
{
    public const string FileName = ".compliance.yaml";

    /// <summary>The nearest <c>.compliance.yaml</c> (or .yml) in <paramref name="startDirectory"/> or a parent folder.</summary>
    public static string? FindUpward(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir != null; dir = dir.Parent)
        {
            foreach (string name in (ReadOnlySpan<string>)[FileName, ".compliance.yml"])
            {
                string candidate = Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static ComplianceConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read config: {ex.Message}");
        }

        return Parse(text, path);
    }

    public static ComplianceConfig Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"{path}:{ex.Start.Line}: not valid YAML: {ex.Message.Split('\n')[0]}");
        }

        string baseDir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ComplianceConfig { SourcePath = path, BaseDirectory = baseDir };
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigException($"{path}:1: the config must be a mapping");
        }

        var reader = new Reader(path);
        reader.Keys(root, ["failOn", "rules", "paths", "ignore", "ruleDirectories", "model"]);
        var config = new ComplianceConfig { SourcePath = path, BaseDirectory = baseDir };
        if (reader.Scalar(root, "failOn") is { } failOn)
        {
            config = failOn == "none"
                ? config with { FailOnNone = true }
                : config with { FailOn = reader.ParseSeverity(failOn, root, "failOn") };
        }

        if (root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode))
        {
            var rules = reader.Map(rulesNode, "rules");
            reader.Keys(rules, ["disable", "severity"]);
            config = config with { DisabledRules = new HashSet<string>(reader.List(rules, "disable"), StringComparer.OrdinalIgnoreCase) };
            if (rules.Children.TryGetValue(new YamlScalarNode("severity"), out var sevNode))
            {
                var overrides = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
                foreach (var (k, v) in reader.Map(sevNode, "rules.severity").Children)
                {
                    string id = ((YamlScalarNode)k).Value ?? string.Empty;
                    overrides[id] = reader.ParseSeverity((v as YamlScalarNode)?.Value, v, $"rules.severity.{id}");
                }

                config = config with { SeverityOverrides = overrides };
            }
        }

        if (root.Children.TryGetValue(new YamlScalarNode("paths"), out var pathsNode))
        {
            if (pathsNode is not YamlSequenceNode sequence)
            {
                throw new ConfigException($"{path}:{pathsNode.Start.Line}: 'paths' must be a list of {{glob, product, channel, lang}}");
            }

            var mappings = new List<PathMapping>();
            foreach (var item in sequence)
            {
                var map = reader.Map(item, "paths entry");
                reader.Keys(map, ["glob", "product", "channel", "lang"]);
                string glob = reader.Scalar(map, "glob") ?? throw new ConfigException($"{path}:{map.Start.Line}: a paths entry needs 'glob'");
                string? product = reader.Scalar(map, "product");
                string? channel = reader.Scalar(map, "channel");
                string? lang = reader.Scalar(map, "lang");
                product = reader.CheckVocabulary(product, Vocabulary.Products, Vocabulary.NormalizeProduct, map, "product");
                channel = reader.CheckVocabulary(channel, Vocabulary.Channels, Vocabulary.NormalizeChannel, map, "channel");
                if (lang != null && Vocabulary.NormalizeLang(lang) == null)
                {
                    throw new ConfigException($"{path}:{map.Start.Line}: lang '{lang}' is not one of zh-CN, en");
                }

                mappings.Add(new PathMapping(glob, product, channel, Vocabulary.NormalizeLang(lang)));
            }

            config = config with { Paths = mappings };
        }

        config = config with
        {
            Ignore = reader.List(root, "ignore"),
            RuleDirectories = reader.List(root, "ruleDirectories").Select(d => Path.GetFullPath(Path.Combine(baseDir, d))).ToList(),
        };

        if (root.Children.TryGetValue(new YamlScalarNode("model"), out var modelNode))
        {
            var model = reader.Map(modelNode, "model");
            reader.Keys(model, ["enabled", "threshold", "downgradeThreshold", "severity"]);
            var settings = new ModelSettings();
            if (reader.Scalar(model, "enabled") is { } enabled)
            {
                settings = settings with { Enabled = reader.ParseBool(enabled, model, "model.enabled") };
            }

            if (reader.Scalar(model, "threshold") is { } threshold)
            {
                settings = settings with { Threshold = reader.ParseProbability(threshold, model, "model.threshold") };
            }

            if (reader.Scalar(model, "downgradeThreshold") is { } downgrade)
            {
                settings = settings with { DowngradeThreshold = reader.ParseProbability(downgrade, model, "model.downgradeThreshold") };
            }

            if (reader.Scalar(model, "severity") is { } severity)
            {
                settings = settings with { Severity = reader.ParseSeverity(severity, model, "model.severity") };
            }

            config = config with { Model = settings };
        }

        return config;
    }

    private sealed class Reader(string path)
    {
        public void Keys(YamlMappingNode node, string[] allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                if (key is YamlScalarNode { Value: { } name } && !allowed.Contains(name))
                {
                    throw new ConfigException($"{path}:{key.Start.Line}: unknown key '{name}' (expected one of {string.Join(", ", allowed)})");
                }
            }
        }

        public YamlMappingNode Map(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw new ConfigException($"{path}:{node.Start.Line}: '{what}' must be a mapping");

        public string? Scalar(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return null;
            }

            return value is YamlScalarNode scalar
                ? scalar.Value
                : throw new ConfigException($"{path}:{value.Start.Line}: '{key}' must be a single value");
        }

        public List<string> List(YamlMappingNode node, string key)
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
            {
                return [];
            }

            if (value is not YamlSequenceNode sequence)
            {
                throw new ConfigException($"{path}:{value.Start.Line}: '{key}' must be a list");
            }

            return sequence.Select(i => (i as YamlScalarNode)?.Value
                ?? throw new ConfigException($"{path}:{i.Start.Line}: '{key}' entries must be strings")).ToList();
        }

        public Severity ParseSeverity(string? value, YamlNode node, string what) => value switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            _ => throw new ConfigException($"{path}:{node.Start.Line}: {what} '{value}' is not one of error, warning, info"),
        };

        public bool ParseBool(string value, YamlNode node, string what) => value.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw new ConfigException($"{path}:{node.Start.Line}: {what} must be true or false"),
        };

        public double ParseProbability(string value, YamlNode node, string what) =>
            double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) && d is >= 0 and <= 1
                ? d
                : throw new ConfigException($"{path}:{node.Start.Line}: {what} must be a number from 0 to 1");

        public string? CheckVocabulary(string? value, IReadOnlyList<string> allowed, Func<string?, string?> normalize, YamlNode node, string what) =>
            value == null
                ? null
                : normalize(value) ?? throw new ConfigException($"{path}:{node.Start.Line}: {what} '{value}' is not one of {string.Join(", ", allowed)}");
    }
}
