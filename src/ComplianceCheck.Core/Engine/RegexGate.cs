using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// A cheap, exact pre-check for a rule's regex, derived once from its pattern text: conditions every match must
/// meet, so a range that fails them cannot hold a match and the regex need not run there. Two conditions:
/// <list type="bullet">
/// <item>factors: in every match occurs one literal of each of a few sets (<c>(借钱|贷款).{0,6}(理财|炒股)</c> needs one of
/// 借钱/贷款 and one of 理财/炒股);</item>
/// <item>digits: every match holds at least <c>k</c> decimal digits within at most <c>n</c> characters (an 18-digit
/// identity number, an 11-digit mobile number), so a range whose digits never come that close together is out.</item>
/// </list>
/// The pattern is read by a small parser of the .NET syntax the rule format allows; anything it does not fully
/// understand yields no gate (the regex always runs), so the gate never changes a result, it only skips work.
/// Ranges are folded text (lower case): the literals are matched in folded form, and a range holding a character
/// that ignore-case matching could equate with an ASCII letter (ſ, K…) always passes a gate whose literals hold letters.
/// </summary>
internal sealed class RegexGate
{
    private const int MaxFactors = 64;
    private const int MaxClauses = 4;
    private const int Unbounded = int.MaxValue;

    private static readonly Lazy<SearchValues<char>> ExoticLetters = new(FindExoticLetters);
    /// <summary>Ranges that hold every non-ASCII decimal digit (few, so a text is cleared of them with vectorised searches).</summary>
    private static readonly (char Low, char High)[] NonAsciiDigitRanges = DigitRanges();

    private readonly Clause[] _clauses;
    private readonly Clause[][]? _branches;
    private readonly int _minDigits;
    private readonly int _maxLength;
    private readonly string[][] _clauseTexts;
    private readonly string[][][]? _branchTexts;

    private RegexGate(string[][] clauses, string[][][]? branches, int minDigits, int maxLength, bool monotone)
    {
        _clauseTexts = clauses;
        _branchTexts = branches;
        _clauses = clauses.Select(c => new Clause(c)).ToArray();
        _branches = branches?.Select(b => b.Select(c => new Clause(c)).ToArray()).ToArray();
        _minDigits = minDigits;
        _maxLength = maxLength;
        Monotone = monotone;
    }

    /// <summary>
    /// The pattern has no anchors or word boundaries, so a match inside part of a text is a match of the whole text:
    /// testing the whole is enough to know whether any part matches.
    /// </summary>
    public bool Monotone { get; }

    /// <summary>Whether the gate can rule anything out at all.</summary>
    public bool Filters => _clauses.Length > 0 || _branches != null || _minDigits >= 2;

    /// <summary>Whether the digit condition applies (then <see cref="MayMatch"/> wants the block's digit positions).</summary>
    public bool NeedsDigits => _minDigits >= 2;

    /// <summary>The gate of a rule regex, or null when the pattern is beyond the parser (the regex then always runs).</summary>
    public static RegexGate? For(Regex regex) => For(regex.ToString(), regex.Options);

    /// <summary>The gate of a rule regex given as its pattern text and options (the regex need not be built).</summary>
    public static RegexGate? For(string pattern, RegexOptions options)
    {
        const RegexOptions Understood = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
            | RegexOptions.ExplicitCapture | RegexOptions.Multiline | RegexOptions.Singleline;
        if ((options & ~Understood) != 0)
        {
            return null;
        }

        var parser = new Parser(pattern);
        var info = parser.Parse();
        if (info == null)
        {
            return null;
        }

        var clauses = Select(info.Clauses);
        var branches = info.Branches?.Select(Select).ToArray();
        if (branches != null && branches.Any(b => b.Length == 0))
        {
            branches = null;
        }

        return new RegexGate(clauses, branches, info.MinDigits, info.MaxLength, !info.HasAnchors);
    }

    /// <summary>
    /// The gate of every distinct regex of these rules (patterns, triggers, statement and exception patterns), worked out on
    /// both cores: the rule cache keeps them, as reading the packs' regexes costs ~0.5 ms each (up to 6 ms for a long one).
    /// Already worked out, in the form a cache entry hands them over (decoded on first use).
    /// </summary>
    public static Dictionary<string, Lazy<RegexGate?>> ForRules(IEnumerable<Rule> rules)
    {
        var texts = rules.SelectMany(PatternTextsOf).Distinct(StringComparer.Ordinal).ToArray();
        var gates = new RegexGate?[texts.Length];
        Parallel.For(0, texts.Length, i => gates[i] = For(texts[i], RuleRegex.Options));
        var byText = new Dictionary<string, Lazy<RegexGate?>>(texts.Length, StringComparer.Ordinal);
        for (int i = 0; i < texts.Length; i++)
        {
            byText[texts[i]] = new Lazy<RegexGate?>(gates[i]);
        }

        return byText;
    }

    /// <summary>Every regex text of a rule the engine runs behind a gate.</summary>
    public static IEnumerable<string> PatternTextsOf(Rule rule)
    {
        switch (rule)
        {
            case PatternRule p:
                yield return p.Expression.Text;
                break;
            case RequiredRule { TriggerExpression: { } trigger }:
                yield return trigger.Text;
                break;
        }

        if (rule is RequiredRule required)
        {
            foreach (string text in required.RequirePatternTexts)
            {
                yield return text;
            }
        }

        foreach (string text in LazyRegexList.TextsOf(rule.ExceptionPatterns))
        {
            yield return text;
        }
    }

    /// <summary>Writes what <see cref="ReadFrom"/> reads back: the literal sets and the digit condition.</summary>
    public void WriteTo(BinaryWriter writer)
    {
        WriteSets(writer, _clauseTexts);
        writer.Write(_branchTexts?.Length ?? -1);
        foreach (var branch in _branchTexts ?? [])
        {
            WriteSets(writer, branch);
        }

        writer.Write(_minDigits);
        writer.Write(_maxLength);
        writer.Write(Monotone);
    }

    public static RegexGate ReadFrom(BinaryReader reader)
    {
        var clauses = ReadSets(reader);
        int branchCount = reader.ReadInt32();
        string[][][]? branches = branchCount < 0 ? null : new string[branchCount][][];
        for (int i = 0; i < branchCount; i++)
        {
            branches![i] = ReadSets(reader);
        }

        return new RegexGate(clauses, branches, reader.ReadInt32(), reader.ReadInt32(), reader.ReadBoolean());
    }

    private static void WriteSets(BinaryWriter writer, string[][] sets)
    {
        writer.Write(sets.Length);
        foreach (var set in sets)
        {
            writer.Write(set.Length);
            foreach (string literal in set)
            {
                writer.Write(literal);
            }
        }
    }

    private static string[][] ReadSets(BinaryReader reader)
    {
        var sets = new string[Count(reader)][];
        for (int i = 0; i < sets.Length; i++)
        {
            sets[i] = new string[Count(reader)];
            for (int k = 0; k < sets[i].Length; k++)
            {
                sets[i][k] = reader.ReadString();
            }
        }

        return sets;
    }

    private static int Count(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        return count is >= 0 and <= 1 << 20 ? count : throw new InvalidDataException($"bad count {count}");
    }

    /// <summary>The most selective sets (see <see cref="Selectivity"/>), a few at most.</summary>
    private static string[][] Select(List<List<string>> clauses) =>
        clauses
            .Where(c => c.Count is > 0 and <= MaxFactors && c.All(f => f.Length > 0))
            .Select(c => c.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())
            .DistinctBy(c => string.Join('\u0001', c))
            .OrderByDescending(c => Selectivity(c))
            .ThenBy(c => c.Length)
            .Take(MaxClauses)
            .ToArray();

    /// <summary>
    /// How rarely a set of literals is expected to occur: by its shortest member, where an ASCII character (a digit,
    /// a letter, %) counts for less than a Chinese one, being far more common in any text.
    /// </summary>
    private static double Selectivity(IReadOnlyCollection<string> clause) => clause.Min(f => f.Sum(c => c < 128 ? 0.4 : 1.0));


    /// <summary>Whether a pattern may define a named group, (?&lt;name&gt;…) or (?'name'…) (an escaped look-alike only errs safe).</summary>
    public static bool MayHaveNamedGroups(string pattern)
    {
        for (int at = pattern.IndexOf("(?", StringComparison.Ordinal); at >= 0; at = pattern.IndexOf("(?", at + 2, StringComparison.Ordinal))
        {
            if (at + 3 < pattern.Length && pattern[at + 2] is '<' or '\'' && (char.IsLetter(pattern[at + 3]) || pattern[at + 3] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False only when no match can lie inside <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>).
    /// <paramref name="digits"/> are the ascending positions of the decimal digits of the whole text (needed when
    /// <see cref="NeedsDigits"/>); <paramref name="pairs"/>, when given, the character pairs of the whole text.
    /// </summary>
    public bool MayMatch(string text, int start, int end, IReadOnlyList<int>? digits, PairFilter? pairs = null)
    {
        var range = text.AsSpan(start, end - start);
        if (_branches != null)
        {
            bool any = false;
            foreach (var clauses in _branches)
            {
                if (HoldsAll(range, clauses, pairs))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }
        else if (!HoldsAll(range, _clauses, pairs))
        {
            return false;
        }

        if (_minDigits >= 2 && digits != null && !HasDigitCluster(digits, start, end))
        {
            return false;
        }

        return true;
    }

    /// <summary>Ascending positions of every decimal digit (any script, as <c>\d</c> matches) in a text.</summary>
    public static List<int> DigitPositions(string text)
    {
        var positions = new List<int>(16);
        var span = text.AsSpan();
        if (HasNonAsciiDigitRange(span))
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (char.IsDigit(span[i]))
                {
                    positions.Add(i);
                }
            }

            return positions;
        }

        // ASCII digits only: a plain loop (digits come in short runs all through financial copy, so one vectorised
        // search per digit would cost more than it saves).
        for (int i = 0; i < span.Length; i++)
        {
            if (char.IsAsciiDigit(span[i]))
            {
                positions.Add(i);
            }
        }

        return positions;
    }

    private static bool HasNonAsciiDigitRange(ReadOnlySpan<char> span)
    {
        foreach (var (low, high) in NonAsciiDigitRanges)
        {
            if (span.IndexOfAnyInRange(low, high) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static (char Low, char High)[] DigitRanges()
    {
        var ranges = new List<(char Low, char High)>();
        for (int c = 128; c <= char.MaxValue; c++)
        {
            if (!char.IsDigit((char)c))
            {
                continue;
            }

            if (ranges.Count > 0 && c - ranges[^1].High < 0x1000)
            {
                ranges[^1] = (ranges[^1].Low, (char)c);
            }
            else
            {
                ranges.Add(((char)c, (char)c));
            }
        }

        return [.. ranges];
    }

    private static bool HoldsAll(ReadOnlySpan<char> range, Clause[] clauses, PairFilter? pairs)
    {
        foreach (var clause in clauses)
        {
            if (!clause.HoldsIn(range, pairs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Literals of which one must occur in a range.</summary>
    private sealed class Clause(string[] factors)
    {
        // A range holding a character that ignore-case matching equates with an ASCII letter passes whatever it holds.
        private readonly bool _hasLetters = factors.Any(f => f.Any(char.IsAsciiLetter));

        // One vectorised search per literal: on sentence-sized ranges this beat SearchValues<string> built over the clause
        // (engine benchmark 26 -> 15 MB/s with it, measured 2026-11-23).
        public bool HoldsIn(ReadOnlySpan<char> range, PairFilter? pairs)
        {
            foreach (string factor in factors)
            {
                if ((pairs == null || pairs.MayHold(factor)) && range.Contains(factor, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return _hasLetters && range.ContainsAny(ExoticLetters.Value);
        }
    }

    private bool HasDigitCluster(IReadOnlyList<int> digits, int start, int end)
    {
        int k = _minDigits;
        int first = LowerBound(digits, start);
        for (int i = first; i + k - 1 < digits.Count && digits[i + k - 1] < end; i++)
        {
            if (_maxLength == Unbounded || digits[i + k - 1] - digits[i] < _maxLength)
            {
                return true;
            }
        }

        return false;
    }

    private static int LowerBound(IReadOnlyList<int> values, int value)
    {
        int lo = 0, hi = values.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Non-ASCII characters an ignore-case, culture-invariant regex equates with some ASCII letter.</summary>
    private static SearchValues<char> FindExoticLetters()
    {
        var all = string.Create(char.MaxValue - 127, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                char c = (char)(i + 128);
                span[i] = char.IsSurrogate(c) ? ' ' : c;
            }
        });
        // The interpreter shares the case-equivalence table of the other engines and is built in a fraction of the time.
        var letter = new Regex("[a-z]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return SearchValues.Create(letter.Matches(all).Select(m => m.Value[0]).ToArray());
    }

    /// <summary>What every match of a (sub)pattern must satisfy.</summary>
    private sealed class Info
    {
        public int MinLength { get; init; }

        public int MaxLength { get; init; }

        public int MinDigits { get; init; }

        /// <summary>One of these (folded) literals occurs in every match; null when none is known.</summary>
        public List<string>? Factors { get; init; }

        /// <summary>Sets of literals each of which has a member in every match (<see cref="Factors"/> is the best of them).</summary>
        public List<List<string>> Clauses { get; init; } = [];

        /// <summary>For an alternation: each branch's <see cref="Clauses"/>; every match meets one branch's in full.</summary>
        public List<List<List<string>>>? Branches { get; init; }

        public bool HasAnchors { get; init; }

        /// <summary>Every text the (sub)pattern can match, folded, when they are few and all literal (else null).</summary>
        public List<string>? Exact { get; init; }
    }

    /// <summary>A recursive-descent reader of the regex syntax; returns null on anything it does not understand.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public Info? Parse()
        {
            try
            {
                var info = Alternation();
                return _at == pattern.Length ? info : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private Info Alternation()
        {
            var branches = new List<Info> { Concatenation() };
            while (_at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                branches.Add(Concatenation());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            List<string>? factors = [];
            foreach (var b in branches)
            {
                if (b.Factors == null)
                {
                    factors = null;
                    break;
                }

                factors.AddRange(b.Factors);
            }

            factors = factors?.Distinct(StringComparer.Ordinal).ToList();
            List<List<List<string>>>? alternatives = [];
            foreach (var b in branches)
            {
                if (b.Branches != null)
                {
                    alternatives.AddRange(b.Branches);
                }
                else if (b.Clauses.Count > 0)
                {
                    alternatives.Add(b.Clauses);
                }
                else
                {
                    alternatives = null;
                    break;
                }
            }

            return new Info
            {
                Branches = alternatives is { Count: <= MaxFactors } ? alternatives : null,
                MinLength = branches.Min(b => b.MinLength),
                MaxLength = branches.Max(b => b.MaxLength),
                MinDigits = branches.Min(b => b.MinDigits),
                Factors = factors is { Count: > 0 and <= MaxFactors } ? factors : null,
                Clauses = factors is { Count: > 0 and <= MaxFactors } ? [factors] : [],
                HasAnchors = branches.Any(b => b.HasAnchors),
                Exact = branches.All(b => b.Exact != null) && branches.Sum(b => b.Exact!.Count) <= MaxFactors
                    ? branches.SelectMany(b => b.Exact!).Distinct(StringComparer.Ordinal).ToList()
                    : null,
            };
        }

        private Info Concatenation()
        {
            var parts = new List<Info>();
            while (_at < pattern.Length && pattern[_at] is not '|' and not ')')
            {
                parts.Add(Quantified());
            }

            if (parts.Count == 1)
            {
                return parts[0];
            }

            // Candidates for the required literals: each part's own sets, and for every run of adjacent parts that
            // match only a few literal texts, the texts the run can match (最(高|大) → 最高, 最大).
            var candidates = new List<List<string>>();
            List<string>? run = null;
            void Flush()
            {
                if (run != null && run.All(t => t.Length > 0))
                {
                    candidates.Add(run);
                }

                run = null;
            }

            foreach (var part in parts)
            {
                if (part.Exact == null)
                {
                    Flush();
                    candidates.AddRange(part.Clauses);
                    continue;
                }

                var joined = run == null ? part.Exact : Product(run, part.Exact);
                if (joined == null)
                {
                    Flush();
                    joined = part.Exact;
                }

                run = joined;
            }

            Flush();

            var best = candidates
                .OrderByDescending(f => Selectivity(f))
                .ThenBy(f => f.Count)
                .FirstOrDefault();

            // One alternation among the parts: every match meets one of its branches and everything else required.
            candidates = Keep(candidates);
            var withBranches = parts.Where(p => p.Branches != null).ToList();
            List<List<List<string>>>? branches = withBranches.Count == 1
                ? withBranches[0].Branches!.Select(b => Keep([.. b, .. candidates])).ToList()
                : null;
            return new Info
            {
                MinLength = Sum(parts.Select(p => p.MinLength)),
                MaxLength = Sum(parts.Select(p => p.MaxLength)),
                MinDigits = Sum(parts.Select(p => p.MinDigits)),
                Factors = best,
                Clauses = candidates,
                Branches = branches,
                HasAnchors = parts.Any(p => p.HasAnchors),
                Exact = parts.Aggregate((List<string>?)[string.Empty], (acc, p) => acc == null || p.Exact == null ? null : Product(acc, p.Exact)),
            };
        }

        private Info Quantified()
        {
            var atom = Atom();
            if (_at >= pattern.Length)
            {
                return atom;
            }

            int min, max;
            char q = pattern[_at];
            if (q == '*')
            {
                (min, max) = (0, Unbounded);
                _at++;
            }
            else if (q == '+')
            {
                (min, max) = (1, Unbounded);
                _at++;
            }
            else if (q == '?')
            {
                (min, max) = (0, 1);
                _at++;
            }
            else if (q == '{' && TryBraces(out min, out max))
            {
            }
            else
            {
                return atom;
            }

            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++;
            }

            if (_at < pattern.Length && pattern[_at] is '*' or '+' or '?' || (_at < pattern.Length && pattern[_at] == '{' && LooksLikeBraces()))
            {
                throw new FormatException("nested quantifier");
            }

            return new Info
            {
                MinLength = Multiply(atom.MinLength, min),
                MaxLength = max == 0 ? 0 : Multiply(atom.MaxLength, max),
                MinDigits = Multiply(atom.MinDigits, min),
                Factors = min >= 1 ? atom.Factors : null,
                Clauses = min >= 1 ? atom.Clauses : [],
                Branches = min >= 1 ? atom.Branches : null,
                HasAnchors = atom.HasAnchors,
                Exact = Repeat(atom.Exact, min, max),
            };
        }

        private bool LooksLikeBraces()
        {
            int save = _at;
            bool ok = TryBraces(out _, out _);
            _at = save;
            return ok;
        }

        /// <summary><c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at the cursor; anything else leaves '{' a literal.</summary>
        private bool TryBraces(out int min, out int max)
        {
            min = max = 0;
            int i = _at + 1;
            int start = i;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
            {
                i++;
            }

            if (i == start || i >= pattern.Length)
            {
                return false;
            }

            min = int.Parse(pattern.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            if (pattern[i] == '}')
            {
                max = min;
                _at = i + 1;
                return true;
            }

            if (pattern[i] != ',')
            {
                return false;
            }

            i++;
            int maxStart = i;
            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
            {
                i++;
            }

            if (i >= pattern.Length || pattern[i] != '}')
            {
                return false;
            }

            max = i == maxStart ? Unbounded : int.Parse(pattern.AsSpan(maxStart, i - maxStart), CultureInfo.InvariantCulture);
            _at = i + 1;
            return max >= min;
        }

        private Info Atom()
        {
            char c = pattern[_at];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    _at++;
                    return ClassAtom(CharClass());
                case '\\':
                    return Escape();
                case '.':
                    _at++;
                    return Any();
                case '^' or '$':
                    _at++;
                    return new Info { MaxLength = 0, HasAnchors = true, Exact = [string.Empty] };
                case '*' or '+' or '?' or ')' or '|':
                    throw new FormatException("unexpected " + c);
                default:
                    _at++;
                    return Char(c);
            }
        }

        private Info Group()
        {
            _at++;
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                // (?:…) and named groups (?<name>…) / (?'name'…); lookarounds, inline options, atomic groups,
                // conditionals, comments and balancing groups are beyond this reader.
                if (At("?:"))
                {
                    _at += 2;
                }
                else if ((At("?<") || At("?'")) && _at + 2 < pattern.Length && (char.IsAsciiLetter(pattern[_at + 2]) || pattern[_at + 2] == '_'))
                {
                    char close = pattern[_at + 1] == '<' ? '>' : '\'';
                    int end = pattern.IndexOf(close, _at + 2);
                    if (end < 0 || pattern.AsSpan(_at + 2, end - _at - 2).ContainsAnyExcept(NameChars))
                    {
                        throw new FormatException("group name");
                    }

                    _at = end + 1;
                }
                else
                {
                    throw new FormatException("group construct");
                }
            }

            var inner = Alternation();
            if (_at >= pattern.Length || pattern[_at] != ')')
            {
                throw new FormatException("unclosed group");
            }

            _at++;
            return new Info
            {
                MinLength = inner.MinLength,
                MaxLength = inner.MaxLength,
                MinDigits = inner.MinDigits,
                Factors = inner.Factors,
                Clauses = inner.Clauses,
                Branches = inner.Branches,
                HasAnchors = inner.HasAnchors,
                Exact = inner.Exact,
            };
        }

        private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

        private bool At(string text) => string.CompareOrdinal(pattern, _at, text, 0, text.Length) == 0;

        private Info Escape()
        {
            if (_at + 1 >= pattern.Length)
            {
                throw new FormatException("trailing backslash");
            }

            char e = pattern[_at + 1];
            _at += 2;
            switch (e)
            {
                case 'd':
                    return new Info { MinLength = 1, MaxLength = 1, MinDigits = 1 };
                case 'D' or 'w' or 'W' or 's' or 'S':
                    return Any();
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return new Info { MaxLength = 0, HasAnchors = true, Exact = [string.Empty] };
                case 'p' or 'P':
                    string category = CategoryName();
                    return e == 'p' && category == "Nd" ? new Info { MinLength = 1, MaxLength = 1, MinDigits = 1 } : Any();
                default:
                    return Char(EscapedChar(e));
            }
        }

        private string CategoryName()
        {
            if (_at >= pattern.Length || pattern[_at] != '{')
            {
                throw new FormatException("category");
            }

            int end = pattern.IndexOf('}', _at);
            if (end < 0)
            {
                throw new FormatException("category");
            }

            string name = pattern[(_at + 1)..end];
            _at = end + 1;
            return name;
        }

        /// <summary>The character an escape outside a group construct stands for (the cursor is past <paramref name="e"/>).</summary>
        private char EscapedChar(char e)
        {
            switch (e)
            {
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 't':
                    return '\t';
                case 'f':
                    return '\f';
                case 'v':
                    return '\v';
                case 'e':
                    return '\u001B';
                case 'a':
                    return '\a';
                case 'x':
                    return Hex(2);
                case 'u':
                    return Hex(4);
                default:
                    if (char.IsAsciiLetterOrDigit(e))
                    {
                        // \cX, \k<name>, back-references, octal: beyond this reader.
                        throw new FormatException("escape \\" + e);
                    }

                    return e;
            }
        }

        private char Hex(int digits)
        {
            if (_at + digits > pattern.Length
                || !int.TryParse(pattern.AsSpan(_at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
            {
                throw new FormatException("hex escape");
            }

            _at += digits;
            return (char)value;
        }

        /// <summary>A character class after its '['; returns its characters when few and all literal, and whether all are digits.</summary>
        private (List<char>? Chars, bool AllDigits) CharClass()
        {
            bool negated = false;
            if (_at < pattern.Length && pattern[_at] == '^')
            {
                negated = true;
                _at++;
            }

            var chars = new List<char>();
            bool enumerable = true;
            bool allDigits = true;
            bool first = true;
            while (true)
            {
                if (_at >= pattern.Length)
                {
                    throw new FormatException("unclosed class");
                }

                char c = pattern[_at];
                if (c == ']' && !first)
                {
                    _at++;
                    break;
                }

                first = false;
                if (c == '[')
                {
                    throw new FormatException("nested class");
                }

                char low;
                if (c == '\\')
                {
                    if (_at + 1 >= pattern.Length)
                    {
                        throw new FormatException("class escape");
                    }

                    char e = pattern[_at + 1];
                    _at += 2;
                    switch (e)
                    {
                        case 'd':
                            enumerable = false;
                            continue;
                        case 'D' or 'w' or 'W' or 's' or 'S':
                            enumerable = false;
                            allDigits = false;
                            continue;
                        case 'p' or 'P':
                            string category = CategoryName();
                            enumerable = false;
                            allDigits &= e == 'p' && category == "Nd";
                            continue;
                        case 'b':
                            low = '\b';
                            break;
                        default:
                            low = EscapedChar(e);
                            break;
                    }
                }
                else
                {
                    low = c;
                    _at++;
                }

                char high = low;
                if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    if (pattern[_at + 1] == '[')
                    {
                        throw new FormatException("class subtraction");
                    }

                    _at++;
                    char h = pattern[_at];
                    if (h == '\\')
                    {
                        if (_at + 1 >= pattern.Length)
                        {
                            throw new FormatException("class escape");
                        }

                        char e = pattern[_at + 1];
                        _at += 2;
                        high = e == 'b' ? '\b' : EscapedChar(e);
                    }
                    else
                    {
                        high = h;
                        _at++;
                    }

                    if (high < low)
                    {
                        throw new FormatException("range");
                    }
                }

                for (int v = low; v <= high; v++)
                {
                    allDigits &= char.IsDigit((char)v);
                    if (enumerable && chars.Count <= 8)
                    {
                        chars.Add((char)v);
                    }
                }

                if (high - low > 8)
                {
                    enumerable = false;
                }
            }

            if (negated)
            {
                return (null, false);
            }

            return (enumerable && chars.Count <= 8 ? chars : null, allDigits);
        }

        private static Info ClassAtom((List<char>? Chars, bool AllDigits) set)
        {
            List<string>? factors = null;
            if (set.Chars is { Count: > 0 } chars && chars.All(IsFixed))
            {
                factors = chars.Select(c => FoldLiteral(c).ToString()).Distinct(StringComparer.Ordinal).ToList();
            }

            return new Info
            {
                MinLength = 1,
                MaxLength = 1,
                MinDigits = set.AllDigits ? 1 : 0,
                Factors = factors,
                Clauses = factors != null ? [factors] : [],
                Exact = factors,
            };
        }

        private static Info Any() => new() { MinLength = 1, MaxLength = 1 };

        private static Info Char(char c)
        {
            if (!IsFixed(c))
            {
                return new Info { MinLength = 1, MaxLength = 1, MinDigits = char.IsDigit(c) ? 1 : 0 };
            }

            char folded = FoldLiteral(c);
            return new Info
            {
                MinLength = 1,
                MaxLength = 1,
                MinDigits = char.IsDigit(c) ? 1 : 0,
                Factors = [folded.ToString()],
                Clauses = [[folded.ToString()]],
                Exact = [folded.ToString()],
            };
        }

        /// <summary>
        /// A character whose ignore-case matches in folded text are only itself: ASCII (letters in lower case; the
        /// rare non-ASCII look-alikes are handled by <see cref="ExoticLetters"/>), and characters without case.
        /// </summary>
        private static bool IsFixed(char c) =>
            c < 128
            || (!char.IsSurrogate(c) && char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c
                && (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter || !char.IsLetter(c)));

        private static char FoldLiteral(char c) => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : c;

        /// <summary>The few most selective distinct sets: enough to gate well, and bounded however deep the nesting.</summary>
        private static List<List<string>> Keep(List<List<string>> clauses)
        {
            if (clauses.Count <= 1)
            {
                return clauses;
            }

            var kept = new List<List<string>>();
            foreach (var clause in clauses.Where(c => c.Count is > 0 and <= MaxFactors).OrderByDescending(Selectivity).ThenBy(c => c.Count))
            {
                if (!kept.Any(k => k.Count == clause.Count && k.SequenceEqual(clause)))
                {
                    kept.Add(clause);
                    if (kept.Count == MaxClauses)
                    {
                        break;
                    }
                }
            }

            return kept;
        }

        /// <summary>Every text of <paramref name="min"/> to <paramref name="max"/> repetitions of the given texts; null when too many.</summary>
        private static List<string>? Repeat(List<string>? texts, int min, int max)
        {
            if (texts == null || max > 4)
            {
                return null;
            }

            var result = new List<string>();
            List<string> power = [string.Empty];
            for (int k = 0; k <= max; k++)
            {
                if (k >= min)
                {
                    result.AddRange(power);
                    if (result.Count > MaxFactors)
                    {
                        return null;
                    }
                }

                if (k < max)
                {
                    // Every repetition count must be covered, or the set would not be every text the loop matches.
                    if (Product(power, texts) is not { } next)
                    {
                        return null;
                    }

                    power = next;
                }
            }

            return result.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>Every concatenation of a text of <paramref name="left"/> and one of <paramref name="right"/>; null when too many.</summary>
        private static List<string>? Product(List<string> left, List<string> right)
        {
            if ((long)left.Count * right.Count > MaxFactors)
            {
                return null;
            }

            return left.SelectMany(l => right.Select(r => l + r)).Distinct(StringComparer.Ordinal).ToList();
        }

        private static int Sum(IEnumerable<int> values)
        {
            long total = 0;
            foreach (int v in values)
            {
                total += v;
            }

            return total >= Unbounded ? Unbounded : (int)total;
        }

        private static int Multiply(int value, int times)
        {
            long product = (long)value * times;
            return value == Unbounded && times > 0 ? Unbounded : product >= Unbounded ? Unbounded : (int)product;
        }
    }
}
