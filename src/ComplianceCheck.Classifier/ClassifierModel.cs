using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ComplianceCheck.Classifier;

/// <summary>What the model says about one sentence.</summary>
public sealed record Prediction(string Label, double Probability, IReadOnlyDictionary<string, double> Probabilities)
{
    public double ProbabilityOf(string label) => Probabilities.GetValueOrDefault(label);
}

/// <summary>Anything that labels a sentence: the trained model, or a stand-in in tests.</summary>
public interface ISentenceClassifier
{
    /// <summary>Identifies the model (reported as the report's modelFingerprint).</summary>
    string Fingerprint { get; }

    /// <summary>Labels one sentence (raw draft text).</summary>
    Prediction Predict(ReadOnlySpan<char> sentence);
}

/// <summary>
/// The trained sentence classifier: a multiclass maximum-entropy model (trained with ML.NET, see
/// <see cref="ClassifierTrainer"/>) over character n-grams, kept as its n-gram vocabulary and weights so that
/// <c>check</c> loads it in milliseconds without starting ML.NET. Immutable and thread-safe.
/// </summary>
public sealed class ClassifierModel : ISentenceClassifier
{
    /// <summary>The name of the committed model inside this assembly (from corpora/models/classifier.bin).</summary>
    public const string EmbeddedName = "models/classifier.bin";

    private const string Magic = "ComplianceCheck.Classifier/2";

    private static readonly Lazy<ClassifierModel?> Embedded = new(LoadEmbeddedOrNull, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _labels;
    private readonly Dictionary<string, int> _features;

    // _weights[feature * labels + label]
    private readonly float[] _weights;
    private readonly float[] _biases;
    private readonly NgramScorer _scorer;

    internal ClassifierModel(
        FeatureSpec spec, string[] labels, Dictionary<string, int> features, float[] weights, float[] biases, string? trainedOn = null, byte[]? bytes = null)
    {
        if (labels.Length == 0 || labels.Any(l => !Labels.IsKnown(l)) || labels.Distinct().Count() != labels.Length)
        {
            throw new InvalidDataException($"the model's labels ({string.Join(", ", labels)}) are not the corpus labels");
        }

        if (weights.Length != features.Count * labels.Length || biases.Length != labels.Length)
        {
            throw new InvalidDataException("the model's weights do not match its vocabulary");
        }

        Spec = spec;
        _labels = labels;
        _features = features;
        _weights = weights;
        _biases = biases;
        TrainedOn = trainedOn;
        _scorer = new NgramScorer(spec, features, weights, labels.Length);
        Bytes = bytes ?? Serialize();
        Fingerprint = Convert.ToHexString(SHA256.HashData(Bytes))[..16].ToLowerInvariant();
    }

    public FeatureSpec Spec { get; }

    /// <summary>The serialised model (what <see cref="Save(string)"/> writes).</summary>
    public byte[] Bytes { get; }

    /// <summary>First 16 hex digits of the SHA-256 of the model file.</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<string> LabelOrder => _labels;

    /// <summary>The <see cref="TrainingDigest"/> of the corpus and options the model was trained on (null for older files).</summary>
    public string? TrainedOn { get; }

    public int FeatureCount => _features.Count;

    /// <summary>The model committed under corpora/models and embedded in this assembly, loaded once per process; null if absent.</summary>
    public static ClassifierModel? LoadEmbedded() => Embedded.Value;

    public static ClassifierModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read model: {ex.Message}", ex);
        }

        return Load(bytes, path);
    }

    public static ClassifierModel Load(byte[] bytes, string name = "model")
    {
        try
        {
            using var raw = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress))
            {
                gzip.CopyTo(raw);
            }

            raw.Position = 0;
            using var reader = new BinaryReader(raw, Encoding.UTF8);
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("unknown format");
            }

            var spec = new FeatureSpec(reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean(), reader.ReadSingle());
            var labels = new string[reader.ReadInt32()];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = reader.ReadString();
            }

            var biases = new float[labels.Length];
            for (int i = 0; i < biases.Length; i++)
            {
                biases[i] = reader.ReadSingle();
            }

            int count = reader.ReadInt32();
            var features = new Dictionary<string, int>(count, StringComparer.Ordinal);
            var weights = new float[count * labels.Length];
            for (int f = 0; f < count; f++)
            {
                features.Add(reader.ReadString(), f);
                for (int k = 0; k < labels.Length; k++)
                {
                    weights[(f * labels.Length) + k] = reader.ReadSingle();
                }
            }

            string? trainedOn = raw.Position < raw.Length ? reader.ReadString() : null;
            return new ClassifierModel(spec, labels, features, weights, biases, trainedOn, bytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or ArgumentException or OverflowException)
        {
            throw new InvalidDataException($"{name}: not a ComplianceCheck classifier model ({ex.Message})", ex);
        }
    }

    /// <summary>The same weights, recorded as trained on <paramref name="digest"/>.</summary>
    internal ClassifierModel WithTrainedOn(string digest) => new(Spec, _labels, _features, _weights, _biases, digest);

    public void Save(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllBytes(path, Bytes);
    }

    /// <summary>Classifies one sentence (raw draft text; it is normalised here): softmax over the labels' linear scores.</summary>
    public Prediction Predict(string sentence) => Predict(sentence.AsSpan());

    /// <inheritdoc cref="Predict(string)"/>
    public Prediction Predict(ReadOnlySpan<char> sentence)
    {
        var scores = new double[_labels.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = _biases[i];
        }

        _scorer.AddFeatures(sentence, scores);
        return Softmax(scores);
    }

    /// <summary>
    /// The same prediction computed from <see cref="NgramFeatures.Extract"/>'s string features, the form training uses: the
    /// reference the allocation-free path is tested against.
    /// </summary>
    internal Prediction PredictFromStringFeatures(string sentence)
    {
        int k = _labels.Length;
        var scores = new double[k];
        for (int i = 0; i < k; i++)
        {
            scores[i] = _biases[i];
        }

        foreach (var (key, value) in NgramFeatures.Extract(sentence, Spec))
        {
            if (_features.TryGetValue(key, out int f))
            {
                int row = f * k;
                for (int i = 0; i < k; i++)
                {
                    scores[i] += _weights[row + i] * value;
                }
            }
        }

        return Softmax(scores);
    }

    /// <summary>Turns the scores into probabilities in place and names the likeliest label.</summary>
    private Prediction Softmax(double[] scores)
    {
        double max = scores.Max();
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }

        int best = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return new Prediction(_labels[best], scores[best], new LabelProbabilities(_labels, scores));
    }

    private byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(Spec.CharNgramLength);
            writer.Write(Spec.LatinCharNgramLength);
            writer.Write(Spec.Normalize);
            writer.Write(Spec.LatinWeight);
            writer.Write(_labels.Length);
            foreach (string label in _labels)
            {
                writer.Write(label);
            }

            foreach (float bias in _biases)
            {
                writer.Write(bias);
            }

            writer.Write(_features.Count);
            foreach (var (key, f) in _features.OrderBy(kv => kv.Value))
            {
                writer.Write(key);
                for (int i = 0; i < _labels.Length; i++)
                {
                    writer.Write(_weights[(f * _labels.Length) + i]);
                }
            }

            if (TrainedOn != null)
            {
                writer.Write(TrainedOn);
            }
        }

        return buffer.ToArray();
    }

    private static ClassifierModel? LoadEmbeddedOrNull()
    {
        using var stream = typeof(ClassifierModel).Assembly.GetManifestResourceStream(EmbeddedName);
        if (stream == null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Load(buffer.ToArray(), EmbeddedName);
    }
}
