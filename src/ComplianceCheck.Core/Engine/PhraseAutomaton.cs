namespace ComplianceCheck.Core.Engine;

/// <summary>A literal found by the automaton: which pattern, and the exclusive end index in the scanned text.</summary>
public readonly record struct LiteralHit(int PatternId, int End);

/// <summary>
/// Aho-Corasick over a compact alphabet: every character that occurs in some pattern gets a class id, all others
/// share class 0, which always leads back to the root. Transitions form a dense table (a full DFA), so the scan is
/// one table lookup per character with no branching on failure links and no allocation per match.
/// </summary>
public sealed class PhraseAutomaton
{
    private readonly ushort[] _classOf;
    private readonly int _alphabetSize;
    private readonly int[] _delta;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly int[] _patternLengths;

    public PhraseAutomaton(IReadOnlyList<string> patterns)
    {
        _patternLengths = patterns.Select(p => p.Length).ToArray();
        _classOf = new ushort[char.MaxValue + 1];
        ushort next = 1;
        foreach (string p in patterns)
        {
            foreach (char c in p)
            {
                if (_classOf[c] == 0)
                {
                    if (next == ushort.MaxValue)
                    {
                        throw new InvalidOperationException("too many distinct characters in phrase patterns");
                    }

                    _classOf[c] = next++;
                }
            }
        }

        _alphabetSize = next;

        // Trie with sparse children first; then breadth-first fill of the dense table with failure transitions.
        var children = new List<Dictionary<int, int>> { new() };
        var terminal = new List<List<int>> { new() };
        for (int id = 0; id < patterns.Count; id++)
        {
            int state = 0;
            foreach (char c in patterns[id])
            {
                int cls = _classOf[c];
                if (!children[state].TryGetValue(cls, out int child))
                {
                    child = children.Count;
                    children.Add([]);
                    terminal.Add([]);
                    children[state][cls] = child;
                }

                state = child;
            }

            if (patterns[id].Length > 0)
            {
                terminal[state].Add(id);
            }
        }

        int stateCount = children.Count;
        StateCount = stateCount;
        _delta = new int[checked(stateCount * _alphabetSize)];
        var fail = new int[stateCount];
        var outputLists = new List<int>[stateCount];
        var queue = new Queue<int>();
        outputLists[0] = [];
        foreach (var (cls, child) in children[0])
        {
            _delta[cls] = child;
            fail[child] = 0;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            var outs = new List<int>(terminal[state]);
            outs.AddRange(outputLists[fail[state]]);
            outputLists[state] = outs;
            int row = state * _alphabetSize;
            int failRow = fail[state] * _alphabetSize;
            for (int cls = 1; cls < _alphabetSize; cls++)
            {
                if (children[state].TryGetValue(cls, out int child))
                {
                    _delta[row + cls] = child;
                    fail[child] = _delta[failRow + cls];
                    queue.Enqueue(child);
                }
                else
                {
                    _delta[row + cls] = _delta[failRow + cls];
                }
            }
        }

        _outputStart = new int[stateCount + 1];
        var flat = new List<int>();
        for (int s = 0; s < stateCount; s++)
        {
            _outputStart[s] = flat.Count;
            flat.AddRange(outputLists[s] ?? []);
        }

        _outputStart[stateCount] = flat.Count;
        _outputs = [.. flat];
    }

    public int StateCount { get; }

    public int PatternCount => _patternLengths.Length;

    public int PatternLength(int patternId) => _patternLengths[patternId];

    /// <summary>Appends every occurrence of every pattern (overlaps included) to <paramref name="hits"/>.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<LiteralHit> hits)
    {
        var classOf = _classOf;
        var delta = _delta;
        var outputStart = _outputStart;
        int alphabet = _alphabetSize;
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = delta[(state * alphabet) + classOf[text[i]]];
            int from = outputStart[state];
            int to = outputStart[state + 1];
            for (int k = from; k < to; k++)
            {
                hits.Add(new LiteralHit(_outputs[k], i + 1));
            }
        }
    }

    /// <summary>Counts occurrences without recording them (for benchmarks and quick checks).</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var classOf = _classOf;
        var delta = _delta;
        var outputStart = _outputStart;
        int alphabet = _alphabetSize;
        int state = 0;
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = delta[(state * alphabet) + classOf[text[i]]];
            count += outputStart[state + 1] - outputStart[state];
        }

        return count;
    }
}
