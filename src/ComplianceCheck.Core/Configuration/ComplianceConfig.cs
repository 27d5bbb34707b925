using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Configuration;

/// <summary>Maps files matching a glob to a product, channel or language.</summary>
public sealed record PathMapping(string Glob, string? Product, string? Channel, string? Lang);

/// <summary>Settings for the classifier in <c>compliance check</c>.</summary>
public sealed record ModelSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>A risky label at or above this probability, with no rule hit in its sentence, becomes a model finding.</summary>
    public double Threshold { get; init; } = 0.75;

    /// <summary>A rule hit in a sentence judged clean-warning at or above this probability is downgraded to info.</summary>
    public double DowngradeThreshold { get; init; } = 0.6;

    public Severity Severity { get; init; } = Severity.Warning;
}

/// <summary>The contents of <c>.compliance.yaml</c>.</summary>
public sealed record ComplianceConfig
{
    public string? SourcePath { get; init; }

    /// <summary>Folder the config's globs and rule folders are relative to.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    public Severity? FailOn { get; init; }

    public bool FailOnNone { get; init; }

    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PathMapping> Paths { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    public IReadOnlyList<string> RuleDirectories { get; init; } = [];

    public ModelSettings Model { get; init; } = new();

    public static ComplianceConfig Empty { get; } = new();
}
