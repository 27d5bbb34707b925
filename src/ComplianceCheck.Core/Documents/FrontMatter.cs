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
            warnings.Add($"line {firstLine + (int)ex.Start.Line - 1}: front matter is not valid YAML ({FirstLine(ex.Message)}); the draft was scanned without it");
        }
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n');
        return (nl < 0 ? message : message[..nl]).Trim();
    }
}
