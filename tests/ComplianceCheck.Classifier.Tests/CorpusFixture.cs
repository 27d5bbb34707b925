using ComplianceCheck.Classifier;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Classifier.Tests;

/// <summary>The corpus, the committed model and the built-in rules, read once for every test class that needs them.</summary>
public sealed class CorpusFixture
{
    private readonly Lazy<RuleEngine> _engine = new(() => new RuleEngine(RuleSet.Load()));

    public CorpusFixture()
    {
        (Train, Test) = CorpusReader.ReadSplits(RepoPaths.Corpora);
    }

    public IReadOnlyList<CorpusSentence> Train { get; }

    public IReadOnlyList<CorpusSentence> Test { get; }

    public static string ModelPath => Path.Combine(RepoPaths.Corpora, "models", "classifier.bin");

    public ClassifierModel Committed => ClassifierModel.LoadEmbedded() ?? throw new InvalidOperationException("no embedded model");

    public RuleEngine Engine => _engine.Value;
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
