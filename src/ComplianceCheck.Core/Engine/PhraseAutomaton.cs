using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ComplianceCheck.Core.Engine;

/// <summary>A literal found by the automaton: which pattern, and the exclusive end index in the scanned text.</summary>
public readonly record struct LiteralHit(int PatternId, int End);

/// <summary>
/// Aho-Corasick over a compact alphabet: every character that occurs in some pattern gets a class id, all others
/// share class 0, which always leads back to the root. Transitions form a dense table (a full DFA), so the scan is
/// one table lookup per character with no branching on failure links and no allocation per match.
/// </summary>
/// <remarks>
/// Layout, for speed: entries hold the target's row offset (state × alphabet) rather than its number, so the next
/// state is <c>delta[state + class[c]]</c> — one add and one load on the loop-carried path, no multiply; the class
/// lookup depends only on the text and runs ahead. States that report a pattern are numbered last, so "is there a
/// hit here" is one compare against <see cref="_firstOutputRow"/>.
/// </remarks>
public sealed class PhraseAutomaton
{
    private readonly ushort[] _classOf;
    private readonly int[] _delta;
    private readonly int _alphabetSize;
    private readonly int _firstOutputRow;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly int[] _patternLengths;

    public PhraseAutomaton(IReadOnlyList<string> patterns)
    {
        _patternLengths = patterns.Select(p => p.Length).ToArray();
        _classOf = new ushort[char.MaxValue + 1];
        int next = 1;
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

                    _classOf[c] = (ushort)next++;
                }
            }
        }

        int alphabet = next;
        _alphabetSize = alphabet;

        // Trie with sparse children.
        var children = new List<Dictionary<int, int>> { new() };
        var terminal = new List<List<int>?> { null };
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
                    terminal.Add(null);
                    children[state][cls] = child;
                }

                state = child;
            }

            if (patterns[id].Length > 0)
            {
                (terminal[state] ??= []).Add(id);
            }
        }

        int stateCount = children.Count;
        StateCount = stateCount;

        // Breadth-first over the trie: failure links (walking the sparse trie) and output lists.
        var fail = new int[stateCount];
        var outputs = new List<int>?[stateCount];
        var order = new int[stateCount];
        int head = 0, tail = 0;
        order[tail++] = 0;
        while (head < tail)
        {
            int state = order[head++];
            if (state != 0)
            {
                var inherited = outputs[fail[state]];
                outputs[state] = inherited == null ? terminal[state] : terminal[state] is { } own ? [.. own, .. inherited] : inherited;
            }

            foreach (var (cls, child) in children[state])
            {
                int f = state == 0 ? -1 : fail[state];
                while (f > 0 && !children[f].ContainsKey(cls))
                {
                    f = fail[f];
                }

                fail[child] = f < 0 ? 0 : children[f].TryGetValue(cls, out int target) ? target : 0;
                order[tail++] = child;
            }
        }

        // Number the states: without output first (the root stays 0), then with output; breadth-first within each
        // group, so the shallow, hot states sit together.
        var newId = new int[stateCount];
        int nextId = 0;
        foreach (int s in order)
        {
            if (outputs[s] == null)
            {
                newId[s] = nextId++;
            }
        }

        int firstOutput = nextId;
        foreach (int s in order)
        {
            if (outputs[s] != null)
            {
                newId[s] = nextId++;
            }
        }

        _firstOutputRow = firstOutput * alphabet;
        _outputStart = new int[stateCount - firstOutput + 1];
        var flat = new List<int>();
        foreach (int s in order)
        {
            if (outputs[s] is { } outs)
            {
                _outputStart[newId[s] - firstOutput] = flat.Count;
                flat.AddRange(outs);
            }
        }

        // Output states were numbered in breadth-first order, the same order as appended: starts are ascending.
        _outputStart[^1] = flat.Count;
        _outputs = [.. flat];

        // The dense table, row by row in breadth-first order: a row starts as a copy of its failure state's row
        // (already filled: a failure state is shallower), then the state's own children overwrite their entries.
        // Every row but the root's is written whole below, so only the root's is cleared: zeroing 16 MB first cost start-up.
        _delta = GC.AllocateUninitializedArray<int>(checked(stateCount * alphabet));
        Array.Clear(_delta, 0, alphabet);
        foreach (int s in order)
        {
            int row = newId[s] * alphabet;
            if (s != 0)
            {
                Array.Copy(_delta, newId[fail[s]] * alphabet, _delta, row, alphabet);
            }

            foreach (var (cls, child) in children[s])
            {
                _delta[row + cls] = newId[child] * alphabet;
            }
        }
    }

    public int StateCount { get; }

    /// <summary>Distinct pattern characters plus one class for every other character.</summary>
    public int AlphabetSize => _alphabetSize;

    public int PatternCount => _patternLengths.Length;

    public int PatternLength(int patternId) => _patternLengths[patternId];

    /// <summary>Appends every occurrence of every pattern (overlaps included) to <paramref name="hits"/>, in order of end.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<LiteralHit> hits)
    {
        // Every index is in range by construction (a char indexes the 65,536-entry class table; a row offset plus a
        // class stays inside the table), so the loop reads through refs without bounds checks.
        ref int delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref ushort classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref char c = ref MemoryMarshal.GetReference(text);
        int firstOutput = _firstOutputRow;
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = Unsafe.Add(ref delta, state + Unsafe.Add(ref classOf, Unsafe.Add(ref c, i)));
            if (state >= firstOutput)
            {
                int o = (state - firstOutput) / _alphabetSize;
                int end = _outputStart[o + 1];
                for (int k = _outputStart[o]; k < end; k++)
                {
                    hits.Add(new LiteralHit(_outputs[k], i + 1));
                }
            }
        }
    }

    /// <summary>Counts occurrences without recording them (for benchmarks and quick checks).</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        ref int delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref ushort classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref char c = ref MemoryMarshal.GetReference(text);
        int firstOutput = _firstOutputRow;
        int state = 0;
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = Unsafe.Add(ref delta, state + Unsafe.Add(ref classOf, Unsafe.Add(ref c, i)));
            if (state >= firstOutput)
            {
                int o = (state - firstOutput) / _alphabetSize;
                count += _outputStart[o + 1] - _outputStart[o];
            }
        }

        return count;
    }
}
