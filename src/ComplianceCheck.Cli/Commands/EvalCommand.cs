using System.CommandLine;
using System.Globalization;
using ComplianceCheck.Classifier;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Cli.Commands;

/// <summary>
/// <c>compliance eval [--corpus DIR] [--model FILE]</c>: per-label precision/recall/F1 and confusion matrices of
/// rules-only, model-only and combined on the test split (or, with --validation, on the validation split carved from train).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var modelPath = new Option<string?>("--model", "-m") { Description = "Model file to evaluate (default: the model built into the tool)." };
        var validation = new Option<bool>("--validation")
        {
            Description = "Tune instead of report: train on train minus a held-out validation part, evaluate on that part, and print a threshold grid.",
        };
        var errors = new Option<bool>("--errors") { Description = "Also list the sentences the combined system gets wrong." };
        var threshold = new Option<double?>("--threshold") { Description = "Override model.threshold of the config (0-1)." };
        var downgrade = new Option<double?>("--downgrade-threshold") { Description = "Override model.downgradeThreshold of the config (0-1)." };
        var command = new Command("eval", "Evaluate rules-only, model-only and combined on <corpus>/test.")
        {
            ModelOptions.Corpus, modelPath, validation, errors, threshold, downgrade, CheckCommand.RulesDirs, CheckCommand.Config,
        };
        command.SetAction(parse =>
        {
            string corpus = ModelOptions.ResolveCorpus(parse);
            var config = ToolSetup.LoadConfig(parse.GetValue(CheckCommand.Config));
            var engine = ToolSetup.LoadEngine(parse.GetValue(CheckCommand.RulesDirs) ?? [], config);
            var settings = config.Model with
            {
                Threshold = Probability(parse.GetValue(threshold), "--threshold") ?? config.Model.Threshold,
                DowngradeThreshold = Probability(parse.GetValue(downgrade), "--downgrade-threshold") ?? config.Model.DowngradeThreshold,
            };
            bool tune = parse.GetValue(validation);
            var (train, test) = ModelOptions.ReadCorpus(corpus, needTest: !tune);

            ClassifierModel model;
            IReadOnlyList<CorpusSentence> sentences;
            string name;
            if (tune)
            {
                var (fit, validate) = Validation.Split(train);
                model = ClassifierTrainer.Train(fit);
                sentences = validate;
                name = $"the validation split of {Path.Combine(corpus, "train")} (model trained on the other {fit.Count} sentences)";
            }
            else
            {
                model = LoadModel(parse.GetValue(modelPath));
                sentences = test;
                name = Path.Combine(corpus, "test");
            }

            var report = Evaluator.Run(sentences, model, engine, settings);
            report.WriteText(Console.Out, name);
            if (tune)
            {
                WriteGrid(sentences, model, engine, settings);
            }

            if (parse.GetValue(errors))
            {
                WriteErrors(report);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static double? Probability(double? value, string option) =>
        value is null or (>= 0 and <= 1) ? value : throw new UsageException($"{option} must be between 0 and 1");

    private static ClassifierModel LoadModel(string? path)
    {
        try
        {
            if (path != null)
            {
                return File.Exists(path) ? ClassifierModel.Load(path) : throw new UsageException($"{path}: model file not found");
            }

            return ClassifierModel.LoadEmbedded() ?? throw new UsageException("this build has no built-in model; run 'compliance train' and rebuild, or pass --model FILE");
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    /// <summary>Combined figures for a grid of model.threshold × model.downgradeThreshold, to choose the defaults on validation data.</summary>
    private static void WriteGrid(IReadOnlyList<CorpusSentence> sentences, ClassifierModel model, RuleEngine engine, ModelSettings settings)
    {
        Console.WriteLine();
        Console.WriteLine("== threshold grid (combined): threshold downgrade -> macro-F1 risky / FP clean-warning / paraphrased guarantee recall");
        foreach (double threshold in new[] { 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9 })
        {
            var cells = new List<string>();
            foreach (double downgrade in new[] { 0.5, 0.6, 0.7, 0.8, 0.85, 0.9 })
            {
                var c = Evaluator.Run(sentences, model, engine, settings with { Threshold = threshold, DowngradeThreshold = downgrade }).Combined;
                cells.Add($"{F(downgrade)}: {F3(c.MacroF1Risky)}/{F3(c.CleanWarningFalsePositiveRate)}/{F3(c.ParaphrasedGuaranteeRecall)}");
            }

            Console.WriteLine($"{F(threshold)}  {string.Join("  ", cells)}");
        }
    }

    private static void WriteErrors(EvaluationReport report)
    {
        Console.WriteLine();
        Console.WriteLine("== combined errors (true -> predicted, model label p, hard, file:line, text)");
        foreach (var o in report.Outcomes.Where(o => o.Combined != o.Sentence.Label))
        {
            var s = o.Sentence;
            Console.WriteLine($"{s.Label} -> {o.Combined} (model {o.Prediction.Label} {F(o.Prediction.Probability)}, {s.Hard}) "
                + $"{Path.GetFileName(s.File)}:{s.Line}: {s.Text}");
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F3(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
