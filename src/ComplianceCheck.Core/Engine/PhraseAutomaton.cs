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
/// <para>
/// Rows are built when a scan first enters their state. The rule packs' table is ~19 MB (6,500 states × 730 classes) and
/// writing it whole was most of the engine's construction, ~25 ms of a one-draft check that visits a few hundred states.
/// An entry whose target row is not built yet holds the target's number complemented (negative): as an unsigned number it
/// is above every row offset, so the scan's one compare for "a hit here" also catches it, builds the row and patches
/// the entry. Rows are built under a lock and published before any entry points at them; a scan on another thread sees
/// either the old negative entry (and takes the slow path) or a finished row.
/// </para>
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

    // What building a row needs, by state number: its failure state, and its trie children (classes and targets, CSR).
    private readonly int[] _fail;
    private readonly int[] _childStart;
    private readonly int[] _childClass;
    private readonly int[] _childTarget;
    private readonly bool[] _built;
    private readonly Lock _building = new();

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

        // Trie: one edge table keyed by (state, class), and each state's children chained in the order they were added (one
        // table rather than a dictionary per state: the packs' trie has ~6,500 states).
        var edges = new Dictionary<long, int>();
        var trie = new TrieLinks();
        var terminal = new List<List<int>?> { null };
        for (int id = 0; id < patterns.Count; id++)
        {
            int state = 0;
            foreach (char c in patterns[id])
            {
                int cls = _classOf[c];
                if (!edges.TryGetValue(Edge(state, cls), out int child))
                {
                    child = trie.Add(state, cls);
                    terminal.Add(null);
                    edges.Add(Edge(state, cls), child);
                }

                state = child;
            }

            if (patterns[id].Length > 0)
            {
                (terminal[state] ??= []).Add(id);
            }
        }

        int stateCount = terminal.Count;
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

            for (int child = trie.FirstChild[state]; child >= 0; child = trie.NextSibling[child])
            {
                int cls = trie.ClassOf[child];
                int f = state == 0 ? -1 : fail[state];
                while (f > 0 && !edges.ContainsKey(Edge(f, cls)))
                {
                    f = fail[f];
                }

                fail[child] = f < 0 ? 0 : edges.TryGetValue(Edge(f, cls), out int target) ? target : 0;
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

        _fail = new int[stateCount];
        _childStart = new int[stateCount + 1];
        var byNewId = new int[stateCount];
        foreach (int s in order)
        {
            byNewId[newId[s]] = s;
        }

        for (int n = 0; n < stateCount; n++)
        {
            _fail[n] = newId[fail[byNewId[n]]];
            _childStart[n + 1] = _childStart[n] + trie.ChildCount(byNewId[n]);
        }

        _childClass = new int[_childStart[stateCount]];
        _childTarget = new int[_childStart[stateCount]];
        for (int n = 0; n < stateCount; n++)
        {
            int k = _childStart[n];
            for (int child = trie.FirstChild[byNewId[n]]; child >= 0; child = trie.NextSibling[child])
            {
                _childClass[k] = trie.ClassOf[child];
                _childTarget[k++] = newId[child];
            }
        }

        // Rows are written only when built (a row starts as a copy of its failure state's row, which is shallower and so
        // built first), so the table is left uninitialised: pages no scan reaches are never touched.
        _delta = GC.AllocateUninitializedArray<int>(checked(stateCount * alphabet));
        _built = new bool[stateCount];
        Array.Clear(_delta, 0, alphabet);
        for (int k = _childStart[0]; k < _childStart[1]; k++)
        {
            _delta[_childClass[k]] = ~_childTarget[k];
        }

        _built[0] = true;
    }

    public int StateCount { get; }

    /// <summary>Distinct pattern characters plus one class for every other character.</summary>
    public int AlphabetSize => _alphabetSize;

    public int PatternCount => _patternLengths.Length;

    public int PatternLength(int patternId) => _patternLengths[patternId];

    /// <summary>Appends every occurrence of every pattern (overlaps included) to <paramref name="hits"/>, in order of end.</summary>
    public void FindAll(ReadOnlySpan<char> text, List<LiteralHit> hits)
    {
        var sink = new HitList(_outputs, hits);
        Scan(text, ref sink);
    }

    /// <summary>Counts occurrences without recording them (for benchmarks and quick checks).</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        var sink = new HitCount();
        Scan(text, ref sink);
        return sink.Count;
    }

    /// <summary>
    /// The scan loop, specialised per sink (a struct type argument, so the sink's call is inlined and the loop stays as tight
    /// as if written out for each caller).
    /// </summary>
    private void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IHitSink
    {
        // Every index is in range by construction (a char indexes the 65,536-entry class table; a row offset plus a
        // class stays inside the table), so the loop reads through refs without bounds checks.
        ref int delta = ref MemoryMarshal.GetArrayDataReference(_delta);
        ref ushort classOf = ref MemoryMarshal.GetArrayDataReference(_classOf);
        ref char c = ref MemoryMarshal.GetReference(text);
        uint firstOutput = (uint)_firstOutputRow;
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int at = state + Unsafe.Add(ref classOf, Unsafe.Add(ref c, i));
            state = Unsafe.Add(ref delta, at);
            if ((uint)state >= firstOutput)
            {
                if (state < 0)
                {
                    state = Enter(at, ~state);
                    if ((uint)state < firstOutput)
                    {
                        continue;
                    }
                }

                int o = (state - _firstOutputRow) / _alphabetSize;
                sink.Add(_outputStart[o], _outputStart[o + 1], i + 1);
            }
        }
    }

    /// <summary>The row offset of <paramref name="target"/>, its row built if need be; the entry at <paramref name="at"/> now holds it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Enter(int at, int target)
    {
        if (!Volatile.Read(ref _built[target]))
        {
            lock (_building)
            {
                Build(target);
            }
        }

        int row = target * _alphabetSize;
        Volatile.Write(ref _delta[at], row);
        return row;
    }

    /// <summary>Builds a state's row (and first its failure state's, and so on up); called under the lock.</summary>
    private void Build(int state)
    {
        if (_built[state])
        {
            return;
        }

        int fail = _fail[state];
        Build(fail);
        int row = state * _alphabetSize;
        Array.Copy(_delta, fail * _alphabetSize, _delta, row, _alphabetSize);
        for (int k = _childStart[state]; k < _childStart[state + 1]; k++)
        {
            int child = _childTarget[k];
            _delta[row + _childClass[k]] = _built[child] ? child * _alphabetSize : ~child;
        }

        Volatile.Write(ref _built[state], true);
    }

    /// <summary>Receives the patterns of one output state: <c>outputs[from..to)</c>, ending at <paramref name="end"/>.</summary>
    private interface IHitSink
    {
        void Add(int from, int to, int end);
    }

    private readonly struct HitList(int[] outputs, List<LiteralHit> hits) : IHitSink
    {
        public void Add(int from, int to, int end)
        {
            for (int k = from; k < to; k++)
            {
                hits.Add(new LiteralHit(outputs[k], end));
            }
        }
    }

    private struct HitCount : IHitSink
    {
        public int Count { get; private set; }

        public void Add(int from, int to, int end) => Count += to - from;
    }

    private static long Edge(int state, int cls) => ((long)state << 16) | (uint)cls;

    /// <summary>The trie's shape while it is built: each state's class (the edge into it) and its children, first to last.</summary>
    private sealed class TrieLinks
    {
        public List<int> FirstChild { get; } = [-1];

        public List<int> NextSibling { get; } = [-1];

        public List<int> ClassOf { get; } = [0];

        private readonly List<int> _lastChild = [-1];

        /// <summary>Adds a child of <paramref name="parent"/> reached by <paramref name="cls"/>; returns its number.</summary>
        public int Add(int parent, int cls)
        {
            int child = FirstChild.Count;
            FirstChild.Add(-1);
            NextSibling.Add(-1);
            ClassOf.Add(cls);
            _lastChild.Add(-1);
            if (_lastChild[parent] < 0)
            {
                FirstChild[parent] = child;
            }
            else
            {
                NextSibling[_lastChild[parent]] = child;
            }

            _lastChild[parent] = child;
            return child;
        }

        public int ChildCount(int state)
        {
            int count = 0;
            for (int child = FirstChild[state]; child >= 0; child = NextSibling[child])
            {
                count++;
            }

            return count;
        }
    }
}
