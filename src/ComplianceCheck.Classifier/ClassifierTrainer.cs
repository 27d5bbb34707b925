using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace ComplianceCheck.Classifier;

/// <summary>How the classifier is trained. The defaults are what the committed model was trained with.</summary>
public sealed record TrainingOptions
{
    /// <summary>Character n-grams of length 1 to this for every sentence (no word segmentation: it works for Chinese as is).</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>Extra character n-grams (1 to this) for sentences without Chinese characters (English wants longer ones); 0 = none.</summary>
    public int LatinCharNgramLength { get; init; } = 5;

    /// <summary>Scale each sentence's n-gram counts to unit length (L2).</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// An n-gram enters the vocabulary when at least this many training sentences have it. 5 since the blind sets' sentences
    /// and draft lines joined the corpus (46,000 more): 2, 3 and 5 scored within 0.005 of each other on held-out sets, and 5
    /// keeps the model at 3.8 MB (3: 5.6 MB, 2: 7 MB), so it loads faster and its tables stay nearer the CPU's caches.
    /// </summary>
    public int MinimumCount { get; init; } = 5;

    /// <summary>L2 penalty (chosen on the validation split: 3e-5 beat 1e-3, 3e-4 and 1e-4 by 0.01-0.03 macro-F1, mostly on English; 1e-6 overfits).</summary>
    public float L2Regularization { get; init; } = 3e-5f;

    public float L1Regularization { get; init; }

    public int MaximumIterations { get; init; } = 300;

    public int Seed { get; init; } = 1;

    /// <summary>"lbfgs" (LbfgsMaximumEntropy) or "sdca" (SdcaMaximumEntropy).</summary>
    public string Trainer { get; init; } = "lbfgs";

    /// <summary>Scale of the extra English n-grams against the shared ones (below 1 regularises them harder).</summary>
    public float LatinWeight { get; init; } = 1;

    /// <summary>
    /// Weight of each sentence with a risky label in the loss (clean sentences weigh 1). Tried on the validation split and left
    /// at 1: 2 gave combined macro-F1 0.878 against 0.874 (1.5: 0.878, 3: 0.879), within noise, while more clean sentences
    /// were flagged (17 against 16 of 417) and every risky probability rises, on text unlike the corpus too.
    /// </summary>
    public float RiskyWeight { get; init; } = 1;

    public FeatureSpec Spec => new(CharNgramLength, LatinCharNgramLength, Normalize, LatinWeight);

    public static TrainingOptions Default { get; } = new();
}

/// <summary>
/// Trains the sentence classifier with ML.NET: each sentence → character n-gram features (<see cref="NgramFeatures"/>) →
/// multiclass maximum entropy (L-BFGS). One thread, a fixed seed and an ordinal-sorted vocabulary make the result
/// reproducible byte for byte on one machine (across CPUs the weights differ in the last bits; see <see cref="TrainingDigest"/>). The trained weights are kept in a <see cref="ClassifierModel"/>.
/// </summary>
public static class ClassifierTrainer
{
    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public string Label { get; set; } = string.Empty;

        public float Weight { get; set; } = 1;
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    public static ClassifierModel Train(IEnumerable<CorpusSentence> sentences, TrainingOptions? options = null) => TrainWithReference(sentences, options).Model;

    /// <summary>
    /// Trains, and also returns ML.NET's own prediction function (label → probability), so a test can check that the
    /// exported model gives the same probabilities.
    /// </summary>
    internal static (ClassifierModel Model, Func<string, IReadOnlyDictionary<string, double>> Reference) TrainWithReference(
        IEnumerable<CorpusSentence> sentences, TrainingOptions? options = null)
    {
        options ??= TrainingOptions.Default;
        var spec = options.Spec;
        var corpus = sentences.ToList();
        if (corpus.Select(s => s.Label).Distinct().Count() < 2)
        {
            throw new CorpusException("training needs sentences of at least two labels");
        }

        var extracted = corpus.Select(s => NgramFeatures.Extract(s.Text, spec)).ToList();
        var vocabulary = Vocabulary(extracted, options.MinimumCount);
        var rows = corpus.Select((s, i) => new Row { Features = Vector(extracted[i], vocabulary), Label = s.Label, Weight = Labels.IsRisky(s.Label) ? options.RiskyWeight : 1 }).ToList();

        var ml = new MLContext(seed: options.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);

        IEstimator<ITransformer> trainer = options.Trainer == "lbfgs"
            ? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = nameof(Row.Features),
                ExampleWeightColumnName = options.RiskyWeight == 1 ? null : nameof(Row.Weight),
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                L1Regularization = options.L1Regularization,
                MaximumNumberOfIterations = options.MaximumIterations,
            })
            : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = nameof(Row.Features),
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                L1Regularization = options.L1Regularization,
                MaximumNumberOfIterations = options.MaximumIterations,
                Shuffle = true,
            });
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Row.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .AppendCacheCheckpoint(ml)
            .Append(trainer);
        var transformer = pipeline.Fit(data);

        VBuffer<ReadOnlyMemory<char>> keys = default;
        transformer.GetOutputSchema(data.Schema)["LabelKey"].GetKeyValues(ref keys);
        string[] labels = keys.DenseValues().Select(k => k.ToString()).ToArray();

        var parameters = (MaximumEntropyModelParameters)((ISingleFeaturePredictionTransformer<object>)transformer.LastTransformer).Model;
        VBuffer<float>[] perLabel = [];
        parameters.GetWeights(ref perLabel, out int classes);
        var biases = parameters.GetBiases().ToArray();
        var weights = new float[vocabulary.Count * classes];
        for (int k = 0; k < classes; k++)
        {
            int f = 0;
            foreach (float w in perLabel[k].DenseValues())
            {
                weights[(f * classes) + k] = w;
                f++;
            }
        }

        var model = new ClassifierModel(spec, labels, vocabulary, weights, biases, TrainingDigest.Of(corpus, options));

        var engine = ml.Model.CreatePredictionEngine<Row, Output>(transformer, inputSchemaDefinition: schema);
        IReadOnlyDictionary<string, double> Reference(string sentence)
        {
            var score = engine.Predict(new Row { Features = Vector(NgramFeatures.Extract(sentence, spec), vocabulary) }).Score;
            return labels.Select((l, i) => (l, (double)score[i])).ToDictionary(x => x.l, x => x.Item2);
        }

        return (model, Reference);
    }

    private static Dictionary<string, int> Vocabulary(List<List<(string Key, float Value)>> extracted, int minimumCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var features in extracted)
        {
            foreach (var (key, _) in features)
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string key in counts.Where(kv => kv.Value >= minimumCount).Select(kv => kv.Key).Order(StringComparer.Ordinal))
        {
            vocabulary[key] = vocabulary.Count;
        }

        return vocabulary;
    }

    private static VBuffer<float> Vector(List<(string Key, float Value)> features, Dictionary<string, int> vocabulary)
    {
        var entries = new SortedDictionary<int, float>();
        foreach (var (key, value) in features)
        {
            if (vocabulary.TryGetValue(key, out int index))
            {
                entries[index] = value;
            }
        }

        return new VBuffer<float>(vocabulary.Count, entries.Count, [.. entries.Values], [.. entries.Keys]);
    }
}
