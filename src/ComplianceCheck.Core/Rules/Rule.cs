using System.Text.RegularExpressions;

namespace ComplianceCheck.Core.Rules;

public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}

public enum RuleKind
{
    Phrase,
    Pattern,
    Proximity,
    Required,
}

/// <summary>What a hit means: a violation, something a human must look at, or advice.</summary>
public enum ReviewHint
{
    Violation,
    NeedsReview,
    Advice,
}

public enum NegationMode
{
    Suppress,
    Ignore,
}

/// <summary>The law (or industry practice) a rule rests on.</summary>
public sealed record LegalBasis(string Type, string Law, string? Article, string? Quote)
{
    public bool IsStatute => Type == "statute";

    public override string ToString()
    {
        string article = string.IsNullOrEmpty(Article) ? string.Empty : Article;
        string practice = IsStatute ? string.Empty : "（行业惯例 industry practice）";
        return $"{Law}{article}{practice}";
    }
}

/// <summary>An example draft a rule must flag or pass; <see cref="Line"/> is where it stands in the rule file.</summary>
public sealed record RuleExample(string Text, string? Product, string? Channel, int Line);

/// <summary>The fields every rule has, whatever its kind.</summary>
public sealed record RuleHeader
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    public required string Message { get; init; }

    public required LegalBasis LegalBasis { get; init; }

    public required string Lang { get; init; }

    public ReviewHint Review { get; init; } = ReviewHint.Violation;

    public DateOnly? Effective { get; init; }

    public IReadOnlyList<string> Products { get; init; } = [];

    public IReadOnlyList<string> Channels { get; init; } = [];

    public string? Suggestion { get; init; }

    public string? FixReplace { get; init; }

    public IReadOnlyList<string> Exceptions { get; init; } = [];

    public IReadOnlyList<Regex> ExceptionPatterns { get; init; } = [];

    public NegationMode Negation { get; init; } = NegationMode.Suppress;

    public IReadOnlyList<RuleExample> FlagExamples { get; init; } = [];

    public IReadOnlyList<RuleExample> PassExamples { get; init; } = [];

    /// <summary>The rule file (or embedded resource name) and line, for messages that point back at the rule.</summary>
    public required string SourceFile { get; init; }

    public required int SourceLine { get; init; }
}

public abstract class Rule(RuleHeader header)
{
    public RuleHeader Header { get; } = header;

    public abstract RuleKind Kind { get; }

    public string Id => Header.Id;

    public string Name => Header.Name;

    public string Category => Header.Category;

    public Severity Severity => Header.Severity;

    public string Message => Header.Message;

    public LegalBasis LegalBasis => Header.LegalBasis;

    public string Lang => Header.Lang;

    public ReviewHint Review => Header.Review;

    public DateOnly? Effective => Header.Effective;

    public IReadOnlyList<string> Products => Header.Products;

    public IReadOnlyList<string> Channels => Header.Channels;

    public string? Suggestion => Header.Suggestion;

    public string? FixReplace => Header.FixReplace;

    public IReadOnlyList<string> Exceptions => Header.Exceptions;

    public IReadOnlyList<Regex> ExceptionPatterns => Header.ExceptionPatterns;

    public virtual NegationMode Negation => Header.Negation;

    public IReadOnlyList<RuleExample> FlagExamples => Header.FlagExamples;

    public IReadOnlyList<RuleExample> PassExamples => Header.PassExamples;

    public string SourceFile => Header.SourceFile;

    public int SourceLine => Header.SourceLine;

    public bool AppliesTo(string product, string channel) =>
        (Products.Count == 0 || Products.Contains(product)) && (Channels.Count == 0 || Channels.Contains(channel));

    public bool InForce(DateOnly asOf) => Effective is null || Effective.Value <= asOf;
}

public sealed class PhraseRule(RuleHeader header) : Rule(header)
{
    public override RuleKind Kind => RuleKind.Phrase;

    public required IReadOnlyList<string> Phrases { get; init; }
}

/// <summary>Post-match checks that tell a real identifier from a look-alike number.</summary>
public enum MatchValidator
{
    None,
    Luhn,
    ChineseIdCard,
    ChineseMobile,
    Email,
}

public sealed class PatternRule(RuleHeader header) : Rule(header)
{
    public override RuleKind Kind => RuleKind.Pattern;

    public required RuleRegex Expression { get; init; }

    /// <summary>The regex, built on first use (see <see cref="RuleRegex"/>).</summary>
    public Regex Pattern => Expression.Value;

    public IReadOnlyList<string> Anchors { get; init; } = [];

    public MatchValidator Validate { get; init; } = MatchValidator.None;
}

public sealed class ProximityRule(RuleHeader header) : Rule(header)
{
    public override RuleKind Kind => RuleKind.Proximity;

    public required IReadOnlyList<string> First { get; init; }

    public required IReadOnlyList<string> Second { get; init; }

    public required int Within { get; init; }
}

public enum RequiredScope
{
    Document,
    Block,
}

public enum InsertPosition
{
    End,
    AfterTriggerBlock,
}

public sealed class RequiredRule(RuleHeader header) : Rule(header)
{
    public override RuleKind Kind => RuleKind.Required;

    /// <summary>Negation never cancels a missing statement.</summary>
    public override NegationMode Negation => NegationMode.Ignore;

    public IReadOnlyList<string> WhenProducts { get; init; } = [];

    public IReadOnlyList<string> Triggers { get; init; } = [];

    public RuleRegex? TriggerExpression { get; init; }

    public Regex? TriggerPattern => TriggerExpression?.Value;

    public IReadOnlyList<string> TriggerAnchors { get; init; } = [];

    public IReadOnlyList<string> Require { get; init; } = [];

    public IReadOnlyList<Regex> RequirePatterns { get; init; } = [];

    /// <summary>The statement patterns as written, without building them.</summary>
    public IReadOnlyList<string> RequirePatternTexts => LazyRegexList.TextsOf(RequirePatterns);

    public RequiredScope Scope { get; init; } = RequiredScope.Document;

    public int BlockWindow { get; init; }

    public required string InsertText { get; init; }

    public InsertPosition InsertAt { get; init; } = InsertPosition.End;

    public bool HasTrigger => Triggers.Count > 0 || TriggerExpression != null;
}
