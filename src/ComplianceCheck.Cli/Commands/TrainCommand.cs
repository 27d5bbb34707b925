using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ComplianceCheck.Classifier;

namespace ComplianceCheck.Cli.Commands;

/// <summary><c>compliance train [--corpus DIR] [--out FILE]</c>: trains the classifier on corpora/train, deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the model (default: <corpus>/models/classifier.bin, the model built into the tool on the next build).",
        };
        var command = new Command("train", "Train the sentence classifier on <corpus>/train (fixed seed, one thread: on one machine the same corpus gives the same model byte for byte).")
        {
            ModelOptions.Corpus, output,
        };
        command.SetAction(parse =>
        {
            string corpus = ModelOptions.ResolveCorpus(parse);
            var (train, _) = ModelOptions.ReadCorpus(corpus, needTest: false);
            string outPath = parse.GetValue(output) ?? Path.Combine(corpus, "models", "classifier.bin");
            var stopwatch = Stopwatch.StartNew();
            var model = ClassifierTrainer.Train(train);
            stopwatch.Stop();
            try
            {
                model.Save(outPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{outPath}: cannot write model: {ex.Message}");
            }

            var counts = Labels.All.Select(l => $"{l} {train.Count(s => s.Label == l)}");
            Console.WriteLine($"trained on {train.Count} sentences from {Path.Combine(corpus, "train")} ({string.Join(", ", counts)})");
            Console.WriteLine($"in {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; wrote {outPath} "
                + $"({model.Bytes.Length / 1024} KB, fingerprint {model.Fingerprint})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
