using System.Text.RegularExpressions;

namespace ComplianceCheck.Benchmarks.Baselines;

/// <summary>
/// The regex baseline: one <see cref="RegexOptions.NonBacktracking"/> alternation of every phrase (longest first),
/// enumerated without allocating match objects. It reports leftmost non-overlapping matches only, so it does less
/// work than the automaton, which reports every overlapping occurrence.
/// </summary>
public sealed class RegexAlternationMatcher
{
    private readonly Regex _regex;

    public RegexAlternationMatcher(IReadOnlyList<string> phrases)
    {
        // A 2,000-phrase alternation needs more than the default limit of 10,000 automaton nodes.
        AppContext.SetData("REGEX_NONBACKTRACKING_MAX_AUTOMATA_SIZE", 1_000_000);
        _regex = new Regex(
            string.Join('|', phrases.Where(p => p.Length > 0).OrderByDescending(p => p.Length).Select(Regex.Escape)),
            RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    public int FindAll(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (var match in _regex.EnumerateMatches(text))
        {
            count += match.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
