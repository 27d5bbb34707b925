using System.Numerics;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Which pairs of neighbouring characters a text holds, kept as a Bloom filter: a literal with a pair the text lacks
/// is not in the text. Regex gates ask, for every rule, whether one of a few dozen literals occurs in a block; asked by
/// searching, the engine benchmark's drafts were read about 130 times over (6.3 million searches on 10 MB,
/// 2026-11-25). Most literals are absent, and a few bit tests say so.
/// </summary>
/// <remarks>
/// Sized at 8 bits per character, so at most one bit in eight is set: an absent two-character literal passes one time
/// in eight or less, a longer one far more rarely, and what passes is then searched for as before. A pair of a
/// literal is never missing from a text that holds the literal, so the filter only saves work.
/// </remarks>
internal sealed class PairFilter
{
    private const int MinBits = 512;

    private readonly ulong[] _bits;
    private readonly int _shift;

    public PairFilter(ReadOnlySpan<char> text)
    {
        int bits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinBits, text.Length * 8));
        _bits = new ulong[bits / 64];
        _shift = 32 - BitOperations.Log2((uint)bits);
        for (int i = 1; i < text.Length; i++)
        {
            int slot = Slot(text[i - 1], text[i]);
            _bits[slot >> 6] |= 1UL << slot;
        }
    }

    /// <summary>False when <paramref name="literal"/> cannot occur in the text; true when it may (always for one character).</summary>
    public bool MayHold(string literal)
    {
        for (int i = 1; i < literal.Length; i++)
        {
            int slot = Slot(literal[i - 1], literal[i]);
            if ((_bits[slot >> 6] & (1UL << slot)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // Fibonacci hashing of the pair: the multiply spreads neighbouring code points (a run of CJK ideographs, ASCII
    // letters) over the whole table, and the top bits are the best mixed.
    private int Slot(char first, char second) => (int)((((uint)first << 16) | second) * 0x9E3779B1u >> _shift);
}
