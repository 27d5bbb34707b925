using System.Collections;

namespace ComplianceCheck.Classifier;

/// <summary>A prediction's probability per label, read from the model's label order without building a dictionary per sentence.</summary>
internal sealed class LabelProbabilities(string[] labels, double[] probabilities) : IReadOnlyDictionary<string, double>
{
    public int Count => labels.Length;

    public IEnumerable<string> Keys => labels;

    public IEnumerable<double> Values => probabilities;

    public double this[string key] => TryGetValue(key, out double value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(labels, key) >= 0;

    public bool TryGetValue(string key, out double value)
    {
        int i = Array.IndexOf(labels, key);
        value = i >= 0 ? probabilities[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (int i = 0; i < labels.Length; i++)
        {
            yield return new KeyValuePair<string, double>(labels[i], probabilities[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
