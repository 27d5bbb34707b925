using BenchmarkDotNet.Attributes;
using ComplianceCheck.Classifier;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ComplianceCheck.Benchmarks.Benchmarks;

/// <summary>
/// Item 6 of the performance issue: sentences per second of the classifier, single thread and batch. The shipped
/// model (<see cref="ClassifierModel"/>, the character n-gram maximum-entropy model exported from ML.NET, scored
/// without starting ML.NET) is the baseline; beside it ML.NET itself on the same kind of model: a
/// <c>PredictionEngine</c> per sentence and a batch <c>Transform</c> over all sentences. One operation classifies every
/// sentence of the labelled corpus (train and test splits), n-gram extraction included.
/// </summary>
[Config(typeof(ClassifierConfig))]
public class ClassifierBenchmarks
{
    private string[] _sentences = [];
    private ClassifierModel _model = null!;
    private MLContext _ml = null!;
    private ITransformer _transformer = null!;
    private PredictionEngine<Row, Output> _engine = null!;
    private SchemaDefinition _schema = null!;
    private Dictionary<string, int> _vocabulary = [];
    private FeatureSpec _spec = FeatureSpec.Default;

    [GlobalSetup]
    public void Setup()
    {
        string corpora = Path.Combine(Tools.RepoRoot(), "corpora");
        var train = CorpusReader.ReadFolder(Path.Combine(corpora, "train"));
        var test = CorpusReader.ReadFolder(Path.Combine(corpora, "test"));
        _sentences = [.. train.Concat(test).Select(s => s.Text)];
        _model = ClassifierModel.LoadEmbedded() ?? throw new InvalidOperationException("no embedded classifier model");
        _spec = _model.Spec;
        CaseSizes.Record(CaseSizes.Key(nameof(ClassifierBenchmarks), []), _sentences.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s)), _sentences.Length);

        // ML.NET's own model of the same kind (n-gram vector, L-BFGS maximum entropy), trained here on the train split.
        var extracted = train.Select(s => NgramFeatures.Extract(s.Text, _spec)).ToList();
        _vocabulary = extracted.SelectMany(f => f.Select(x => x.Key)).GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2).Select(g => g.Key).Order(StringComparer.Ordinal)
            .Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        _ml = new MLContext(seed: 1);
        _schema = SchemaDefinition.Create(typeof(Row));
        _schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _vocabulary.Count);
        var rows = train.Select((s, i) => new Row { Features = Vector(extracted[i]), Label = s.Label }).ToList();
        var data = _ml.Data.LoadFromEnumerable(rows, _schema);
        var pipeline = _ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(Row.Label))
            .Append(_ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = nameof(Row.Features),
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        _transformer = pipeline.Fit(data);
        _engine = _ml.Model.CreatePredictionEngine<Row, Output>(_transformer, inputSchemaDefinition: _schema);
    }

    [Benchmark(Baseline = true, Description = "Shipped model, single thread")]
    public double ShippedModel()
    {
        double sum = 0;
        foreach (string s in _sentences)
        {
            sum += _model.Predict(s).Probability;
        }

        return sum;
    }

    [Benchmark(Description = "Shipped model, batch on all cores")]
    public double ShippedModelBatch() => _sentences.AsParallel().Sum(s => _model.Predict(s).Probability);

    [Benchmark(Description = "ML.NET PredictionEngine, single thread")]
    public double PredictionEngine()
    {
        double sum = 0;
        foreach (string s in _sentences)
        {
            sum += _engine.Predict(new Row { Features = Vector(NgramFeatures.Extract(s, _spec)) }).Score.Max();
        }

        return sum;
    }

    [Benchmark(Description = "ML.NET batch Transform")]
    public double MlNetBatch()
    {
        var view = _ml.Data.LoadFromEnumerable(_sentences.Select(s => new Row { Features = Vector(NgramFeatures.Extract(s, _spec)) }), _schema);
        var scored = _transformer.Transform(view);
        double sum = 0;
        foreach (float[] score in scored.GetColumn<float[]>("Score"))
        {
            sum += score.Max();
        }

        return sum;
    }

    private VBuffer<float> Vector(List<(string Key, float Value)> features)
    {
        var indexed = new SortedDictionary<int, float>();
        foreach (var (key, value) in features)
        {
            if (_vocabulary.TryGetValue(key, out int i))
            {
                indexed[i] = indexed.GetValueOrDefault(i) + value;
            }
        }

        return new VBuffer<float>(_vocabulary.Count, indexed.Count, [.. indexed.Values], [.. indexed.Keys]);
    }

    public sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public string Label { get; set; } = string.Empty;
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}
