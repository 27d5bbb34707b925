using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>A test sentence too close to a training sentence.</summary>
public sealed record NearDuplicate(CorpusSentence Test, CorpusSentence Train, double Jaccard);

/// <summary>
/// Finds test sentences that are near-duplicates of training sentences: Jaccard similarity of their sets of character
/// 4-grams (after the rule engine's width and case fold) at or above a threshold. An inverted index over the training 4-grams
/// keeps it linear in practice.
/// </summary>
public static class NearDuplicates
{
    public const int GramLength = 4;

    public static IReadOnlyList<NearDuplicate> Find(IReadOnlyList<CorpusSentence> train, IReadOnlyList<CorpusSentence> test, double threshold = 0.5)
    {
        var trainGrams = train.Select(s => Grams(s.Text)).ToArray();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < trainGrams.Length; i++)
        {
            foreach (string g in trainGrams[i])
            {
                if (!index.TryGetValue(g, out var list))
                {
                    index[g] = list = [];
                }

                list.Add(i);
            }
        }

        var result = new List<NearDuplicate>();
        var shared = new Dictionary<int, int>();
        foreach (var sentence in test)
        {
            var grams = Grams(sentence.Text);
            shared.Clear();
            foreach (string g in grams)
            {
                if (index.TryGetValue(g, out var list))
                {
                    foreach (int i in list)
                    {
                        shared[i] = shared.GetValueOrDefault(i) + 1;
                    }
                }
            }

            NearDuplicate? worst = null;
            foreach (var (i, common) in shared)
            {
                double jaccard = (double)common / (grams.Count + trainGrams[i].Count - common);
                if (jaccard >= threshold && (worst == null || jaccard > worst.Jaccard))
                {
                    worst = new NearDuplicate(sentence, train[i], jaccard);
                }
            }

            if (worst != null)
            {
                result.Add(worst);
            }
        }

        return result;
    }

    /// <summary>The set of character 4-grams of a folded sentence (the whole sentence when it is shorter).</summary>
    public static HashSet<string> Grams(string text)
    {
        string t = TextFold.Fold(text.Trim());
        var grams = new HashSet<string>(StringComparer.Ordinal);
        if (t.Length <= GramLength)
        {
            grams.Add(t);
            return grams;
        }

        for (int i = 0; i + GramLength <= t.Length; i++)
        {
            grams.Add(t.Substring(i, GramLength));
        }

        return grams;
    }
}
