using System.Collections;
using System.Text.RegularExpressions;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// A rule's regular expression, checked when the rule file loads but built for the linear-time engine only when a scan
/// first needs it: building ~300 NonBacktracking automata costs seconds, and a small draft touches a handful.
/// </summary>
public sealed class RuleRegex
{
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Lazy<Regex> _regex;

    private RuleRegex(string pattern)
    {
        Text = pattern;
        _regex = new Lazy<Regex>(() => new Regex(pattern, Options, MatchTimeout), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The pattern as written in the rule file.</summary>
    public string Text { get; }

    public Regex Value => _regex.Value;

    public override string ToString() => Text;

    /// <summary>Checks the pattern without building its automaton; returns the problem, or null when it is usable.</summary>
    public static RuleRegex Parse(string pattern, out string? problem)
    {
        problem = Problem(pattern);
        return new RuleRegex(pattern);
    }

    private static string? Problem(string pattern)
    {
        try
        {
            // The interpreter's parser reports syntax errors at a fraction of the cost of building the automaton.
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            return "invalid regular expression: " + ex.Message;
        }

        return UnsupportedConstruct(pattern) is { } construct
            ? $"pattern uses a construct the linear-time engine does not support (lookarounds, backreferences, atomic groups): {construct}"
            : null;
    }

    /// <summary>The first construct RegexOptions.NonBacktracking refuses, found by a scan that skips escapes and classes.</summary>
    private static string? UnsupportedConstruct(string p)
    {
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\' && i + 1 < p.Length)
            {
                char n = p[i + 1];
                if (!inClass && (n is >= '1' and <= '9' || n == 'k' || n == 'G'))
                {
                    return n == 'G' ? "\\G" : "backreference \\" + n;
                }

                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                if (i + 1 < p.Length && p[i + 1] == ']')
                {
                    i++;
                }

                continue;
            }

            if (c == '(' && i + 2 < p.Length && p[i + 1] == '?')
            {
                string rest = p[(i + 2)..];
                if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal))
                {
                    return "lookaround (?" + rest[..Math.Min(2, rest.Length)];
                }

                if (rest.StartsWith('>'))
                {
                    return "atomic group (?>";
                }

                if (rest.StartsWith('('))
                {
                    return "conditional (?(";
                }

                int close = rest.IndexOf('>', StringComparison.Ordinal);
                if ((rest.StartsWith('<') || rest.StartsWith('\'')) && close > 0 && rest[..close].Contains('-', StringComparison.Ordinal))
                {
                    return "balancing group";
                }
            }
        }

        return null;
    }
}

/// <summary>A list of rule regexes that builds each one on first access.</summary>
internal sealed class LazyRegexList(IReadOnlyList<RuleRegex> items) : IReadOnlyList<Regex>
{
    public Regex this[int index] => items[index].Value;

    public int Count => items.Count;

    public IReadOnlyList<string> Texts => items.Select(r => r.Text).ToList();

    public IEnumerator<Regex> GetEnumerator() => items.Select(r => r.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" | ", items.Select(r => r.Text));
}
