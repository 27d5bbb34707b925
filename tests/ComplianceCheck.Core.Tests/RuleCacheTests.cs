using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

public sealed class RuleCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-rule-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RuleCache Cache => new(Path.Combine(_dir, "cache"));

    private string[] Entries() => Directory.Exists(Cache.Directory) ? Directory.GetFiles(Cache.Directory, "rules-*.bin") : [];

    [Fact]
    public void Rules_read_back_from_the_cache_equal_the_rules_read_from_yaml_field_for_field()
    {
        var fromYaml = RuleSet.Load(null, includeBuiltIn: true, cache: null);
        var first = RuleSet.Load(null, includeBuiltIn: true, Cache);
        Entries().ShouldHaveSingleItem();
        var second = RuleSet.Load(null, includeBuiltIn: true, Cache);

        foreach (var loaded in new[] { first, second })
        {
            loaded.Fingerprint.ShouldBe(fromYaml.Fingerprint);
            loaded.Sources.ShouldBe(fromYaml.Sources);
            loaded.Rules.Select(Describe).ShouldBe(fromYaml.Rules.Select(Describe));
        }
    }

    [Fact]
    public void The_gates_of_every_regex_come_back_from_the_cache_as_worked_out()
    {
        var fromYaml = RuleSet.Load(null, includeBuiltIn: true, cache: null);
        fromYaml.Gates.ShouldBeEmpty();
        RuleSet.Load(null, includeBuiltIn: true, Cache);
        var cached = RuleSet.Load(null, includeBuiltIn: true, Cache);

        var texts = fromYaml.Rules.SelectMany(RegexGate.PatternTextsOf).Distinct().ToList();
        texts.Count.ShouldBeGreaterThan(200);
        cached.Gates.Keys.Order(StringComparer.Ordinal).ShouldBe(texts.Order(StringComparer.Ordinal));
        cached.Gates.Values.Count(g => g.Value != null).ShouldBeGreaterThan(texts.Count / 2);
        foreach (string text in texts)
        {
            Bytes(cached.Gates[text].Value).ShouldBe(Bytes(RegexGate.For(text, RuleRegex.Options)), text);
        }

        static byte[] Bytes(RegexGate? gate)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(gate != null);
                gate?.WriteTo(writer);
            }

            return stream.ToArray();
        }
    }

    [Fact]
    public void A_valid_entry_is_what_load_returns()
    {
        var files = UserRuleFolder("最佳");
        var original = RuleSet.Load([files], includeBuiltIn: false, Cache);
        var entry = Entries().ShouldHaveSingleItem();

        // Replace the entry with one whose message differs: the next load must come from it, not from the YAML.
        var key = KeyInEntry(entry);
        var altered = original.Rules.Select(r => new PhraseRule(r.Header with { Message = "from the cache" }) { Phrases = ((PhraseRule)r).Phrases }).ToList();
        Cache.Write(key, new CachedRules(altered, original.Fingerprint, new Dictionary<string, Lazy<RegexGate?>>()));

        RuleSet.Load([files], includeBuiltIn: false, Cache).Rules.ShouldHaveSingleItem().Message.ShouldBe("from the cache");
    }

    [Fact]
    public void An_edited_rule_file_is_read_again_and_gets_its_own_entry()
    {
        var folder = UserRuleFolder("最佳");
        RuleSet.Load([folder], includeBuiltIn: false, Cache).Rules.Single().ShouldBeOfType<PhraseRule>().Phrases.ShouldBe(["最佳"]);

        WriteRuleFile(folder, "顶级");
        RuleSet.Load([folder], includeBuiltIn: false, Cache).Rules.Single().ShouldBeOfType<PhraseRule>().Phrases.ShouldBe(["顶级"]);
        Entries().Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("empty")]
    [InlineData("foreign")]
    public void A_damaged_entry_is_ignored_and_replaced(string damage)
    {
        var expected = RuleSet.Load(null, includeBuiltIn: true, cache: null).Rules.Select(Describe).ToList();
        RuleSet.Load(null, includeBuiltIn: true, Cache);
        string entry = Entries().ShouldHaveSingleItem();
        byte[] bytes = File.ReadAllBytes(entry);
        string key = KeyInEntry(entry);
        byte[] damaged = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "flipped byte" => FlipByte(bytes, bytes.Length / 3),
            "empty" => [],
            _ => Encoding.UTF8.GetBytes("lang: zh-CN\nrules: []\n"),
        };
        File.WriteAllBytes(entry, damaged);

        Cache.TryRead(key).ShouldBeNull();
        RuleSet.Load(null, includeBuiltIn: true, Cache).Rules.Select(Describe).ShouldBe(expected);
        File.ReadAllBytes(entry).ShouldBe(bytes);
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_only_means_no_cache()
    {
        string blocker = Path.Combine(_dir, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var cache = new RuleCache(Path.Combine(blocker, "cache"));

        var rules = RuleSet.Load([UserRuleFolder("最佳")], includeBuiltIn: false, cache);

        rules.Rules.ShouldHaveSingleItem().Id.ShouldBe("ZH-USR-001");
    }

    [Fact]
    public void A_rule_file_with_errors_is_never_cached()
    {
        string folder = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(Path.Combine(folder, "zh-CN"));
        File.WriteAllText(Path.Combine(folder, "zh-CN", "bad.yaml"), "lang: zh-CN\nrules:\n  - id: ZH-USR-001\n    kind: phrase\n");

        Should.Throw<RuleLoadException>(() => RuleSet.Load([folder], includeBuiltIn: false, Cache));
        Should.Throw<RuleLoadException>(() => RuleSet.Load([folder], includeBuiltIn: false, Cache));
        Entries().ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_most_recent_entries_are_kept()
    {
        var rules = RuleSet.Load([UserRuleFolder("最佳")], includeBuiltIn: false, cache: null).Rules;
        for (int i = 0; i < 20; i++)
        {
            Cache.Write(new string((char)('a' + i), 64), new CachedRules(rules, "fingerprint", new Dictionary<string, Lazy<RegexGate?>>()));
        }

        Entries().Length.ShouldBe(16);
        Cache.TryRead(new string((char)('a' + 19), 64)).ShouldNotBeNull();
    }

    [Fact]
    public void The_key_follows_the_built_in_packs_and_every_file_name_language_mode_and_byte()
    {
        (string, string, string?, bool)[] files = [("a.yaml", "x", "zh-CN", true)];
        string key = RuleCache.KeyOf(false, files);
        RuleCache.KeyOf(false, [("a.yaml", "x", "zh-CN", true)]).ShouldBe(key);
        RuleCache.KeyOf(true, [("a.yaml", "x", "zh-CN", true)]).ShouldNotBe(key);
        RuleCache.KeyOf(false, [("b.yaml", "x", "zh-CN", true)]).ShouldNotBe(key);
        RuleCache.KeyOf(false, [("a.yaml", "y", "zh-CN", true)]).ShouldNotBe(key);
        RuleCache.KeyOf(false, [("a.yaml", "x", "en", true)]).ShouldNotBe(key);
        RuleCache.KeyOf(false, [("a.yaml", "x", "zh-CN", false)]).ShouldNotBe(key);

        // Lengths are part of the key, so moving text from one file's name to its content changes it too.
        RuleCache.KeyOf(false, [("a.yamlx", string.Empty, "zh-CN", true)]).ShouldNotBe(RuleCache.KeyOf(false, [("a.yaml", "x", "zh-CN", true)]));
    }

    private string UserRuleFolder(string phrase)
    {
        string folder = Path.Combine(_dir, "user-rules");
        WriteRuleFile(folder, phrase);
        return folder;
    }

    private static void WriteRuleFile(string folder, string phrase)
    {
        Directory.CreateDirectory(Path.Combine(folder, "zh-CN"));
        File.WriteAllText(Path.Combine(folder, "zh-CN", "user.yaml"), "lang: zh-CN\nrules:\n" + TestRules.Phrase("ZH-USR-001", phrase));
    }

    private static byte[] FlipByte(byte[] bytes, int at)
    {
        byte[] copy = [.. bytes];
        copy[at] ^= 0x20;
        return copy;
    }

    /// <summary>The key an entry was written under, read back from the entry itself (it follows the magic and version).</summary>
    private static string KeyInEntry(string entry)
    {
        using var reader = new BinaryReader(File.OpenRead(entry), Encoding.UTF8);
        reader.ReadBytes(8);
        reader.ReadInt32();
        return reader.ReadString();
    }

    /// <summary>Every public property of a rule, lists and regexes spelled out, so two rules compare field for field.</summary>
    private static string Describe(Rule rule)
    {
        var text = new StringBuilder(rule.GetType().Name);
        foreach (var property in rule.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.Name == nameof(Rule.Header))
            {
                continue;
            }

            text.Append('\n').Append(property.Name).Append('=').Append(Value(property.GetValue(rule)));
        }

        return text.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        Regex r => $"re({r}, {r.Options})",
        RuleRegex r => $"rule-re({r.Text}, linear {r.Linear})",
        LegalBasis b => $"{b.Type}|{b.Law}|{b.Article}|{b.Quote}",
        IEnumerable items => "[" + string.Join(" ; ", items.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
