using System.CommandLine;
using ComplianceCheck.Classifier;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Cli.Commands;

/// <summary>The classifier's options and helpers shared by <c>check</c>, <c>train</c> and <c>eval</c>.</summary>
internal static class ModelOptions
{
    public static readonly Option<bool> NoModel = new("--no-model")
    {
        Description = "Rules only: do not run the classifier (no model findings, no downgrades).",
    };

    public static readonly Option<string?> Corpus = new("--corpus")
    {
        Description = "Corpus folder holding train/ and test/ (default: corpora, found upward from the current folder).",
    };

    /// <summary>
    /// Starts loading the built-in model on another thread, so that it overlaps with loading the rule packs and building the
    /// engine (each some tens of milliseconds of a one-file check); <see cref="CreateAugmenter"/> then waits for it, and
    /// sees the same error the load would have raised.
    /// </summary>
    public static void StartLoading(ParseResult parse, ComplianceConfig config)
    {
        if (!parse.GetValue(NoModel) && config.Model.Enabled)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    ClassifierModel.LoadEmbedded();
                }
                catch (InvalidDataException)
                {
                    // Raised again by the Lazy to the caller that needs the model.
                }
            });
        }
    }

    /// <summary>The classifier for <c>check</c>: the model embedded in the tool, unless --no-model or model.enabled: false.</summary>
    public static IFindingAugmenter? CreateAugmenter(ParseResult parse, ComplianceConfig config, RuleSet rules)
    {
        if (parse.GetValue(NoModel) || !config.Model.Enabled)
        {
            return null;
        }

        try
        {
            var model = ClassifierModel.LoadEmbedded();
            return model == null ? null : new ModelAugmenter(model, config.Model) { Rules = rules };
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"the built-in classifier model cannot be loaded ({ex.Message}); run with --no-model");
        }
    }

    public static string ResolveCorpus(ParseResult parse)
    {
        if (parse.GetValue(Corpus) is { } explicitPath)
        {
            if (!Directory.Exists(explicitPath))
            {
                throw new UsageException($"{explicitPath}: corpus folder not found");
            }

            return explicitPath;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "corpora");
            if (Directory.Exists(Path.Combine(candidate, "train")))
            {
                return candidate;
            }
        }

        throw new UsageException("no corpora/ folder (with train/) here or above; pass --corpus DIR");
    }

    public static (IReadOnlyList<CorpusSentence> Train, IReadOnlyList<CorpusSentence> Test) ReadCorpus(string corpus, bool needTest)
    {
        try
        {
            var train = CorpusReader.ReadFolder(Path.Combine(corpus, "train"));
            var test = needTest ? CorpusReader.ReadFolder(Path.Combine(corpus, "test")) : [];
            return (train, test);
        }
        catch (CorpusException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
