using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Scanning;

/// <summary>The outcome of scanning one draft.</summary>
public sealed record FileResult
{
    public required string Path { get; init; }

    public string Format { get; init; } = "text";

    public DraftProfile? Profile { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Why the file could not be scanned (not readable, binary when named explicitly…); null when scanned.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string? Encoding { get; init; }

    /// <summary>The source lines that findings point at, for reports that show them.</summary>
    public IReadOnlyDictionary<int, string> Lines { get; init; } = new Dictionary<int, string>();

    public long Bytes { get; init; }

    public static FileResult Failed(string path, string error) => new() { Path = path, Error = error };
}

/// <summary>
/// A second opinion on a document's rule findings (the classifier): it may add findings the rules missed or lower
/// the severity of rule hits it judges to be warnings or quotations.
/// </summary>
public interface IFindingAugmenter
{
    /// <summary>A fingerprint of what decides the augmentation (the model), reported beside the rules' fingerprint.</summary>
    string Fingerprint { get; }

    IReadOnlyList<Finding> Augment(SourceDocument document, DraftProfile profile, IReadOnlyList<Finding> ruleFindings);
}
