using System.Buffers;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Benchmarks.Baselines;

/// <summary>
/// The BCL baseline: <see cref="SearchValues{T}"/> of strings finds the next position where some phrase starts; the
/// phrases starting with that character are then checked there, so every occurrence (overlaps included) is found,
/// as the automaton does.
/// </summary>
public sealed class SearchValuesMatcher
{
    private readonly SearchValues<string> _values;
    private readonly Dictionary<char, (string Phrase, int Id)[]> _byFirst;

    public SearchValuesMatcher(IReadOnlyList<string> phrases)
    {
        _values = SearchValues.Create([.. phrases], StringComparison.Ordinal);
        _byFirst = phrases.Select((p, id) => (Phrase: p, Id: id))
            .Where(p => p.Phrase.Length > 0)
            .GroupBy(p => p.Phrase[0])
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    public void FindAll(ReadOnlySpan<char> text, List<LiteralHit> hits)
    {
        int position = 0;
        while (position < text.Length)
        {
            int found = text[position..].IndexOfAny(_values);
            if (found < 0)
            {
                return;
            }

            position += found;
            var rest = text[position..];
            foreach (var (phrase, id) in _byFirst[rest[0]])
            {
                if (rest.StartsWith(phrase, StringComparison.Ordinal))
                {
                    hits.Add(new LiteralHit(id, position + phrase.Length));
                }
            }

            position++;
        }
    }
}
