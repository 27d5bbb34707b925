using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using FsCheck;
using FsCheck.Fluent;

namespace ComplianceCheck.Core.Tests;

/// <summary>
/// Properties over generated drafts built from rule words, markup, entities, line breaks, wide and astral characters:
/// every span lies inside the document and its match is the text there, scans are deterministic, and the loaders
/// never throw on arbitrary bytes. Case counts are reported by the test names' MaxTest.
/// </summary>
public class PropertyTests
{
    /// <summary>Cases per property: 400 in CI, more for a long fuzz run (CC_PROPERTY_CASES=100000).</summary>
    public static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CC_PROPERTY_CASES"), out int n) && n > 0 ? n : 400;

    private static readonly Lazy<RuleEngine> Engine = new(() => new RuleEngine(RuleSet.Load()));

    private static readonly string[] Fragments =
    [
        "稳赚不赔", "保本", "保本保息", "最佳", "第一", "第一季度", "不承诺保本", "近一年收益率12.5%", "年化", "日息0.05%", "理财非存款、产品有风险、投资须谨慎",
        "guaranteed returns", "risk-free", "the best", "past performance", "13812345678", "11010519491231002X", "<p>", "</p>", "<b>", "</b>",
        "<span style=\"a>b\">", "<!-- c -->", "<script>保本</script>", "&nbsp;", "&amp;", "&#20445;", "&bogus;", "**", "_", "`", "```\n",
        "# ", "- ", "> ", "| a | b |\n|---|---|\n", "---\n", "\n", "\r\n", "\n\n", "，", "。", "“", "”", "\"", "😀", "Ｎｏ．１", "％", " ", "\t",
        "<!-- compliance-ignore ZH-GUA-004: 引用 -->", "# compliance-ignore ZH-ABS-001", "不", "并非", "警惕", "《广告法》",
    ];

    private static Arbitrary<(string Text, string Path)> Drafts() =>
        Gen.Elements(Fragments).ArrayOf().Zip(Gen.Elements("a.md", "a.html", "a.txt"))
            .Select(t => (string.Concat(t.Item1), t.Item2))
            .ToArbitrary();

    private static IReadOnlyList<Finding> Scan(string text, string path)
    {
        var doc = DocumentLoader.LoadText(path, text);
        return Engine.Value.Scan(doc, new DraftProfile("wealth", "test", "wechat-article", "test", ["zh-CN", "en"], "test"), new EngineOptions());
    }

    [Fact]
    public void Every_span_lies_inside_the_document_and_matches_its_text() =>
        Prop.ForAll(Drafts(), draft =>
        {
            var (text, path) = draft;
            var lines = new LineIndex(text);
            foreach (var f in Scan(text, path))
            {
                if (f.StartOffset < 0 || f.EndOffset > text.Length || f.StartOffset > f.EndOffset)
                {
                    return false;
                }

                if (text[f.StartOffset..f.EndOffset] != f.Match)
                {
                    return false;
                }

                var start = lines.PositionOf(f.StartOffset);
                var end = lines.PositionOf(f.EndOffset);
                if ((start.Line, start.Column, end.Line, end.Column) != (f.Line, f.Column, f.EndLine, f.EndColumn))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

    [Fact]
    public void Scanning_is_deterministic() =>
        Prop.ForAll(Drafts(), draft =>
        {
            var first = Scan(draft.Text, draft.Path);
            var second = Scan(draft.Text, draft.Path);
            return first.SequenceEqual(second);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

    /// <summary>
    /// A replacement fix clears what it fixed: after applying every phrase replacement, each (rule, matched text) is
    /// reported at most as often as before minus the occurrences replaced. (Inserted statements are verified by the
    /// CLI's re-scan; see the Gate tests.)
    /// </summary>
    [Fact]
    public void Replacement_fixes_leave_none_of_their_findings_behind() =>
        Prop.ForAll(Drafts(), draft =>
        {
            var (text, path) = draft;
            var before = Scan(text, path);
            var format = DocumentLoader.Sniff(path, text);
            var outcome = Fixes.FixApplier.Apply(text, format, before.Where(f => f.Fix?.Kind == FixKind.Replace));
            if (!outcome.Changed)
            {
                return true;
            }

            var after = Scan(outcome.FixedText, path);
            foreach (var group in outcome.Applied.GroupBy(f => (f.RuleId, f.Match)))
            {
                int was = before.Count(f => (f.RuleId, f.Match) == group.Key && f.IsActive);
                int now = after.Count(f => (f.RuleId, f.Match) == group.Key && f.IsActive);
                if (now > was - group.Count())
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

    [Fact]
    public void Loaders_never_throw_on_arbitrary_bytes() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            foreach (string path in (string[])["x.md", "x.html", "x.txt"])
            {
                try
                {
                    var decoded = TextDecoder.Decode(bytes);
                    DocumentLoader.LoadText(path, decoded.Text);
                }
                catch (UnreadableDraftException)
                {
                    // Binary input is refused by design, with a message.
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases * 2));

    [Fact]
    public void Loose_text_with_offsets_is_the_loose_text_and_each_character_comes_from_its_offset() =>
        Prop.ForAll(Drafts(), draft =>
        {
            string text = draft.Text;
            var offsets = new List<int> { 42 };
            string loose = LooseText.Of(text, offsets);
            return loose == LooseText.Of(text) && offsets.Count == loose.Length
                && offsets.Zip(offsets.Skip(1)).All(p => p.First < p.Second)
                && offsets.Select((at, i) => LooseText.Of(text[at].ToString()) == loose[i].ToString()).All(same => same);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
}
