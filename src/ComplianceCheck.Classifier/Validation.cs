using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The validation split carved from the training sentences, used to choose features and thresholds (the test split is
/// only ever reported on). A sentence goes to validation when a hash of its text falls in the first <c>fraction</c> of the range,
/// so the split is stable when sentences are added.
/// </summary>
public static class Validation
{
    public const double DefaultFraction = 0.2;

    public static (IReadOnlyList<CorpusSentence> Fit, IReadOnlyList<CorpusSentence> Validate) Split(IReadOnlyList<CorpusSentence> train, double fraction = DefaultFraction)
    {
        var fit = new List<CorpusSentence>();
        var validate = new List<CorpusSentence>();
        foreach (var s in train)
        {
            (Bucket(s.Text) < fraction ? validate : fit).Add(s);
        }

        return (fit, validate);
    }

    private static double Bucket(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
    }
}
