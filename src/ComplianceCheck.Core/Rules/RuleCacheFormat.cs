using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// The binary form of parsed rules: magic, format version, key, the rule set's fingerprint, the rules field by field, the
/// gates of their regexes (see <see cref="RegexGate"/>), then a checksum of all that (<see cref="Fnv64"/>).
/// Regexes are stored as their (already folded and checked) text and built on first use, as when read from YAML.
/// </summary>
internal static class RuleCacheFormat
{
    private const int HashLength = 8;

    public static byte[] Write(CachedRules entry, byte[] magic, int version, string key)
    {
        var rules = entry.Rules;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(magic);
            w.Write(version);
            w.Write(key);
            w.Write(entry.Fingerprint);
            w.Write(rules.Count);
            foreach (var rule in rules)
            {
                WriteRule(w, rule);
            }

            w.Write(entry.Gates.Count);
            using var gateBytes = new MemoryStream();
            using var g = new BinaryWriter(gateBytes, Encoding.UTF8);
            foreach (var (text, gate) in entry.Gates)
            {
                // Each gate is stored as a length-prefixed record, so a reader can skip it and decode it only when asked.
                gateBytes.SetLength(0);
                g.Write(gate.Value != null);
                gate.Value?.WriteTo(g);
                g.Flush();
                w.Write(text);
                w.Write((int)gateBytes.Length);
                w.Write(gateBytes.GetBuffer(), 0, (int)gateBytes.Length);
            }
        }

        Span<byte> checksum = stackalloc byte[HashLength];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(checksum, Fnv64.Of(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        stream.Write(checksum);
        return stream.ToArray();
    }

    public static CachedRules Read(byte[] bytes, byte[] magic, int version, string key)
    {
        if (bytes.Length < magic.Length + HashLength || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw new InvalidDataException("not a rule cache");
        }

        int payload = bytes.Length - HashLength;
        if (Fnv64.Of(bytes.AsSpan(0, payload)) != System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(payload)))
        {
            throw new InvalidDataException("checksum mismatch");
        }

        using var r = new BinaryReader(new MemoryStream(bytes, magic.Length, payload - magic.Length), Encoding.UTF8);
        if (r.ReadInt32() != version || r.ReadString() != key)
        {
            throw new InvalidDataException("another version or key");
        }

        string fingerprint = r.ReadString();
        int count = Count(r);
        var rules = new List<Rule>(count);
        for (int i = 0; i < count; i++)
        {
            rules.Add(ReadRule(r));
        }

        int gateCount = Count(r);
        var gates = new Dictionary<string, Lazy<RegexGate?>>(gateCount, StringComparer.Ordinal);
        for (int i = 0; i < gateCount; i++)
        {
            string text = r.ReadString();
            int length = Count(r);
            int at = magic.Length + (int)r.BaseStream.Position;
            if (at + length > payload)
            {
                throw new InvalidDataException("gate past the end");
            }

            r.BaseStream.Seek(length, SeekOrigin.Current);
            gates[text] = new Lazy<RegexGate?>(() => ReadGate(bytes, at, length));
        }

        if (r.BaseStream.Position != r.BaseStream.Length)
        {
            throw new InvalidDataException("trailing bytes");
        }

        return new CachedRules(rules, fingerprint, gates);
    }

    /// <summary>A gate record (the checksum over the whole entry was verified when it was read).</summary>
    private static RegexGate? ReadGate(byte[] bytes, int at, int length)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, at, length, writable: false), Encoding.UTF8);
        var gate = r.ReadBoolean() ? RegexGate.ReadFrom(r) : null;
        return r.BaseStream.Position == length ? gate : throw new InvalidDataException("gate record of the wrong length");
    }

    private static void WriteRule(BinaryWriter w, Rule rule)
    {
        w.Write((byte)rule.Kind);
        var h = rule.Header;
        w.Write(h.Id);
        w.Write(h.Name);
        w.Write(h.Category);
        w.Write((byte)h.Severity);
        w.Write(h.Message);
        w.Write(h.LegalBasis.Type);
        w.Write(h.LegalBasis.Law);
        WriteOptional(w, h.LegalBasis.Article);
        WriteOptional(w, h.LegalBasis.Quote);
        w.Write(h.Lang);
        w.Write((byte)h.Review);
        w.Write(h.Effective?.DayNumber ?? -1);
        WriteList(w, h.Products);
        WriteList(w, h.Channels);
        WriteOptional(w, h.Suggestion);
        WriteOptional(w, h.FixReplace);
        WriteList(w, h.Exceptions);
        WriteList(w, LazyRegexList.TextsOf(h.ExceptionPatterns));
        w.Write((byte)h.Negation);
        WriteExamples(w, h.FlagExamples);
        WriteExamples(w, h.PassExamples);
        w.Write(h.SourceFile);
        w.Write(h.SourceLine);
        switch (rule)
        {
            case PhraseRule p:
                WriteList(w, p.Phrases);
                break;
            case PatternRule p:
                w.Write(p.Expression.Text);
                WriteList(w, p.Anchors);
                w.Write((byte)p.Validate);
                break;
            case ProximityRule p:
                WriteList(w, p.First);
                WriteList(w, p.Second);
                w.Write(p.Within);
                break;
            case RequiredRule p:
                WriteList(w, p.WhenProducts);
                WriteList(w, p.Triggers);
                WriteOptional(w, p.TriggerExpression?.Text);
                WriteList(w, p.TriggerAnchors);
                WriteList(w, p.Require);
                WriteList(w, p.RequirePatternTexts);
                w.Write((byte)p.Scope);
                w.Write(p.BlockWindow);
                w.Write(p.InsertText);
                w.Write((byte)p.InsertAt);
                break;
            default:
                throw new ArgumentException($"rule kind {rule.Kind} has no cache form");
        }
    }

    private static Rule ReadRule(BinaryReader r)
    {
        var kind = (RuleKind)r.ReadByte();
        var header = new RuleHeader
        {
            Id = r.ReadString(),
            Name = r.ReadString(),
            Category = r.ReadString(),
            Severity = Enum<Severity>(r),
            Message = r.ReadString(),
            LegalBasis = new LegalBasis(r.ReadString(), r.ReadString(), ReadOptional(r), ReadOptional(r)),
            Lang = r.ReadString(),
            Review = Enum<ReviewHint>(r),
            Effective = r.ReadInt32() is >= 0 and int day ? DateOnly.FromDayNumber(day) : null,
            Products = ReadList(r),
            Channels = ReadList(r),
            Suggestion = ReadOptional(r),
            FixReplace = ReadOptional(r),
            Exceptions = ReadList(r),
            ExceptionPatterns = Patterns(ReadList(r)),
            Negation = Enum<NegationMode>(r),
            FlagExamples = ReadExamples(r),
            PassExamples = ReadExamples(r),
            SourceFile = r.ReadString(),
            SourceLine = r.ReadInt32(),
        };
        return kind switch
        {
            RuleKind.Phrase => new PhraseRule(header) { Phrases = ReadList(r) },
            RuleKind.Pattern => new PatternRule(header)
            {
                Expression = RuleRegex.Unchecked(r.ReadString()),
                Anchors = ReadList(r),
                Validate = Enum<MatchValidator>(r),
            },
            RuleKind.Proximity => new ProximityRule(header) { First = ReadList(r), Second = ReadList(r), Within = r.ReadInt32() },
            RuleKind.Required => new RequiredRule(header)
            {
                WhenProducts = ReadList(r),
                Triggers = ReadList(r),
                TriggerExpression = ReadOptional(r) is { } trigger ? RuleRegex.Unchecked(trigger) : null,
                TriggerAnchors = ReadList(r),
                Require = ReadList(r),
                RequirePatterns = Patterns(ReadList(r)),
                Scope = Enum<RequiredScope>(r),
                BlockWindow = r.ReadInt32(),
                InsertText = r.ReadString(),
                InsertAt = Enum<InsertPosition>(r),
            },
            _ => throw new InvalidDataException($"unknown rule kind {kind}"),
        };
    }

    private static LazyRegexList Patterns(IReadOnlyList<string> texts) => new([.. texts.Select(RuleRegex.Unchecked)]);

    private static T Enum<T>(BinaryReader r)
        where T : struct, Enum
    {
        var value = (T)(object)(int)r.ReadByte();
        return System.Enum.IsDefined(value) ? value : throw new InvalidDataException($"{typeof(T).Name} {value} out of range");
    }

    private static int Count(BinaryReader r) =>
        r.ReadInt32() is >= 0 and <= 1_000_000 and int n ? n : throw new InvalidDataException("bad count");

    private static void WriteOptional(BinaryWriter w, string? value)
    {
        w.Write(value != null);
        if (value != null)
        {
            w.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteList(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (string value in values)
        {
            w.Write(value);
        }
    }

    private static string[] ReadList(BinaryReader r)
    {
        var values = new string[Count(r)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }

    private static void WriteExamples(BinaryWriter w, IReadOnlyList<RuleExample> examples)
    {
        w.Write(examples.Count);
        foreach (var e in examples)
        {
            w.Write(e.Text);
            WriteOptional(w, e.Product);
            WriteOptional(w, e.Channel);
            w.Write(e.Line);
        }
    }

    private static RuleExample[] ReadExamples(BinaryReader r)
    {
        var examples = new RuleExample[Count(r)];
        for (int i = 0; i < examples.Length; i++)
        {
            examples[i] = new RuleExample(r.ReadString(), ReadOptional(r), ReadOptional(r), r.ReadInt32());
        }

        return examples;
    }
}
