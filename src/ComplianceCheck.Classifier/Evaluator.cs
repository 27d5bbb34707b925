using System.Diagnostics;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Classifier;

/// <summary>The label each system gave one corpus sentence.</summary>
public sealed record SentenceOutcome(CorpusSentence Sentence, string RulesOnly, string ModelOnly, string Combined, Prediction Prediction);

/// <summary>
/// Scores rules-only, model-only and the combined system (rules + <see cref="ModelAugmenter"/>, exactly as in
/// <c>check</c>) on labelled sentences. Each sentence is scanned as a one-line draft with its own product, channel and
/// language; its findings are turned into one label (see <see cref="LabelOf"/>).
/// </summary>
public static class Evaluator
{
    public static EvaluationReport Run(
        IReadOnlyList<CorpusSentence> sentences, ClassifierModel model, RuleEngine engine, ModelSettings settings, ModelAugmenter? augmenter = null)
    {
        augmenter ??= new ModelAugmenter(model, settings) { Rules = engine.RuleSet };
        var outcomes = new List<SentenceOutcome>(sentences.Count);
        var modelTime = new Stopwatch();
        foreach (var sentence in sentences)
        {
            var document = DocumentLoader.LoadText("sentence.txt", sentence.Text, DocumentFormat.Text);
            var resolver = new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides(sentence.Product, sentence.Channel, sentence.Lang));
            var profile = resolver.Resolve(document, document.Path, []);
            var ruleFindings = engine.Scan(document, profile);

            modelTime.Start();
            var prediction = model.Predict(sentence.Text);
            var combinedFindings = augmenter.Augment(document, profile, ruleFindings);
            modelTime.Stop();

            string rulesOnly = LabelOf(ruleFindings, null, null);
            string modelOnly = Labels.IsRisky(prediction.Label) && prediction.Probability >= settings.Threshold ? prediction.Label : BestClean(prediction);
            string combined = LabelOf(combinedFindings, prediction.Label, BestClean(prediction));
            outcomes.Add(new SentenceOutcome(sentence, rulesOnly, modelOnly, combined, prediction));
        }

        return new EvaluationReport(
            outcomes,
            SystemMetrics.Compute("rules-only", outcomes.Select(o => (o.Sentence, o.RulesOnly))),
            SystemMetrics.Compute("model-only", outcomes.Select(o => (o.Sentence, o.ModelOnly))),
            SystemMetrics.Compute("combined", outcomes.Select(o => (o.Sentence, o.Combined))),
            settings,
            model.Fingerprint,
            engine.RuleSet.Fingerprint,
            sentences.Count == 0 ? TimeSpan.Zero : modelTime.Elapsed / sentences.Count);
    }

    /// <summary>
    /// The label a set of findings gives a sentence: the category of its active (not info, not suppressed) findings — the
    /// model's own label when it is among them, else the first in <see cref="Labels.Priority"/>. With no active finding:
    /// clean-warning when some finding was lowered to info (a quotation or warning), else <paramref name="clean"/>
    /// (the model's likelier clean label; clean-promo for rules alone).
    /// </summary>
    public static string LabelOf(IReadOnlyList<Finding> findings, string? preferred, string? clean)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        bool lowered = false;
        foreach (var f in findings)
        {
            if (Labels.FromCategory(f.Category) is not { } label || f.Suppressed || f.IsHint || f.EndOffset <= f.StartOffset)
            {
                continue;
            }

            if (f.Severity == Severity.Info || !f.InForce)
            {
                lowered = true;
                continue;
            }

            active.Add(label);
        }

        if (active.Count > 0)
        {
            return preferred != null && active.Contains(preferred) ? preferred : Labels.Priority.First(active.Contains);
        }

        return lowered ? Labels.CleanWarning : clean ?? Labels.CleanPromo;
    }

    private static string BestClean(Prediction p) =>
        p.ProbabilityOf(Labels.CleanWarning) > p.ProbabilityOf(Labels.CleanPromo) ? Labels.CleanWarning : Labels.CleanPromo;
}

/// <summary>Precision, recall and F1 of one label.</summary>
public sealed record LabelMetrics(string Label, int Support, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The figures of one system (rules-only, model-only or combined) on a set of sentences.</summary>
public sealed class SystemMetrics
{
    private SystemMetrics(string name, int[,] confusion, IReadOnlyList<LabelMetrics> perLabel, IReadOnlyList<(CorpusSentence Sentence, string Predicted)> rows)
    {
        Name = name;
        Confusion = confusion;
        PerLabel = perLabel;
        MacroF1Risky = perLabel.Where(m => Labels.IsRisky(m.Label)).Average(m => m.F1);
        var warnings = rows.Where(r => r.Sentence.Label == Labels.CleanWarning).ToList();
        CleanWarningCount = warnings.Count;
        CleanWarningFlagged = warnings.Count(r => Labels.IsRisky(r.Predicted));
        var clean = rows.Where(r => !Labels.IsRisky(r.Sentence.Label)).ToList();
        CleanCount = clean.Count;
        CleanFlagged = clean.Count(r => Labels.IsRisky(r.Predicted));
        var paraphrased = rows.Where(r => r.Sentence.Label == Labels.Guarantee && r.Sentence.Hard == "paraphrase").ToList();
        ParaphrasedGuaranteeCount = paraphrased.Count;
        ParaphrasedGuaranteeFound = paraphrased.Count(r => r.Predicted == Labels.Guarantee);
        ByHard = Labels.HardKinds
            .Select(h => (Hard: h, Rows: rows.Where(r => r.Sentence.Hard == h).ToList()))
            .Where(x => x.Rows.Count > 0)
            .Select(x => (x.Hard, x.Rows.Count, x.Rows.Count(r => r.Predicted == r.Sentence.Label)))
            .ToList();
        ByLanguage = Labels.Languages.ToDictionary(l => l, l => RiskyMacroF1(rows.Where(r => r.Sentence.Lang == l).ToList()));
    }

    public string Name { get; }

    /// <summary>[true label, predicted label], both indexed as in <see cref="Labels.All"/>.</summary>
    public int[,] Confusion { get; }

    public IReadOnlyList<LabelMetrics> PerLabel { get; }

    public double MacroF1Risky { get; }

    public int CleanWarningCount { get; }

    public int CleanWarningFlagged { get; }

    /// <summary>Share of clean-warning sentences given a risky label.</summary>
    public double CleanWarningFalsePositiveRate => CleanWarningCount == 0 ? 0 : (double)CleanWarningFlagged / CleanWarningCount;

    public int CleanCount { get; }

    public int CleanFlagged { get; }

    public int ParaphrasedGuaranteeCount { get; }

    public int ParaphrasedGuaranteeFound { get; }

    /// <summary>Share of guarantee sentences marked hard=paraphrase that are labelled guarantee.</summary>
    public double ParaphrasedGuaranteeRecall => ParaphrasedGuaranteeCount == 0 ? 0 : (double)ParaphrasedGuaranteeFound / ParaphrasedGuaranteeCount;

    /// <summary>Per hard-case kind: sentences and how many got their true label.</summary>
    public IReadOnlyList<(string Hard, int Count, int Correct)> ByHard { get; }

    /// <summary>Macro-F1 over the risky labels per language.</summary>
    public IReadOnlyDictionary<string, double> ByLanguage { get; }

    public LabelMetrics For(string label) => PerLabel.First(m => m.Label == label);

    public static SystemMetrics Compute(string name, IEnumerable<(CorpusSentence Sentence, string Predicted)> predictions)
    {
        var rows = predictions.ToList();
        var confusion = new int[Labels.All.Count, Labels.All.Count];
        foreach (var (sentence, predicted) in rows)
        {
            confusion[Labels.Index(sentence.Label), Labels.Index(predicted)]++;
        }

        return new SystemMetrics(name, confusion, PerLabelOf(confusion), rows);
    }

    private static List<LabelMetrics> PerLabelOf(int[,] confusion)
    {
        int n = Labels.All.Count;
        var result = new List<LabelMetrics>(n);
        for (int i = 0; i < n; i++)
        {
            int support = 0, predicted = 0;
            for (int j = 0; j < n; j++)
            {
                support += confusion[i, j];
                predicted += confusion[j, i];
            }

            result.Add(new LabelMetrics(Labels.All[i], support, predicted, confusion[i, i]));
        }

        return result;
    }

    private static double RiskyMacroF1(List<(CorpusSentence Sentence, string Predicted)> rows)
    {
        var confusion = new int[Labels.All.Count, Labels.All.Count];
        foreach (var (sentence, predicted) in rows)
        {
            confusion[Labels.Index(sentence.Label), Labels.Index(predicted)]++;
        }

        var per = PerLabelOf(confusion).Where(m => Labels.IsRisky(m.Label) && m.Support > 0).ToList();
        return per.Count == 0 ? 0 : per.Average(m => m.F1);
    }
}
