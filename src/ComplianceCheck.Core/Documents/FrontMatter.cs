using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceCheck.Core.Documents;

/// <summary>Reads the draft-describing keys (product, channel, lang, title) from YAML front matter.</summary>
internal static class FrontMatter
{
    private const int MaxLength = 64 * 1024;
    private static readonly string[] Keys = ["product", "channel", "lang", "title"];

    public static void Read(string yaml, int firstLine, Dictionary<string, string> metadata, List<string> warnings)
    {
        if (yaml.Length > MaxLength)
        {
            warnings.Add($"front matter longer than {MaxLength / 1024} KB was not read");
            return;
        }

        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(yaml);
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return;
            }

            // Only top-level scalars are read: aliases are never expanded, so a YAML bomb costs nothing.
            foreach (var (keyNode, valueNode) in root.Children)
            {
                if (keyNode is YamlScalarNode { Value: { } key } && Keys.Contains(key.ToLowerInvariant())
                    && valueNode is YamlScalarNode { Value: { } value } && value.Length > 0)
                {
                    metadata[key.ToLowerInvariant()] = value.Trim();
                }
            }
        }
        catch (YamlException ex)
        {
            // Copywriters write "title: 定投: 三个误区" without quotes; one such line should not cost the draft its declared
            // product and channel, so the keys are read back as plain "key: value" lines.
            var plain = PlainKeys(yaml);
            foreach (var (key, value) in plain)
            {
                metadata[key] = value;
            }

            string read = plain.Count == 0 ? "the draft was scanned without it" : $"read its {string.Join(", ", plain.Keys)} line by line";
            warnings.Add($"line {firstLine + (int)ex.Start.Line - 1}: front matter is not valid YAML ({FirstLine(ex.Message)}); {read}");
        }
    }

    /// <summary>Top-level <c>key: value</c> lines of the describing keys, quotes and trailing comments removed.</summary>
    private static Dictionary<string, string> PlainKeys(string yaml)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in yaml.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            string key = line[..colon].Trim().ToLowerInvariant();
            string value = line[(colon + 1)..].Trim();
            int comment = value.IndexOf(" #", StringComparison.Ordinal);
            value = (comment >= 0 ? value[..comment] : value).Trim().Trim('"', '\'').Trim();
            // A flow collection, anchor, alias or block scalar is no plain value: it is left to the YAML reader's warning.
            if (Keys.Contains(key) && value.Length > 0 && value[0] is not ('[' or '{' or '&' or '*' or '|' or '>') && !found.ContainsKey(key))
            {
                found[key] = value;
            }
        }

        return found;
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n');
        return (nl < 0 ? message : message[..nl]).Trim();
    }
}
