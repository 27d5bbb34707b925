using System.Text;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The standard risk statements the rule packs require (理财有风险，投资须谨慎; capital at risk; past performance is no guarantee),
/// found in a sentence so they can be set aside. Such a statement is printed under a claim, not said against it: 年化3.8%到手
/// （理财有风险，投资需谨慎） still promises 3.8 %, though its words of risk read as a warning.
/// </summary>
public sealed class RiskStatements
{
    private readonly Regex[] _patterns;
    private readonly string[] _statements;

    public RiskStatements(RuleSet? rules)
    {
        var required = rules?.Rules.OfType<RequiredRule>().Where(r => r.Category == "disclaimer").ToList() ?? [];
        _patterns = [.. required.SelectMany(r => r.RequirePatterns)];
        _statements = [.. required.SelectMany(r => r.Require).Select(LooseText.Of).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The folded text with every standard risk statement in it blanked out (each of its characters a space), so offsets stay valid;
    /// the text itself where it holds none.
    /// </summary>
    public string Without(string folded)
    {
        if (_patterns.Length == 0 && _statements.Length == 0)
        {
            return folded;
        }

        var offsets = new List<int>();
        string loose = LooseText.Of(folded, offsets);
        StringBuilder? blanked = null;
        foreach (string statement in _statements)
        {
            for (int at = loose.IndexOf(statement, StringComparison.Ordinal); at >= 0; at = loose.IndexOf(statement, at + statement.Length, StringComparison.Ordinal))
            {
                Blank(ref blanked, folded, offsets[at], offsets[at + statement.Length - 1] + 1);
            }
        }

        foreach (var pattern in _patterns)
        {
            for (var match = pattern.Match(loose); match.Success; match = match.NextMatch())
            {
                if (match.Length > 0)
                {
                    Blank(ref blanked, folded, offsets[match.Index], offsets[match.Index + match.Length - 1] + 1);
                }
            }
        }

        return blanked?.ToString() ?? folded;
    }

    private static void Blank(ref StringBuilder? blanked, string folded, int start, int end)
    {
        blanked ??= new StringBuilder(folded);
        for (int i = start; i < end; i++)
        {
            blanked[i] = ' ';
        }
    }
}
