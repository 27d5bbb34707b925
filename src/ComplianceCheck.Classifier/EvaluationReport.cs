using System.Globalization;
using ComplianceCheck.Core.Configuration;

namespace ComplianceCheck.Classifier;

/// <summary>The figures of rules-only, model-only and combined on one labelled split, and their text rendering.</summary>
public sealed record EvaluationReport(
    IReadOnlyList<SentenceOutcome> Outcomes,
    SystemMetrics RulesOnly,
    SystemMetrics ModelOnly,
    SystemMetrics Combined,
    ModelSettings Settings,
    string ModelFingerprint,
    string RulesFingerprint,
    TimeSpan ModelTimePerSentence)
{
    /// <summary>The targets of the issue: combined macro-F1 over risky labels, FP rate on clean-warning, paraphrased-guarantee recall.</summary>
    public const double TargetMacroF1 = 0.90;
    public const double TargetCleanWarningFpRate = 0.05;
    public const double TargetParaphrasedGuaranteeRecall = 0.80;

    private static readonly Dictionary<string, string> Short = new()
    {
        ["guarantee"] = "guar",
        ["absolute"] = "abs",
        ["testimonial"] = "test",
        ["inducement"] = "ind",
        ["apr"] = "apr",
        ["clean-promo"] = "promo",
        ["clean-warning"] = "warn",
    };

    public IEnumerable<SystemMetrics> Systems => [RulesOnly, ModelOnly, Combined];

    public void WriteText(TextWriter w, string corpusName)
    {
        var sentences = Outcomes.Select(o => o.Sentence).ToList();
        w.WriteLine($"Evaluation on {corpusName}: {sentences.Count} sentences ({string.Join(", ", Labels.Languages.Select(l => $"{sentences.Count(s => s.Lang == l)} {l}"))})");
        w.WriteLine($"model {ModelFingerprint}, rules {RulesFingerprint}; model.threshold {F(Settings.Threshold)}, model.downgradeThreshold {F(Settings.DowngradeThreshold)}");
        w.WriteLine("Each sentence is scanned as a one-line draft with its product, channel and language; its label is the category of its active");
        w.WriteLine("findings (model's label first, then guarantee > apr > testimonial > inducement > absolute), else clean.");
        foreach (var system in Systems)
        {
            w.WriteLine();
            WriteSystem(w, system);
        }

        w.WriteLine();
        w.WriteLine("== summary");
        w.WriteLine($"{"system",-11} {"macro-F1 risky",14} {"FP clean-warning",17} {"FP all clean",13} {"paraphrased guarantee recall",29}");
        foreach (var s in Systems)
        {
            w.WriteLine($"{s.Name,-11} {F(s.MacroF1Risky),14} {Pct(s.CleanWarningFalsePositiveRate) + $" ({s.CleanWarningFlagged}/{s.CleanWarningCount})",17} "
                + $"{Pct(s.CleanCount == 0 ? 0 : (double)s.CleanFlagged / s.CleanCount),13} {F(s.ParaphrasedGuaranteeRecall) + $" ({s.ParaphrasedGuaranteeFound}/{s.ParaphrasedGuaranteeCount})",29}");
        }

        w.WriteLine();
        w.WriteLine($"targets (combined): macro-F1 >= {F(TargetMacroF1)}: {Met(Combined.MacroF1Risky >= TargetMacroF1)}; "
            + $"FP on clean-warning <= {Pct(TargetCleanWarningFpRate)}: {Met(Combined.CleanWarningFalsePositiveRate <= TargetCleanWarningFpRate)}; "
            + $"paraphrased guarantee recall >= {F(TargetParaphrasedGuaranteeRecall)}: {Met(Combined.ParaphrasedGuaranteeRecall >= TargetParaphrasedGuaranteeRecall)}");
        w.WriteLine($"model cost: {ModelTimePerSentence.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture)} ms per sentence");
    }

    private static void WriteSystem(TextWriter w, SystemMetrics s)
    {
        w.WriteLine($"== {s.Name}");
        w.WriteLine($"{"label",-14} {"support",7} {"predicted",9} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var m in s.PerLabel)
        {
            w.WriteLine($"{m.Label,-14} {m.Support,7} {m.Predicted,9} {F(m.Precision),9} {F(m.Recall),7} {F(m.F1),6}");
        }

        w.WriteLine($"macro-F1 over risky labels: {F(s.MacroF1Risky)} ({string.Join(", ", s.ByLanguage.Select(kv => $"{kv.Key} {F(kv.Value)}"))})");
        w.WriteLine($"false-positive rate on clean-warning: {Pct(s.CleanWarningFalsePositiveRate)} ({s.CleanWarningFlagged}/{s.CleanWarningCount}); "
            + $"on all clean sentences: {s.CleanFlagged}/{s.CleanCount}");
        w.WriteLine($"recall on paraphrased guarantees: {F(s.ParaphrasedGuaranteeRecall)} ({s.ParaphrasedGuaranteeFound}/{s.ParaphrasedGuaranteeCount})");
        w.WriteLine($"correct by hard case: {string.Join(", ", s.ByHard.Select(h => $"{h.Hard} {h.Correct}/{h.Count}"))}");
        w.WriteLine("confusion matrix (rows: true label, columns: predicted label)");
        w.WriteLine($"{string.Empty,-14}" + string.Concat(Labels.All.Select(l => $"{Short[l],6}")));
        for (int i = 0; i < Labels.All.Count; i++)
        {
            w.Write($"{Labels.All[i],-14}");
            for (int j = 0; j < Labels.All.Count; j++)
            {
                w.Write($"{s.Confusion[i, j],6}");
            }

            w.WriteLine();
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Pct(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Met(bool met) => met ? "met" : "NOT met";
}
