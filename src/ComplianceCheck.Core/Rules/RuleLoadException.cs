namespace ComplianceCheck.Core.Rules;

/// <summary>One or more rule files are invalid; each error reads <c>file:line: what is wrong</c>.</summary>
public sealed class RuleLoadException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
