using System.Collections;
using System.Text.RegularExpressions;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// A rule's regular expression, checked when the rule file loads and built when a scan first needs it. A pattern with
/// nested repetition (<c>(a+)+</c>, <c>(x|y)*</c>), the shape that can backtrack for ever, always runs on the linear-time
/// NonBacktracking engine. Any other pattern starts on the interpreter, built a hundred times faster (start-up matters to
/// a copywriter checking one draft) and bounded by a match timeout; once it has been used often enough to repay the
/// build (a folder scan), it is promoted to the NonBacktracking engine, which matches the same text faster.
/// </summary>
public sealed class RuleRegex
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Uses after which building the linear-time automaton pays for itself. Measured on a 10,000-draft scan: promoting after
    /// 256 uses cost 28 MB more peak memory than after 4,096 for the same CPU time; the engine benchmark (50 MB of drafts) runs
    /// as fast either way, as its hot regexes pass 4,096 uses early on.
    /// </summary>
    private const int PromotionUses = 4096;

    private Regex? _regex;
    private bool _promoted;
    private int _uses;

    private RuleRegex(string pattern)
    {
        Text = pattern;
        Linear = HasNestedRepetition(pattern);
    }

    /// <summary>The pattern as written in the rule file.</summary>
    public string Text { get; }

    /// <summary>Whether the pattern runs on the linear-time engine (it has nested repetition).</summary>
    public bool Linear { get; }

    public Regex Value
    {
        get
        {
            var regex = Volatile.Read(ref _regex);
            if (regex == null)
            {
                regex = (Linear ? TryBuildLinear() : null) ?? new Regex(Text, Options, MatchTimeout);
                regex = Interlocked.CompareExchange(ref _regex, regex, null) ?? regex;
            }

            if (!Linear && !Volatile.Read(ref _promoted) && Interlocked.Increment(ref _uses) == PromotionUses)
            {
                if (TryBuildLinear() is { } linear)
                {
                    Volatile.Write(ref _regex, linear);
                }

                Volatile.Write(ref _promoted, true);
            }

            return regex;
        }
    }

    /// <summary>
    /// The linear-time automaton, or null when the engine refuses the pattern as too large: such a pattern stays on the
    /// interpreter, whose match timeout still bounds it (a rule that times out is reported, never hangs the scan).
    /// </summary>
    private Regex? TryBuildLinear()
    {
        try
        {
            return new Regex(Text, Options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    public override string ToString() => Text;

    /// <summary>Checks the pattern without building its automaton; returns the problem, or null when it is usable.</summary>
    public static RuleRegex Parse(string pattern, out string? problem)
    {
        problem = Problem(pattern);
        return new RuleRegex(pattern);
    }

    /// <summary>A pattern known to be valid (from an embedded, tested pack): checked only when first built.</summary>
    public static RuleRegex Unchecked(string pattern) => new(pattern);

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

    /// <summary>
    /// Whether a group that repeats more than once (<c>*</c>, <c>+</c>, <c>{n,}</c>, <c>{n,m}</c> with m &gt; 1) holds a
    /// quantifier or an alternation: the only shape whose backtracking can grow exponentially.
    /// </summary>
    public static bool HasNestedRepetition(string p)
    {
        var open = new Stack<(int Start, bool Risky)>();
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        i++;
                    }

                    break;
                case '(':
                    open.Push((i, false));
                    break;
                case ')' when open.Count > 0:
                    var (_, risky) = open.Pop();
                    int next = i + 1;
                    if (risky && RepeatsMoreThanOnce(p, next))
                    {
                        return true;
                    }

                    // A group holding repetition makes its enclosing group risky too.
                    if (open.Count > 0 && (risky || IsQuantifierAt(p, next)))
                    {
                        open.Push((open.Pop().Start, true));
                    }

                    break;
                case '|' or '*' or '+' or '{' when open.Count > 0:
                    open.Push((open.Pop().Start, true));
                    break;
            }
        }

        return false;
    }

    private static bool IsQuantifierAt(string p, int i) => i < p.Length && (p[i] is '*' or '+' or '?' || (p[i] == '{' && char.IsAsciiDigit(p.ElementAtOrDefault(i + 1))));

    private static bool RepeatsMoreThanOnce(string p, int i)
    {
        if (i >= p.Length)
        {
            return false;
        }

        if (p[i] is '*' or '+')
        {
            return true;
        }

        if (p[i] != '{')
        {
            return false;
        }

        int close = p.IndexOf('}', i);
        if (close < 0)
        {
            return false;
        }

        string[] bounds = p[(i + 1)..close].Split(',');
        return bounds.Length == 2 && (bounds[1].Length == 0 || (int.TryParse(bounds[1], out int max) && max > 1))
            || (bounds.Length == 1 && int.TryParse(bounds[0], out int n) && n > 1);
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

    /// <summary>The texts of a rule's regexes, without building any that are not built yet.</summary>
    public static IReadOnlyList<string> TextsOf(IReadOnlyList<Regex> regexes) =>
        regexes is LazyRegexList lazy ? lazy.Texts : regexes.Select(r => r.ToString()).ToList();

    public IEnumerator<Regex> GetEnumerator() => items.Select(r => r.Value).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" | ", items.Select(r => r.Text));
}
