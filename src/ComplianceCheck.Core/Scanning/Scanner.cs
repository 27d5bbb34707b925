using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Scanning;

/// <summary>Everything a scan needs besides the files: rules, configuration, overrides and an optional classifier.</summary>
public sealed record ScanSettings
{
    public required RuleEngine Engine { get; init; }

    public ComplianceConfig Config { get; init; } = ComplianceConfig.Empty;

    public ProfileOverrides Overrides { get; init; } = new();

    public IFindingAugmenter? Augmenter { get; init; }

    public DocumentFormat? ForcedFormat { get; init; }

    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.Today);

    /// <summary>Worker threads for folder scans (each file is independent).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Whether results carry the source lines their findings point at (<see cref="FileResult.Lines"/>). Only the text report
    /// shows them; a machine-readable report of a whole repository would otherwise hold a copy of every flagged line (a WeChat
    /// article's HTML is often one long line) until it is written.
    /// </summary>
    public bool KeepSourceLines { get; init; } = true;
}

/// <summary>Loads drafts, resolves their profile, runs the engine (and classifier) and returns per-file results.</summary>
public sealed class Scanner
{
    // Workers get a large stack so pathological nesting in a parser cannot crash the process.
    private const int WorkerStackBytes = 64 * 1024 * 1024;

    private readonly ScanSettings _settings;
    private readonly ProfileResolver _profiles;
    private readonly EngineOptions _engineOptions;

    public Scanner(ScanSettings settings)
    {
        _settings = settings;
        _profiles = new ProfileResolver(settings.Config, settings.Overrides);
        _engineOptions = new EngineOptions
        {
            DisabledRules = settings.Config.DisabledRules,
            SeverityOverrides = settings.Config.SeverityOverrides,
            AsOf = settings.AsOf,
        };
    }

    public ScanSettings Settings => _settings;

    /// <summary>Scans one file from disk. <paramref name="explicitlyNamed"/> turns a binary file into an error, not a skip.</summary>
    public FileResult ScanFile(string path, bool explicitlyNamed = true)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (!explicitlyNamed && !Directory.Exists(path))
                {
                    // Found by the folder walk, deleted before it was read: nothing to scan, nothing lost.
                    return new FileResult { Path = path, Error = "vanished during the scan", Warnings = ["skipped: vanished during the scan"] };
                }

                return FileResult.Failed(path, Directory.Exists(path) ? "is a folder" : "file not found");
            }

            if (info.Length > DocumentLoader.MaxFileBytes)
            {
                return FileResult.Failed(path, $"is {info.Length / (1024 * 1024)} MB, larger than the {DocumentLoader.MaxFileBytes / (1024 * 1024)} MB a draft may be");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileResult.Failed(path, $"cannot read file: {ex.Message}");
        }

        return ScanBytes(path, bytes, explicitlyNamed);
    }

    public FileResult ScanBytes(string path, ReadOnlySpan<byte> bytes, bool explicitlyNamed = true)
    {
        DecodedText decoded;
        try
        {
            decoded = TextDecoder.Decode(bytes);
        }
        catch (UnreadableDraftException ex)
        {
            return new FileResult { Path = path, Error = ex.Message, Warnings = explicitlyNamed ? [] : ["skipped: " + ex.Message], Bytes = bytes.Length };
        }

        var result = ScanText(path, decoded.Text);
        var warnings = result.Warnings.ToList();
        if (decoded.EncodingName is "gb18030")
        {
            warnings.Insert(0, "not valid UTF-8; read as GB18030/GBK");
        }

        return result with { Encoding = decoded.EncodingName, Warnings = warnings, Bytes = bytes.Length };
    }

    public FileResult ScanText(string path, string text)
    {
        var document = DocumentLoader.LoadText(path, text, _settings.ForcedFormat);
        return ScanDocument(document);
    }

    public FileResult ScanDocument(SourceDocument document)
    {
        var warnings = new List<string>(document.Warnings);
        var profile = _profiles.Resolve(document, document.Path, warnings);
        IReadOnlyList<Finding> findings = _settings.Engine.Scan(document, profile, _engineOptions);
        if (_settings.Augmenter != null && _settings.Config.Model.Enabled)
        {
            findings = _settings.Augmenter.Augment(document, profile, findings);
        }

        var lines = new Dictionary<int, string>();
        foreach (var f in _settings.KeepSourceLines ? findings : [])
        {
            lines.TryAdd(f.Line, document.Lines.LineText(f.Line));
        }

        return new FileResult
        {
            Path = document.Path,
            Format = DocumentFormats.Name(document.Format),
            Profile = profile,
            Findings = findings,
            Warnings = warnings,
            Lines = lines,
            Bytes = document.Text.Length,
        };
    }

    /// <summary>
    /// Scans inputs on worker threads and yields results in input order as soon as each is ready, so output streams
    /// and memory stays flat however many files there are.
    /// </summary>
    public IEnumerable<FileResult> ScanAll(IReadOnlyList<ScanInput> inputs)
    {
        if (inputs.Count == 0)
        {
            yield break;
        }

        int workers = Math.Clamp(_settings.Parallelism, 1, Math.Max(1, inputs.Count));
        var results = new FileResult?[inputs.Count];
        int next = -1;

        // The reader waits only for the one result it needs next, and only its worker wakes it. A lock pulsed after every
        // file woke the reader 10,000 times on a repository, and its spinning took CPU from the two workers of a 2-core machine.
        // Not disposed: a reader that stops early leaves workers that may still set it.
        int awaited = -1;
        var ready = new ManualResetEventSlim(false, spinCount: 1);
        var threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            threads[w] = new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < inputs.Count)
                {
                    FileResult result;
                    try
                    {
                        result = ScanFile(inputs[i].Path, inputs[i].Explicit);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        result = FileResult.Failed(inputs[i].Path, $"internal error while scanning ({ex.GetType().Name}: {ex.Message})");
                    }

                    Interlocked.Exchange(ref results[i], result);
                    if (Volatile.Read(ref awaited) == i)
                    {
                        ready.Set();
                    }
                }
            }, WorkerStackBytes)
            { IsBackground = true, Name = $"scan-worker-{w}" };
            threads[w].Start();
        }

        for (int i = 0; i < inputs.Count; i++)
        {
            if (Volatile.Read(ref results[i]) == null)
            {
                // Workers take files in order, so once the file a batch ahead is done, those before it are too (or nearly):
                // one wake then serves the whole batch, where waking for each file cost a context switch per file.
                AwaitResult(results, Math.Min(i + WakeBatch, inputs.Count - 1), ref awaited, ready);
            }

            var result = AwaitResult(results, i, ref awaited, ready);
            results[i] = null;
            yield return result;
        }
    }

    private const int WakeBatch = 16;

    private static FileResult AwaitResult(FileResult?[] results, int index, ref int awaited, ManualResetEventSlim ready)
    {
        Interlocked.Exchange(ref awaited, index);
        while (true)
        {
            ready.Reset();
            if (Volatile.Read(ref results[index]) is { } result)
            {
                return result;
            }

            ready.Wait();
        }
    }
}
