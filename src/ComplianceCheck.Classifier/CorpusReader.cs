using System.Text;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Classifier;

/// <summary>One labelled sentence of the corpus, with where it was read from.</summary>
public sealed record CorpusSentence(string Text, string Lang, string Label, string Product, string Channel, string Hard, string Source)
{
    public string File { get; init; } = string.Empty;

    public int Line { get; init; }
}

/// <summary>A corpus file or folder that does not follow the format of corpora/README.md.</summary>
public sealed class CorpusException(string message) : Exception(message);

/// <summary>Reads the TSV corpus: corpora/train/*.tsv and corpora/test/*.tsv (see corpora/README.md).</summary>
public static class CorpusReader
{
    public const string Header = "text\tlang\tlabel\tproduct\tchannel\thard\tsource";

    /// <summary>The sentences of every *.tsv file in <paramref name="folder"/>, files in ordinal name order, lines in file order.</summary>
    public static IReadOnlyList<CorpusSentence> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CorpusException($"{folder}: corpus folder not found");
        }

        var files = Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CorpusException($"{folder}: no *.tsv files");
        }

        return files.SelectMany(ReadFile).ToList();
    }

    /// <summary>The train and test splits of a corpus root (a folder holding train/ and test/).</summary>
    public static (IReadOnlyList<CorpusSentence> Train, IReadOnlyList<CorpusSentence> Test) ReadSplits(string root) =>
        (ReadFolder(Path.Combine(root, "train")), ReadFolder(Path.Combine(root, "test")));

    public static IReadOnlyList<CorpusSentence> ReadFile(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new CorpusException($"{path}: cannot read: {ex.Message}");
        }

        return Parse(path, text);
    }

    public static IReadOnlyList<CorpusSentence> Parse(string path, string content)
    {
        var lines = content.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r').TrimStart('\uFEFF') != Header)
        {
            throw new CorpusException($"{path}:1: the header must be exactly: {Header.Replace("\t", "<TAB>", StringComparison.Ordinal)}");
        }

        var result = new List<CorpusSentence>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length != 7)
            {
                throw new CorpusException($"{path}:{i + 1}: {cells.Length} columns, expected 7");
            }

            string product = Vocabulary.NormalizeProduct(cells[3]) ?? cells[3];
            string channel = Vocabulary.NormalizeChannel(cells[4]) ?? cells[4];
            var sentence = new CorpusSentence(cells[0].Trim(), cells[1], cells[2], product, channel, cells[5], cells[6]) { File = path, Line = i + 1 };
            Check(sentence.Text.Length > 0, path, i, "empty text");
            Check(Labels.Languages.Contains(sentence.Lang), path, i, $"lang '{sentence.Lang}' is not zh-CN or en");
            Check(Labels.IsKnown(sentence.Label), path, i, $"label '{sentence.Label}' is not one of {string.Join(", ", Labels.All)}");
            Check(Vocabulary.Products.Contains(sentence.Product), path, i, $"product '{sentence.Product}' is unknown");
            Check(Vocabulary.Channels.Contains(sentence.Channel), path, i, $"channel '{sentence.Channel}' is unknown");
            Check(Labels.HardKinds.Contains(sentence.Hard), path, i, $"hard '{sentence.Hard}' is not one of {string.Join(", ", Labels.HardKinds)}");
            result.Add(sentence);
        }

        return result;
    }

    private static void Check(bool condition, string path, int index, string message)
    {
        if (!condition)
        {
            throw new CorpusException($"{path}:{index + 1}: {message}");
        }
    }
}
