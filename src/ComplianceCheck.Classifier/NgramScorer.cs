using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Adds a sentence's n-gram features to the labels' scores without building them as strings: the same features and values
/// as <see cref="NgramFeatures.Extract"/> (which training uses), computed over one normalised buffer. Each n-gram is known by
/// a 64-bit hash grown one character at a time (so all n-grams starting at a position cost one pass), counted in a small
/// per-thread table and looked up once in a hash table of the vocabulary. <c>check</c> spends most of a model run here, so
/// nothing is allocated per sentence. Two different n-grams sharing a 64-bit hash would be merged; the vocabulary is checked
/// for that at load, and a test compares every corpus sentence with the string-feature path.
/// </summary>
internal sealed class NgramScorer
{
    // Each group hashes from its own seed, so "c:稳赚" and "l:稳赚" are different keys, as in the string features.
    private const ulong ChineseSeed = 0xcbf29ce484222325;
    private const ulong LatinSeed = 0x84222325cbf29ce4;

    // An entry packs the n-gram's hash above IdBits and its feature id below, so a lookup touches one 8-byte slot; the top
    // 40 bits of the hash plus the slot position identify an n-gram (a false match costs ~1e-12 per lookup).
    private const int IdBits = 24;
    private const ulong IdMask = (1UL << IdBits) - 1;

    private readonly ulong[] _entries;
    private readonly int _mask;
    private readonly FeatureSpec _spec;
    private readonly float[] _weights;
    private readonly int _labels;

    public NgramScorer(FeatureSpec spec, Dictionary<string, int> features, float[] weights, int labels)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(features.Count * 2, 16));
        if (features.Count > (int)IdMask)
        {
            throw new InvalidDataException($"the model has {features.Count} features; at most {IdMask} are supported");
        }

        _entries = new ulong[capacity];
        _mask = capacity - 1;
        foreach (var (key, id) in features)
        {
            ulong? seed = key.StartsWith("c:", StringComparison.Ordinal) ? ChineseSeed : key.StartsWith("l:", StringComparison.Ordinal) ? LatinSeed : null;
            if (seed is { } s && !TryAdd(Hash(key.AsSpan(2), s), id))
            {
                throw new InvalidDataException($"two n-grams of the model share a hash ('{key}'); retrain with another feature setting");
            }
        }

        _spec = spec;
        _weights = weights;
        _labels = labels;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Adds the weighted features of <paramref name="sentence"/> (raw text; normalised here) to <paramref name="scores"/>.</summary>
    public void AddFeatures(ReadOnlySpan<char> sentence, Span<double> scores)
    {
        var scratch = t_scratch ??= new Scratch();
        var marked = scratch.Mark(sentence);
        if (marked.Length <= 2)
        {
            return;
        }

        AddGroup(scratch, marked, ChineseSeed, _spec.CharNgramLength, 1, scores);
        if (_spec.LatinCharNgramLength > 0 && !ModelText.HasIdeographs(marked))
        {
            AddGroup(scratch, marked, LatinSeed, _spec.LatinCharNgramLength, _spec.LatinWeight, scores);
        }
    }

    private void AddGroup(Scratch scratch, ReadOnlySpan<char> marked, ulong seed, int maxLength, float weight, Span<double> scores)
    {
        if (maxLength <= 0)
        {
            return;
        }

        var grams = scratch.Count(marked, maxLength, seed);
        double sumOfSquares = 0;
        foreach (var gram in grams)
        {
            sumOfSquares += (double)gram.Count * gram.Count;
        }

        double norm = (_spec.Normalize ? Math.Sqrt(sumOfSquares) : 1) / weight;

        // The vocabulary and its weights are larger than a core's L2 cache and each n-gram lands at a random place in them,
        // so lookups wait on memory: every slot is requested a few n-grams ahead, and every weight row before the first is
        // read, so the loads overlap instead of queueing one after another.
        var features = scratch.Features(grams.Length);
        for (int k = 0; k < grams.Length; k++)
        {
            if (k + PrefetchDistance < grams.Length)
            {
                Prefetch(_entries, (int)grams[k + PrefetchDistance].Key & _mask);
            }

            int feature = Find(grams[k].Key);
            features[k] = feature;
            if (feature >= 0)
            {
                Prefetch(_weights, feature * _labels);
            }
        }

        for (int k = 0; k < grams.Length; k++)
        {
            int feature = features[k];
            if (feature >= 0)
            {
                // The same float arithmetic as the reference path (a float value times a float weight), so scores agree to rounding.
                float value = (float)(grams[k].Count / norm);
                int row = feature * _labels;
                for (int i = 0; i < _labels; i++)
                {
                    scores[i] += _weights[row + i] * value;
                }
            }
        }

        scratch.Reset();
    }

    private const int PrefetchDistance = 8;

    // Two plain overloads rather than one generic helper: ReadyToRun left the generic one out of the precompiled image, so every
    // call went through a stub to quick-jitted code. Through a ref rather than `fixed`, which would keep them from being
    // inlined; a prefetch of an address the GC has since moved is only a wasted hint.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ulong[] array, int index)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(float[] array, int index)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index)));
        }
    }

    private int Find(ulong key)
    {
        ulong tag = key & ~IdMask;
        int slot = (int)key & _mask;
        while (true)
        {
            ulong entry = _entries[slot];
            if ((entry & ~IdMask) == tag)
            {
                return (int)(entry & IdMask);
            }

            if (entry == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private bool TryAdd(ulong key, int id)
    {
        ulong tag = key & ~IdMask;
        int slot = (int)key & _mask;
        while (_entries[slot] != 0)
        {
            if ((_entries[slot] & ~IdMask) == tag)
            {
                return false;
            }

            slot = (slot + 1) & _mask;
        }

        _entries[slot] = tag | (uint)id;
        return true;
    }

    private static ulong Hash(ReadOnlySpan<char> gram, ulong seed)
    {
        ulong h = seed;
        foreach (char c in gram)
        {
            h = Step(h, c);
        }

        return Finish(h);
    }

    // FNV-1a over UTF-16 code units, then a 64-bit finaliser (murmur3's fmix64) so the low bits index the tables well.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, char c) => (h ^ c) * 0x100000001b3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        h ^= h >> 33;
        return (h & ~IdMask) == 0 ? h | (1UL << 63) : h; // a zero tag marks an empty slot
    }

    private record struct Gram(ulong Key, int Slot, int Count);

    /// <summary>Per-thread buffers: the marked sentence and the n-gram table, reused from sentence to sentence.</summary>
    private sealed class Scratch
    {
        private char[] _text = new char[256];
        private Gram[] _grams = new Gram[1024];
        private int[] _slots = new int[2048];
        private int[] _features = new int[1024];
        private int _gramCount;

        /// <summary>"\u0002" + the normalised sentence + "\u0003", as <see cref="NgramFeatures"/> marks it.</summary>
        public ReadOnlySpan<char> Mark(ReadOnlySpan<char> sentence)
        {
            if (_text.Length < sentence.Length + 2)
            {
                _text = new char[Math.Max(sentence.Length + 2, _text.Length * 2)];
            }

            int length = ModelText.Normalize(sentence, _text.AsSpan(1));
            _text[0] = '\u0002';
            _text[length + 1] = '\u0003';
            return _text.AsSpan(0, length + 2);
        }

        /// <summary>Every distinct n-gram of length 1..maxLength (single characters exclude the two marks) with its count.</summary>
        public ReadOnlySpan<Gram> Count(ReadOnlySpan<char> marked, int maxLength, ulong seed)
        {
            int most = marked.Length * maxLength;
            if (_slots.Length < most * 2)
            {
                // Slots hold gram index + 1 and are all zero between sentences (Reset); twice the n-grams keeps probes short.
                _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)most * 2)];
                _grams = new Gram[_slots.Length / 2];
            }

            var slots = _slots;

            // Sized by this sentence, not by the longest one seen: a short sentence keeps its probes within a few cache lines.
            int mask = Math.Min(slots.Length, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(most * 2, 64))) - 1;
            int last = marked.Length - 1;
            for (int i = 0; i <= last; i++)
            {
                ulong h = seed;
                int longest = Math.Min(maxLength, marked.Length - i);
                for (int n = 1; n <= longest; n++)
                {
                    h = Step(h, marked[i + n - 1]);
                    if (n == 1 && (i == 0 || i == last))
                    {
                        continue;
                    }

                    ulong key = Finish(h);
                    int slot = (int)key & mask;
                    while (true)
                    {
                        int index = slots[slot] - 1;
                        if (index < 0)
                        {
                            _grams[_gramCount] = new Gram(key, slot, 1);
                            slots[slot] = ++_gramCount;
                            break;
                        }

                        ref var existing = ref _grams[index];
                        if (existing.Key == key)
                        {
                            existing.Count++;
                            break;
                        }

                        slot = (slot + 1) & mask;
                    }
                }
            }

            return _grams.AsSpan(0, _gramCount);
        }

        /// <summary>A buffer for the feature id of each of <paramref name="count"/> n-grams.</summary>
        public Span<int> Features(int count)
        {
            if (_features.Length < count)
            {
                _features = new int[_grams.Length];
            }

            return _features.AsSpan(0, count);
        }

        /// <summary>Empties the table by clearing only the slots this sentence used.</summary>
        public void Reset()
        {
            foreach (var gram in _grams.AsSpan(0, _gramCount))
            {
                _slots[gram.Slot] = 0;
            }

            _gramCount = 0;
        }
    }
}
