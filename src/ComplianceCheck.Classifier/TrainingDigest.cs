using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Names what a model was trained from: the training sentences (text and label, in order) and the training options.
/// ML.NET's vectorised math sums floats in an order that depends on the CPU's instruction set, so two machines train
/// models that differ in the last bits; this digest is the same on every machine, which makes "is the committed model
/// stale?" a question with an exact answer.
/// </summary>
public static class TrainingDigest
{
    public static string Of(IEnumerable<CorpusSentence> sentences, TrainingOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, string.Create(CultureInfo.InvariantCulture,
            $"{options.CharNgramLength}|{options.LatinCharNgramLength}|{options.Normalize}|{options.MinimumCount}|{options.L2Regularization:R}|"
            + $"{options.L1Regularization:R}|{options.MaximumIterations}|{options.Seed}|{options.Trainer}|{options.LatinWeight:R}|{options.RiskyWeight:R}"));
        foreach (var sentence in sentences)
        {
            Append(hash, sentence.Text);
            Append(hash, sentence.Label);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static void Append(IncrementalHash hash, string value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        hash.AppendData([0]);
    }
}
