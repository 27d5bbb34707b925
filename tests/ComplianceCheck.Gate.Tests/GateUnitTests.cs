using System.Text;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Fixes;
using ComplianceCheck.Core.Gate;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Gate.Tests;

/// <summary>The gate's building blocks in process: fix shaping, fingerprints, baselines and escaping.</summary>
public sealed class GateUnitTests
{
    [Theory]
    [InlineData("a\nb\n", "\n")]
    [InlineData("a\r\nb\r\nc\n", "\r\n")]
    [InlineData("a\rb\r", "\r")]
    [InlineData("no break", "\n")]
    public void Dominant_newline(string text, string expected) => FixApplier.DominantNewline(text).ShouldBe(expected);

    [Fact]
    public void Replace_and_insert_in_crlf_markdown_touch_nothing_else()
    {
        const string text = "# T\r\n\r\n这是最佳产品。  \r\n";
        int at = text.IndexOf("最佳", StringComparison.Ordinal);
        var outcome = FixApplier.Apply(text, DocumentFormat.Markdown, [Replace(text, at, "最佳", "优秀"), Insert(text.Length, "理财非存款。")]);
        outcome.FixedText.ShouldBe("# T\r\n\r\n这是优秀产品。  \r\n\r\n理财非存款。\r\n");
        outcome.Applied.Count.ShouldBe(2);
    }

    [Fact]
    public void Two_statements_at_one_place_become_two_paragraphs()
    {
        const string text = "段落一。\n\n段落二。\n";
        var outcome = FixApplier.Apply(text, DocumentFormat.Text, [Insert(text.Length, "甲。"), Insert(text.Length, "乙。"), Insert(text.Length, "甲。")]);
        outcome.FixedText.ShouldBe("段落一。\n\n段落二。\n\n甲。\n\n乙。\n");
        outcome.Applied.Count.ShouldBe(3);
    }

    [Fact]
    public void A_statement_inserted_mid_document_gets_blank_lines_around_it()
    {
        const string text = "表格行\n下一段紧接着。\n";
        var outcome = FixApplier.Apply(text, DocumentFormat.Markdown, [Insert(text.IndexOf('下'), "声明。")]);
        outcome.FixedText.ShouldBe("表格行\n\n声明。\n\n下一段紧接着。\n");
    }

    [Fact]
    public void Html_statements_go_before_body_or_after_the_enclosing_table_and_are_escaped()
    {
        const string page = "<html><body>\n<table>\n<tr><td>12% return</td></tr>\n</table>\n<p>x</p>\n</body></html>";
        int inTable = page.IndexOf("</table>", StringComparison.Ordinal);
        var outcome = FixApplier.Apply(page, DocumentFormat.Html, [Insert(inTable, "Past <performance> & future."), Insert(page.Length, "Risk.")]);
        outcome.FixedText.ShouldBe("<html><body>\n<table>\n<tr><td>12% return</td></tr>\n</table>\n<p>Past &lt;performance&gt; &amp; future.</p>\n<p>x</p>\n<p>Risk.</p>\n</body></html>");

        const string fragment = "<p>Guaranteed</p>";
        FixApplier.Apply(fragment, DocumentFormat.Html, [Insert(fragment.Length, "Risk.")]).FixedText.ShouldBe("<p>Guaranteed</p>\n<p>Risk.</p>\n");
    }

    [Fact]
    public void Unsafe_or_stale_fixes_are_skipped_with_a_reason()
    {
        const string text = "最佳最佳";
        var stale = Replace(text, 0, "最优", "优秀");
        var overlapA = Replace(text, 0, "最佳", "优秀") with { EndOffset = 3, Fix = new Fix(FixKind.Replace, 0, 3, "优秀") };
        var overlapB = Replace(text, 2, "最佳", "优秀");
        var blank = Insert(text.Length, "年化利率【X】%。");
        var quoted = Replace(text, 2, "最佳", "优秀") with { Note = "likely a quotation or warning" };
        var outcome = FixApplier.Apply(text, DocumentFormat.Text, [stale, overlapA with { Match = "最佳最" }, overlapB, blank, quoted]);
        outcome.Applied.Count.ShouldBe(1);
        outcome.Skipped.Select(s => s.Reason).ShouldBe(
            ["the text at the finding is not what was matched", "overlaps another fix", "its statement has blanks to fill in; add it by hand: 年化利率【X】%。"],
            ignoreOrder: true);
        FixApplier.HasPlaceholder("APR: [x.xx]% to [xx.xx]%").ShouldBeTrue();
        FixApplier.HasPlaceholder("理财非存款、产品有风险、投资须谨慎。").ShouldBeFalse();
    }

    [Fact]
    public void File_fixer_keeps_gb18030_and_refuses_files_that_do_not_round_trip()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030");
        const string text = "这是最佳产品。\n";
        byte[] bytes = gb.GetBytes(text);
        var fix = FileFixer.Fix("a.txt", "a.txt", bytes, DocumentFormat.Text, [Replace(text, 2, "最佳", "优秀")], out string? problem);
        problem.ShouldBeNull();
        fix.ShouldNotBeNull();
        fix.EncodingName.ShouldBe("gb18030");
        gb.GetString(fix.FixedBytes).ShouldBe("这是优秀产品。\n");
        fix.Diff.ShouldBe("--- a/a.txt\n+++ b/a.txt\n@@ -1,1 +1,1 @@\n-这是最佳产品。\n+这是优秀产品。\n");

        // Bytes GB18030 cannot read back exactly (a stray lead byte) are never rewritten.
        byte[] broken = [.. bytes[..^1], 0x81, (byte)'\n'];
        FileFixer.Fix("b.txt", "b.txt", broken, DocumentFormat.Text, [Replace(gb.GetString(broken), 2, "最佳", "优秀")], out problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("round-trip");
    }

    [Fact]
    public void Content_fingerprint_ignores_position_and_white_space_but_not_rule_or_text()
    {
        var a = Replace("xx最佳yy", 2, "最佳", "优秀") with { Context = "这是 最佳 产品", Line = 3, Column = 5 };
        var moved = a with { Line = 30, Column = 1, StartOffset = 500, EndOffset = 502, Context = "这是最佳\n产品" };
        FindingFingerprint.ContentHash(moved).ShouldBe(FindingFingerprint.ContentHash(a));
        FindingFingerprint.ContentHash(a with { RuleId = "OTHER-1" }).ShouldNotBe(FindingFingerprint.ContentHash(a));
        FindingFingerprint.ContentHash(a with { Context = "那是最佳产品" }).ShouldNotBe(FindingFingerprint.ContentHash(a));
        FindingFingerprint.MatchHash(a with { Context = "那是最佳产品" }).ShouldBe(FindingFingerprint.MatchHash(a));
        FindingFingerprint.Of("docs/a.md", a).ShouldNotBe(FindingFingerprint.Of("docs/b.md", a));
        FindingFingerprint.ForFile("a.md", [a, moved, a with { Match = "最优" }]).Select(f => f[^2..]).ShouldBe([":1", ":2", ":1"]);
        FindingFingerprint.RelativePath("./docs/../docs/a.md", ".").ShouldBe("docs/a.md");
    }

    [Fact]
    public void Baseline_round_trips_and_matches_exactly_then_by_rule_and_text()
    {
        var f1 = Replace("这是最佳产品", 2, "最佳", "优秀") with { Context = "这是最佳产品" };
        var f2 = Replace("稳赚不赔", 0, "稳赚不赔", "x") with { RuleId = "GATE-GUA-001", Context = "稳赚不赔" };
        string dir = Path.GetTempPath();
        var files = new List<FileResult> { new() { Path = Path.Combine(dir, "a.md"), Findings = [f1, f2] } };
        var baseline = Baseline.FromResults(files, dir, "1.0", "abc");
        using var stream = new MemoryStream();
        baseline.Write(stream);
        var loaded = Baseline.Parse(stream.ToArray(), "b.json");
        loaded.Entries.ShouldBe(baseline.Entries);
        loaded.Entries.Select(e => e.Path).Distinct().ShouldBe(["a.md"]);

        // f1 unchanged, f2's sentence edited, one new finding: one exact, one loose match, one new.
        var edited = f2 with { Context = "保证稳赚不赔" };
        var fresh = f1 with { Match = "最优", Context = "最优" };
        var filter = loaded.CreateFilter(dir);
        var result = filter.Apply(new FileResult { Path = Path.Combine(dir, "a.md"), Findings = [fresh, edited, f1] });
        result.Findings.ShouldBe([fresh]);
        (filter.Hidden, filter.Updated, filter.New, filter.Gone, filter.NotScanned).ShouldBe((2, 1, 1, 0, 0));

        var other = loaded.CreateFilter(dir);
        other.Apply(new FileResult { Path = Path.Combine(dir, "a.md"), Findings = [f1, f1] }).Findings.Count.ShouldBe(1, "one entry hides one occurrence");
        other.Gone.ShouldBe(1);

        Should.Throw<BaselineException>(() => Baseline.Parse("{\"findings\": [{\"ruleId\": \"X\"}]}"u8, "bad.json")).Message.ShouldContain("bad.json: findings[0]");
    }

    [Fact]
    public void Github_escaping()
    {
        GitHubAnnotationWriter.EscapeData("100% done\r\nnext: a,b").ShouldBe("100%25 done%0D%0Anext: a,b");
        GitHubAnnotationWriter.EscapeProperty("a,b: 5%\n").ShouldBe("a%2Cb%3A 5%25%0A");
    }

    [Fact]
    public void Junit_text_drops_characters_xml_cannot_hold()
    {
        JUnitReportWriter.Clean("ok\u0001\u0008 文字 😀\uD800").ShouldBe("ok\uFFFD\uFFFD 文字 😀\uFFFD");
    }

    private static Finding Replace(string text, int start, string match, string replacement) => new()
    {
        RuleId = "GATE-ABS-001",
        Category = "absolute",
        Severity = Severity.Error,
        Message = "m",
        Line = 1,
        Column = start + 1,
        EndLine = 1,
        EndColumn = start + 1 + match.Length,
        Match = match,
        LegalBasis = "basis",
        StartOffset = start,
        EndOffset = start + match.Length,
        Context = text,
        Fix = new Fix(FixKind.Replace, start, start + match.Length, replacement),
    };

    private static Finding Insert(int at, string statement) => new()
    {
        RuleId = "GATE-DIS-" + statement.Length,
        Category = "disclaimer",
        Severity = Severity.Warning,
        Message = "missing",
        Line = 1,
        Column = 1,
        EndLine = 1,
        EndColumn = 1,
        Match = string.Empty,
        LegalBasis = "basis",
        Fix = new Fix(FixKind.InsertStatement, at, at, statement),
    };
}
