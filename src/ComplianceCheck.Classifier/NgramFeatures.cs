namespace ComplianceCheck.Classifier;

/// <summary>How a sentence becomes features; stored in the model file so training and prediction always agree.</summary>
public sealed record FeatureSpec(int CharNgramLength, int LatinCharNgramLength, bool Normalize, float LatinWeight = 1)
{
    public static FeatureSpec Default { get; } = new(3, 5, true);
}

/// <summary>
/// Character n-gram features of a sentence, after <see cref="ModelText.Normalize"/>: every n-gram of length 1 to
/// <see cref="FeatureSpec.CharNgramLength"/> ("c:" + gram), and, for a sentence with no Chinese characters, every n-gram of
/// length 1 to <see cref="FeatureSpec.LatinCharNgramLength"/> ("l:" + gram; English wants longer ones). Values are counts,
/// each of the two groups scaled to unit length. No word segmentation: it works for Chinese as is.
/// </summary>
public static class NgramFeatures
{
    public static List<(string Key, float Value)> Extract(string sentence, FeatureSpec spec)
    {
        string text = ModelText.Normalize(sentence);
        var result = new List<(string, float)>();
        AddGroup(result, text, "c:", spec.CharNgramLength, spec.Normalize, 1);
        if (spec.LatinCharNgramLength > 0 && !ModelText.HasIdeographs(text))
        {
            AddGroup(result, text, "l:", spec.LatinCharNgramLength, spec.Normalize, spec.LatinWeight);
        }

        return result;
    }

    private static void AddGroup(List<(string, float)> result, string text, string prefix, int maxLength, bool normalize, float weight)
    {
        if (maxLength <= 0 || text.Length == 0)
        {
            return;
        }

        // Start and end marks, so "the sentence starts with 稳" differs from "稳 somewhere".
        string marked = "\u0002" + text + "\u0003";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int n = 1; n <= maxLength; n++)
        {
            for (int i = 0; i + n <= marked.Length; i++)
            {
                if (n == 1 && (i == 0 || i == marked.Length - 1))
                {
                    continue;
                }

                string key = string.Concat(prefix, marked.AsSpan(i, n));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        double norm = (normalize ? Math.Sqrt(counts.Values.Sum(c => (double)c * c)) : 1) / weight;
        foreach (var (key, count) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            result.Add((key, (float)(count / norm)));
        }
    }
}
