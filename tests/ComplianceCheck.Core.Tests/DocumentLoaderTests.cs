using System.Text;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

public class DocumentLoaderTests
{
    /// <summary>Every character of every block maps back to the same character in the original text.</summary>
    private static void AssertBlocksMapToSource(SourceDocument doc)
    {
        foreach (var block in doc.Blocks)
        {
            for (int i = 0; i < block.Text.Length; i++)
            {
                char c = block.Text[i];
                int at = block.SourceStart(i);
                at.ShouldBeInRange(0, doc.Text.Length);
                if (!char.IsWhiteSpace(c) && at < doc.Text.Length && doc.Text[at] != '&')
                {
                    doc.Text[at].ShouldBe(c, $"block '{block.Text}' char {i}");
                }
            }
        }
    }

    private static (int Line, int Column) Locate(SourceDocument doc, string needle)
    {
        foreach (var block in doc.Blocks)
        {
            int i = block.Text.IndexOf(needle, StringComparison.Ordinal);
            if (i >= 0)
            {
                var p = doc.Lines.PositionOf(block.SourceStart(i));
                return (p.Line, p.Column);
            }
        }

        throw new ShouldAssertException($"'{needle}' not found in any block");
    }

    [Fact]
    public void Markdown_scans_prose_and_maps_positions_but_skips_code_and_comments()
    {
        string md = """
            ---
            product: fund
            channel: wechat-moments
            lang: zh-CN
            ---
            # 标题里的最佳

            正文**加粗的稳赚**和[链接文字收益](https://x.cn) ![图片说明保本](a.png)

            - 列表项一
            > 引用里的话

            | 指标 | 数值 |
            |---|---|
            | 近一年 | 12% |

            ```
            代码里的最佳
            ```

                缩进代码最佳

            <!-- 注释里的最佳 -->
            """;
        var doc = DocumentLoader.LoadText("a.md", md);
        doc.Format.ShouldBe(DocumentFormat.Markdown);
        doc.DeclaredMetadata["product"].ShouldBe("fund");
        doc.DeclaredMetadata["channel"].ShouldBe("wechat-moments");
        AssertBlocksMapToSource(doc);
        Locate(doc, "标题里的最佳").ShouldBe((6, 3));
        Locate(doc, "加粗的稳赚").ShouldBe((8, 5));
        Locate(doc, "链接文字收益").ShouldBe((8, 14));
        Locate(doc, "图片说明保本").ShouldBe((8, 38));
        Locate(doc, "列表项一").ShouldBe((10, 3));
        Locate(doc, "引用里的话").ShouldBe((11, 3));
        Locate(doc, "近一年").ShouldBe((15, 3));
        string all = string.Join("|", doc.Blocks.Select(b => b.Text));
        all.ShouldNotContain("代码里的最佳");
        all.ShouldNotContain("缩进代码最佳");
        all.ShouldNotContain("注释里的最佳");
        doc.Blocks.Where(b => b.Kind == BlockKind.TableCell).Select(b => b.ContainerId).Distinct().Count().ShouldBe(1);
        doc.Blocks.Single(b => b.Text.Contains("标题", StringComparison.Ordinal)).Kind.ShouldBe(BlockKind.Heading);
    }

    [Fact]
    public void A_one_column_layout_table_is_read_as_ordinary_content_and_a_data_table_as_cells()
    {
        string html = "<html><body><table width=\"600\"><tr><td><h2>Your money, working smarter</h2><p>Hi Alex,</p>"
            + "<p>Your capital is protected.</p><ul><li>Five risk levels</li></ul>"
            + "<table><tr><th>违规表述</th><th>问题类型</th></tr><tr><td>稳赚不赔</td><td>保证收益</td></tr></table>"
            + "</td></tr><tr><td><p>Unsubscribe</p></td></tr></table></body></html>";
        var doc = DocumentLoader.LoadText("email.html", html);

        AssertBlocksMapToSource(doc);
        doc.Blocks.Single(b => b.Text.Contains("working smarter", StringComparison.Ordinal)).Kind.ShouldBe(BlockKind.Heading);
        var prose = doc.Blocks.Single(b => b.Text.Contains("capital is protected", StringComparison.Ordinal));
        prose.Kind.ShouldBe(BlockKind.Paragraph);
        prose.ContainerId.ShouldBe(-1);
        doc.Blocks.Single(b => b.Text.Contains("Five risk levels", StringComparison.Ordinal)).Kind.ShouldBe(BlockKind.ListItem);

        // The two-column table nested in the layout cell is data: its cells share one container.
        var cells = doc.Blocks.Where(b => b.Kind == BlockKind.TableCell).ToList();
        cells.Select(b => b.Text.Trim()).ShouldBe(["违规表述", "问题类型", "稳赚不赔", "保证收益"]);
        cells.Select(b => b.ContainerId).Distinct().ShouldHaveSingleItem().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Wechat_html_maps_entities_and_nested_spans_to_original_line_and_column()
    {
        string html = "<html><head><meta name=\"compliance:product\" content=\"wealth\"><style>.a{content:'最佳'}</style>"
            + "<script>var s='保本';</script></head>\n<body>\n<section style=\"color:red\"><span>本产品&nbsp;<strong>稳赚</strong></span>"
            + "<span>不赔&amp;保本</span></section>\n<p>第二段<br>换行后收益</p><img alt=\"图里的最佳\" src=\"x.png\">"
            + "<noscript>无脚本最佳</noscript><template>模板最佳</template></body></html>";
        var doc = DocumentLoader.LoadText("a.html", html);
        doc.DeclaredMetadata["product"].ShouldBe("wealth");
        AssertBlocksMapToSource(doc);
        Locate(doc, "稳赚").ShouldBe((3, 51));
        Locate(doc, "保本").ShouldBe((3, 82));
        Locate(doc, "换行后收益").ShouldBe((4, 11));
        Locate(doc, "图里的最佳").ShouldBe((4, 30));
        string all = string.Join("|", doc.Blocks.Select(b => b.Text));
        all.ShouldNotContain("content");
        all.ShouldNotContain("var s");
        all.ShouldNotContain("无脚本最佳");
        all.ShouldNotContain("模板最佳");
        doc.Blocks.First(b => b.Text.Contains("稳赚", StringComparison.Ordinal)).Text.ShouldContain("本产品\u00A0稳赚不赔&保本");
    }

    [Fact]
    public void A_pages_published_descriptions_are_read_where_they_stand_and_its_other_meta_is_not()
    {
        string html = "<html><head>\n<meta name=\"description\" content=\"种植贷，月息低至3厘\">\n<title>春耕好帮手</title>\n"
            + "<meta property=\"og:description\" content=\"稳赚&amp;不赔\"><meta name=\"keywords\" content=\"最佳贷款\"></head>\n<body><p>正文</p></body></html>";
        var doc = DocumentLoader.LoadText("a.html", html);
        AssertBlocksMapToSource(doc);
        Locate(doc, "月息低至3厘").ShouldBe((2, 39));
        Locate(doc, "稳赚&不赔").ShouldBe((4, 42));
        doc.Blocks.Select(b => b.Text).ShouldBe(["种植贷，月息低至3厘", "春耕好帮手", "稳赚&不赔", "正文"]);
        doc.Blocks.Take(3).ShouldAllBe(b => b.Kind == BlockKind.Title);
    }

    [Fact]
    public void Markdown_with_front_matter_and_an_html_body_maps_into_the_html()
    {
        string text = "---\ntitle: 'x'\nproduct: insurance\n---\n\n<div>\n<p label=\"正文\" style=\"font-size: 16px;\">第一句话。<strong>收益稳稳的</strong></p><p>第二段</p>\n</div>\n";
        var doc = DocumentLoader.LoadText("article.txt", text);
        doc.Format.ShouldBe(DocumentFormat.Markdown);
        doc.DeclaredMetadata["product"].ShouldBe("insurance");
        AssertBlocksMapToSource(doc);
        Locate(doc, "收益稳稳的").ShouldBe((7, 53));
        doc.Blocks.Select(b => b.Text).ShouldContain("第二段");
    }

    [Theory]
    [InlineData("---\ntitle: 佣金万一，全网最低！\nproduct: securities\n---\n# 开户季\n", 2, 13)]
    [InlineData("---\nproduct: securities\ntitle: \"佣金万一，全网最低！\"\n---\n正文\n", 3, 14)]
    public void A_front_matter_title_is_scanned_where_it_stands(string text, int line, int column)
    {
        var doc = DocumentLoader.LoadText("campaign.md", text);
        doc.Blocks[0].Kind.ShouldBe(BlockKind.Title);
        doc.Blocks[0].Text.ShouldBe("佣金万一，全网最低！");
        AssertBlocksMapToSource(doc);
        Locate(doc, "全网最低").ShouldBe((line, column));
    }

    [Fact]
    public void A_title_nested_in_the_front_matter_or_folded_over_lines_is_not_scanned()
    {
        DocumentLoader.LoadText("a.md", "---\nseo:\n  title: 全网最低\nproduct: fund\n---\n正文\n").Blocks.ShouldAllBe(b => b.Kind != BlockKind.Title);
        DocumentLoader.LoadText("b.md", "---\ntitle: >\n  全网\n  最低\n---\n正文\n").Blocks.ShouldAllBe(b => b.Kind != BlockKind.Title);
    }

    [Fact]
    public void Plain_text_blocks_are_paragraphs_and_directives_are_not_text()
    {
        string text = "第一行\n第二行\n\n# compliance-ignore ZH-ABS-001: 引用法规\n第三段最佳\n";
        var doc = DocumentLoader.LoadText("script.txt", text);
        doc.Blocks.Count.ShouldBe(2);
        doc.Blocks[0].Text.ShouldBe("第一行\n第二行\n");
        doc.Suppressions.Single().ShouldSatisfyAllConditions(
            s => s.RuleIds.ShouldBe(["ZH-ABS-001"]),
            s => s.Reason.ShouldBe("引用法规"),
            s => s.AppliesToLine.ShouldBe(5));
        AssertBlocksMapToSource(doc);
    }

    [Fact]
    public void Decoder_reads_utf8_bom_utf16_and_falls_back_to_gb18030_only_for_invalid_utf8()
    {
        const string text = "本基金过往业绩不预示未来表现";
        TextDecoder.Decode(Encoding.UTF8.GetBytes(text)).ShouldSatisfyAllConditions(d => d.Text.ShouldBe(text), d => d.EncodingName.ShouldBe("utf-8"));
        TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]).ShouldSatisfyAllConditions(d => d.Text.ShouldBe(text), d => d.HadBom.ShouldBeTrue());
        TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]).Text.ShouldBe(text);
        TextDecoder.Decode(Encoding.Unicode.GetBytes("plain ascii text in utf-16 without a bom")).Text.ShouldBe("plain ascii text in utf-16 without a bom");
        var gbk = TextDecoder.Gb18030.GetBytes(text);
        TextDecoder.Decode(gbk).ShouldSatisfyAllConditions(d => d.Text.ShouldBe(text), d => d.EncodingName.ShouldBe("gb18030"));
    }

    [Fact]
    public void Binary_files_are_refused_with_what_they_are()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        Should.Throw<UnreadableDraftException>(() => TextDecoder.Decode(png)).Message.ShouldContain("PNG");
        Should.Throw<UnreadableDraftException>(() => TextDecoder.Decode([0x41, 0x00, 0x42, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03])).Message.ShouldContain("binary");
    }

    [Fact]
    public void Columns_count_characters_not_utf16_units()
    {
        var lines = new LineIndex("a😀最佳\n第二行");
        lines.PositionOf(3).ShouldBe(new SourcePosition(1, 3));
        lines.PositionOf(6).ShouldBe(new SourcePosition(2, 1));
    }

    [Fact]
    public void Deeply_nested_html_and_markdown_load_without_overflowing_the_stack()
    {
        string html = string.Concat(Enumerable.Repeat("<div>", 10_000)) + "深处的最佳" + string.Concat(Enumerable.Repeat("</div>", 10_000));
        var doc = DocumentLoader.LoadText("deep.html", html);
        doc.Blocks.ShouldContain(b => b.Text.Contains("深处的最佳", StringComparison.Ordinal));
        doc.Warnings.ShouldContain(w => w.Contains("nested", StringComparison.Ordinal));

        string md = string.Concat(Enumerable.Range(0, 2_000).Select(i => new string('>', Math.Min(i, 200)) + " 引用最佳\n"));
        Should.NotThrow(() => DocumentLoader.LoadText("deep.md", md));
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_is_a_warning_not_a_crash()
    {
        var doc = DocumentLoader.LoadText("bad.md", "---\nproduct: [fund\n---\n正文最佳\n");
        doc.Warnings.ShouldContain(w => w.Contains("front matter is not valid YAML", StringComparison.Ordinal));
        doc.Blocks.ShouldContain(b => b.Text.Contains("正文最佳", StringComparison.Ordinal));
        doc.DeclaredMetadata.ContainsKey("product").ShouldBeFalse();

        // An unquoted colon in the title makes the YAML invalid; the describing keys are still read, line by line.
        var colon = DocumentLoader.LoadText("colon.md", "---\ntitle: 定投: 三个误区\nproduct: fund # 公募\nchannel: '公众号'\n  lang: en\n---\n正文\n");
        colon.Warnings.ShouldHaveSingleItem().ShouldBe("line 2: front matter is not valid YAML (While scanning a plain scalar value, found invalid mapping.); read its title, product, channel line by line");
        colon.DeclaredMetadata["title"].ShouldBe("定投: 三个误区");
        colon.DeclaredMetadata["product"].ShouldBe("fund");
        colon.DeclaredMetadata["channel"].ShouldBe("公众号");
        colon.DeclaredMetadata.ContainsKey("lang").ShouldBeFalse();

        string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nproduct: wealth\n---\n正文\n";
        DocumentLoader.LoadText("bomb.md", bomb).DeclaredMetadata["product"].ShouldBe("wealth");
    }

    [Fact]
    public async Task The_warm_up_loads_every_format_without_failing()
    {
        // It runs beside the rule loading of every check; a sample a loader rejects would only show here.
        await ScanWarmUp.Start(["no-such-folder", "x.md"]).WaitAsync(TimeSpan.FromSeconds(30));
        string file = Path.Combine(Path.GetTempPath(), $"cc-warm-{Guid.NewGuid():N}.html");
        File.WriteAllText(file, "<p>正文</p>");
        try
        {
            var task = ScanWarmUp.Start([file]);
            await task.WaitAsync(TimeSpan.FromSeconds(30));
            task.IsCompletedSuccessfully.ShouldBeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
