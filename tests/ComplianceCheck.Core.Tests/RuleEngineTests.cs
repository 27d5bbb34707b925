using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using static ComplianceCheck.Core.Tests.TestRules;

namespace ComplianceCheck.Core.Tests;

public class RuleEngineTests
{
    [Fact]
    public void Phrase_hits_carry_exact_position_match_and_basis_and_fold_width_and_case()
    {
        var engine = BuildEngine(Phrase("T-ABS-001", "最佳, no.1"));
        var findings = Scan(engine, "首行\n我们是最佳之选，行业ＮＯ．１！");
        findings.Count.ShouldBe(2);
        findings[0].ShouldSatisfyAllConditions(
            f => f.RuleId.ShouldBe("T-ABS-001"),
            f => (f.Line, f.Column, f.EndLine, f.EndColumn).ShouldBe((2, 4, 2, 6)),
            f => f.Match.ShouldBe("最佳"),
            f => f.Message.ShouldBe("使用了“最佳”"),
            f => f.LegalBasis.ShouldContain("第九条"));
        findings[1].Match.ShouldBe("ＮＯ．１");
    }

    [Fact]
    public void Exceptions_cancel_only_hits_they_overlap()
    {
        var engine = BuildEngine(Phrase("T-ABS-002", "第一", "    exceptions: [第一季度, 第一时间]\n    exceptionPatterns: ['第一[，,、]']"));
        Scan(engine, "第一季度业绩公布后我们第一时间通知您。").ShouldBeEmpty();
        Scan(engine, "第一，注意风险；第二，分散投资。").ShouldBeEmpty();
        Scan(engine, "第一季度过后，本产品规模全国第一。").Single().Column.ShouldBe(15);
    }

    [Fact]
    public void Negation_and_warning_cues_turn_a_hit_off_but_not_claims_further_away()
    {
        var engine = BuildEngine(Phrase("T-GUA-001", "保本, 稳赚", category: "guarantee"));
        Scan(engine, "本产品不承诺保本，投资需谨慎。").ShouldBeEmpty();
        Scan(engine, "本产品为非保本浮动收益型产品。").ShouldBeEmpty();
        Scan(engine, "请警惕稳赚的宣传。").ShouldBeEmpty();
        Scan(engine, "不仅保本，还能稳赚！").Count.ShouldBe(2);
        Scan(engine, "门槛不高也能保本").Count.ShouldBe(1);
        Scan(engine, "不用担心，保本").Count.ShouldBe(1);
    }

    [Fact]
    public void Claims_in_a_table_of_wording_to_avoid_are_downgraded_to_info_and_other_tables_are_not()
    {
        var engine = BuildEngine(Phrase("T-GUA-009", "保本, 手慢无", category: "guarantee"));
        var training = Scan(engine, "| 错误表述 | 问题类型 |\n| --- | --- |\n| “本产品保本保息” | 保证收益 |\n| 今晚截止，手慢无 | 诱导 |\n", path: "draft.md");
        training.Count.ShouldBe(2);
        training.ShouldAllBe(f => f.Severity == Severity.Info);
        var promotion = Scan(engine, "| 产品 | 特点 |\n| --- | --- |\n| 安心盈 | 保本保息 |\n", path: "draft.md");
        promotion.ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Theory]
    [InlineData("| 序号 | 原文 | 修改后 | 审核意见 |\n| --- | --- | --- | --- |\n| 1 | 保本保息，闭眼入 | 中低风险产品 | 删除保本表述 |\n", Severity.Info)]
    [InlineData("| # | Original | Revised |\n| --- | --- | --- |\n| 1 | 保本保息 | R2 产品 |\n", Severity.Info)]
    [InlineData("| Rejected | Approved alternative |\n| --- | --- |\n| 保本保息 | R2 产品 |\n", Severity.Info)]
    [InlineData("| 编号 | 原文案（摘录） | 问题 | 修改后文案 |\n| --- | --- | --- | --- |\n| R-1 | “保本保息” | 保证性承诺 | R2 产品 |\n", Severity.Info)]
    [InlineData("| Original copy (excerpt) | Revised wording |\n| --- | --- |\n| 保本保息 | R2 产品 |\n", Severity.Info)]
    [InlineData("| Draft wording | Why it fails |\n| --- | --- |\n| \"保本保息\" | A promise of principal. |\n", Severity.Info)]
    [InlineData("| 原因 | 条数 | 典型表述（已脱敏） |\n| --- | --- | --- |\n| 暗示保本 | 4 | “保本保息” |\n", Severity.Info)]
    [InlineData("| 原文 | 出处 |\n| --- | --- |\n| 保本保息 | 海报 |\n", Severity.Error)]
    [InlineData("| 原文案说明 | 修改后的产品 |\n| --- | --- |\n| 保本保息 | 海报 |\n", Severity.Error)]
    public void The_submitted_column_of_a_copy_review_sheet_is_a_record_not_a_claim(string sheet, Severity expected)
    {
        var engine = BuildEngine(Phrase("T-GUA-009", "保本", category: "guarantee"));
        var findings = Scan(engine, sheet, path: "review.md");
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Severity == expected);
    }

    [Fact]
    public void A_statement_the_whole_draft_lacks_is_reported_where_the_draft_prices_the_product_not_at_its_title()
    {
        const string Draft = "# 装修分期｜新家梦想\n\n我行装修分期最高额度50万元。\n\n月手续费率仅0.25%，一年下来每万元才300块！\n";
        var missing = Scan(BuiltIn.Value, Draft, product: "credit", path: "a.md").Where(f => f.RuleId == "ZH-APR-001").ShouldHaveSingleItem();
        missing.Line.ShouldBe(5);
        missing.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void A_loan_draft_that_states_no_cost_is_only_hinted_at_the_annual_rate_and_one_that_does_gets_one_error()
    {
        var unpriced = Scan(BuiltIn.Value, "最低借款金额500元，单笔最高5万元，实际额度以审批结果为准。\n", product: "credit", path: "a.md")
            .Where(f => f.Category == "apr").ShouldHaveSingleItem();
        unpriced.RuleId.ShouldBe("ZH-APR-011");
        unpriced.Severity.ShouldBe(Severity.Info);

        // The same statement is missing once: the error for the price, not a second hint for the loan's name.
        var priced = Scan(BuiltIn.Value, "XX借款最高可借20万，实际额度以审批结果为准。\n\n借1万元每月利息仅需60元。\n", product: "credit", path: "a.md");
        priced.ShouldContain(f => f.RuleId == "ZH-APR-001" && f.Severity == Severity.Error);
        priced.ShouldNotContain(f => f.RuleId == "ZH-APR-011");
    }

    [Fact]
    public void A_statement_missing_from_a_copy_review_sheet_is_reported_as_info()
    {
        const string Sheet = "| # | Original | Revised |\n| --- | --- | --- |\n| 1 | Personal loans from 6.99% | Rate removed until the APR is confirmed |\n";
        var missing = Scan(BuiltIn.Value, Sheet, product: "credit", path: "review.md", lang: "en").Where(f => f.RuleId == "EN-APR-003").ShouldHaveSingleItem();
        missing.Severity.ShouldBe(Severity.Info);
        Scan(BuiltIn.Value, "Personal loans from 6.99%. Apply today.\n", product: "credit", lang: "en")
            .ShouldContain(f => f.RuleId == "EN-APR-003" && f.Severity == Severity.Warning);
    }

    [Fact]
    public void A_line_a_training_sheet_marks_wrong_is_an_example_of_what_not_to_write()
    {
        const string Sheet = "三、正误对照\n× 这只固收+稳赚不赔，拿一年不会亏。\n√ 本产品为R3风险等级，不保本。\n错误示例6：这只基金稳赚不赔。\n";
        Scan(BuiltIn.Value, Sheet, product: "fund").Where(f => f.Category == "guarantee").ShouldAllBe(f => f.Severity == Severity.Info);
        Scan(BuiltIn.Value, "这只固收+稳赚不赔，拿一年不会亏。\n", product: "fund")
            .ShouldContain(f => f.Category == "guarantee" && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("Singapore's No. 1 digital wealth manager.", 1)]
    [InlineData("Ranked first in the J.D. Power 2025 U.S. Study.", 1)]
    [InlineData("Rates went up. 2 banks followed.", 2)]
    [InlineData("Rates went up by no more than 1%. U.S. banks followed.", 2)]
    public void A_full_stop_after_an_abbreviation_ends_no_sentence(string text, int sentences)
    {
        int count = 1;
        for (int i = 0; i < text.Length - 1; i++)
        {
            count += text[i] == '.' && text[i + 1] == ' ' && !Abbreviation.EndsAt(text, i) ? 1 : 0;
        }

        count.ShouldBe(sentences);
    }

    [Fact]
    public void A_claim_quoted_in_a_question_is_asked_not_made()
    {
        var engine = BuildEngine(Phrase("T-GUA-010", "只涨不跌", category: "guarantee"));
        Scan(engine, "问：账户里的钱会“只涨不跌”吗？").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
        Scan(engine, "这只基金只涨不跌！").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Theory]
    [InlineData("**Q8：这是全市场最好的指数基金吗？**", Severity.Info)]
    [InlineData("7. 问：朋友说跟着买一定赚，这只是最好的基金吗？", Severity.Info)]
    [InlineData("[W-007] 标准问：我朋友说这是最好的基金，我也想买", Severity.Info)]
    [InlineData("答：这是全市场最好的指数基金。", Severity.Error)]
    [InlineData("Q：这是最好的基金，赶紧买。", Severity.Error)]
    [InlineData("客户：这是我买过最好的基金！", Severity.Error)]
    public void A_faq_question_or_a_customer_line_asks_about_its_claim(string line, Severity expected)
    {
        var engine = BuildEngine(Phrase("T-ABS-011", "最好", category: "absolute"));
        Scan(engine, line, path: "faq.md").ShouldHaveSingleItem().Severity.ShouldBe(expected);
    }

    [Theory]
    [InlineData("什么是保本理财？", Severity.Info)]
    [InlineData("# 什么是保本理财？为什么刚兑已被打破", Severity.Info)]
    [InlineData("问：这款产品保本吗？", Severity.Info)]
    [InlineData("银行理财还能保本吗？", Severity.Info)]
    [InlineData("想要保本又稳健的理财吗？", Severity.Error)]
    [InlineData("弹幕｜小马：这个产品保本吗", Severity.Info)]
    [InlineData("想要保本又稳健的理财吗", Severity.Error)]
    [InlineData("保本？当然！", Severity.Error)]
    [InlineData("误区一：“银行理财都保本。”——理财非存款。", Severity.Info)]
    [InlineData("11楼 @甜甜圈：有没有保本的儿童基金？", Severity.Info)]
    [InlineData("有没有保本又稳健的理财？这款就是！", Severity.Info)]
    [InlineData("很多人问能不能保本，这里说明一下。", Severity.Info)]
    [InlineData("很多人问能不能保本，我们这款就能保本！", Severity.Info, Severity.Error)]
    [InlineData("**公司能否对员工承诺保本?**", Severity.Info)]
    [InlineData("- [ ] 是否有保本、保收益等表述？", Severity.Info)]
    [InlineData("这款产品是不是保本的？", Severity.Info)]
    public void A_question_about_the_claim_itself_asks_rather_than_claims(string sentence, params Severity[] expected)
    {
        var engine = BuildEngine(Phrase("T-GUA-013", "保本", category: "guarantee"));
        Scan(engine, sentence).Select(f => f.Severity).ShouldBe(expected);
    }

    [Theory]
    [InlineData("保本？没有。", 0)]
    [InlineData("市面上真正保本的理财？答案是：没有。", 0)]
    [InlineData("保本？没有比这更稳的了！", 1)]
    public void A_bare_no_answers_the_question_before_it(string sentence, int findings)
    {
        var engine = BuildEngine(Phrase("T-GUA-013", "保本", category: "guarantee"));
        Scan(engine, sentence).Count(f => f.Severity > Severity.Info).ShouldBe(findings);
    }

    [Theory]
    [InlineData("“最优执行”是券商的法定义务。", Severity.Info)]
    [InlineData("这里的“最优”指的是数学上的有效前沿。", Severity.Info)]
    [InlineData("“最优”一词在广告中须慎用。", Severity.Info)]
    [InlineData("“最优”的理财，就选我们！", Severity.Error)]
    [InlineData("我们的收益是“最优”的。", Severity.Error)]
    public void A_quoted_term_followed_by_what_it_means_is_explained_not_claimed(string sentence, Severity expected)
    {
        var engine = BuildEngine(Phrase("T-ABS-020", "最优", category: "absolute"));
        Scan(engine, sentence).ShouldHaveSingleItem().Severity.ShouldBe(expected);
    }

    [Fact]
    public void A_quoted_claim_in_a_draft_that_warns_against_such_claims_is_named_not_made()
    {
        var engine = BuildEngine(Phrase("T-IND-014", "欲购从速", category: "inducement"));
        const string article = "# 投资者教育：识别营销话术\n\n## 一、“名额有限、欲购从速”：制造紧迫感\n\n遇到这类套路，先停一停。\n\n谨防以高收益为诱饵的诈骗。\n";
        Scan(engine, article).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);

        // One anti-fraud line in a promotion's footer does not make its quoted slogans quotations.
        const string promo = "# 新品首发\n\n“欲购从速”，限量发售！\n\n谨防诈骗，请认准官方渠道。\n";
        Scan(engine, promo).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void A_script_that_sends_readers_to_the_regulators_register_quotes_the_claims_it_debunks()
    {
        var engine = BuildEngine(Phrase("T-GUA-030", "can't lose", category: "guarantee"));
        const string script = "Original clip: \"This bot pays 2% a day and you can't lose.\"\n\n"
            + "[Screenshot of a regulator warning list]\n\nFirst, check the FCA Register or BrokerCheck.\n\nReport it to Action Fraud.\n";
        Scan(engine, script).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);

        const string promo = "Our members say: \"You can't lose with this bot.\"\n\nCheck the FCA Register for our partner.\n";
        Scan(engine, promo).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void A_second_product_brings_its_claim_rules_but_not_its_required_statements()
    {
        string yaml = Phrase("T-GUA-020", "只涨不跌", extra: "    products: [wealth]", category: "guarantee") + $$"""
              - id: T-DIS-020
                name: wealth statement
                category: disclaimer
                severity: error
                kind: required
                message: 缺少理财风险提示
                {{Basis}}
                products: [wealth]
                when: {products: [wealth]}
                require: [理财非存款]
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = BuildEngine(yaml);
        var document = Documents.DocumentLoader.LoadText("batch.txt", "借款最高20万。\n\n这个组合只涨不跌！\n");
        var profile = new DraftProfile("credit", "detected", null, null, ["zh-CN"], "detected");

        engine.Scan(document, profile, new EngineOptions()).ShouldBeEmpty();
        engine.Scan(document, profile with { AlsoProduct = "wealth" }, new EngineOptions()).Select(f => f.RuleId).ShouldBe(["T-GUA-020"]);
    }

    [Theory]
    [InlineData("这只理财稳*赚不赔！", "稳*赚")]
    [InlineData("零 风 险，年化8%", "零 风 险")]
    [InlineData("稳💰赚，闭眼入", "稳💰赚")]
    [InlineData("稳\u200b赚理财", "稳\u200b赚")]
    [InlineData("稳·赚·不·赔", "稳·赚")]
    public void A_phrase_split_by_fillers_is_found_at_its_original_span(string text, string match)
    {
        var engine = BuildEngine(Phrase("T-GUA-030", "稳赚, 零风险", category: "guarantee"));
        Scan(engine, text).ShouldHaveSingleItem().Match.ShouldBe(match);
    }

    [Theory]
    [InlineData("稳健型产品，赚钱靠长期坚持。")]
    [InlineData("稳 - 健 - 赚 - 钱")]
    [InlineData("不承诺零 风 险。")]
    public void Fillers_join_only_neighbouring_characters_and_the_joined_phrase_is_judged_in_context(string text)
    {
        var engine = BuildEngine(Phrase("T-GUA-031", "稳赚, 零风险", category: "guarantee"));
        Scan(engine, text).ShouldBeEmpty();
    }

    [Fact]
    public void Cantonese_negations_and_warnings_are_read_as_such()
    {
        var engine = BuildEngine(Phrase("T-GUA-040", "保本, 稳赚", category: "guarantee"));
        Scan(engine, "呢隻基金唔保本，投資前請睇清楚。").ShouldBeEmpty();
        Scan(engine, "點解唔好信啲「穩賺」貼士群？").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
        Scan(engine, "呢隻基金保本㗎！").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void News_of_a_penalty_reports_the_claim_it_punishes()
    {
        var engine = BuildEngine(Phrase("T-GUA-011", "承诺收益", category: "guarantee"));
        Scan(engine, "据报道，某券商员工因在微信群荐股并承诺收益，被证监局出具警示函。").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
        Scan(engine, "因为我们承诺收益，所以被客户信任。").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
        Scan(engine, "新闻｜某券商员工在短视频中承诺收益，被出具警示函。").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
    }

    [Theory]
    [InlineData("某城商行在推文中写道：“本产品保本，收益稳稳到手。”", Severity.Info)]
    [InlineData("该机构以“保本”为噱头招揽客户。", Severity.Info)]
    [InlineData("有平台宣称“保本”，实际并非如此。", Severity.Info)]
    [InlineData("张先生说：“买了这款理财，保本又省心！”", Severity.Error)]
    [InlineData("本产品保本，收益稳稳到手。", Severity.Error)]
    public void A_claim_quoted_after_a_reporting_verb_is_a_quotation(string sentence, Severity expected)
    {
        var engine = BuildEngine(Phrase("T-GUA-012", "保本", category: "guarantee"));
        Scan(engine, sentence).ShouldHaveSingleItem().Severity.ShouldBe(expected);
    }

    [Theory]
    [InlineData("a.txt", "话术手册\n\n五、禁用话术（以下内容严禁对客户使用）\n1. 保本保收益\n2. 零风险\n\n六、收尾\n这款理财保本。\n")]
    [InlineData("a.md", "# 话术手册\n\n## Phrases to avoid\n\n- 保本保收益\n- 零风险\n\n## 推荐话术\n\n这款理财保本。\n")]
    [InlineData("a.md", "# 宣传中的十个“雷区”\n\n1. 承诺保本：如“保收益”\n2. 零风险表述\n\n## 正确的做法\n\n这款理财保本。\n")]
    public void Items_under_a_heading_that_forbids_them_are_named_not_claimed(string path, string text)
    {
        var engine = BuildEngine(Phrase("T-GUA-001", "保本", category: "guarantee") + Phrase("T-GUA-002", "零风险", category: "guarantee"));
        var findings = Scan(engine, text, path: path);

        // The list's items are quotations; the claim after the next heading is one.
        int claimLine = Array.FindIndex(text.Split('\n'), l => l.Contains("这款理财", StringComparison.Ordinal)) + 1;
        findings.Where(f => f.Line != claimLine).Select(f => f.Severity).ShouldBe([Severity.Info, Severity.Info]);
        findings.Single(f => f.Line == claimLine).Severity.ShouldBe(Severity.Error);
    }

    [Theory]
    [InlineData("1. 严禁错过这次机会：\n这款理财保本。\n")]
    [InlineData("本产品严禁用于非法用途，理财经理不得私下收款，请您知悉并配合我们的工作，谢谢大家：\n这款理财保本。\n")]
    public void A_numbered_item_or_a_long_line_opens_no_list_of_wording_to_avoid(string text)
    {
        var engine = BuildEngine(Phrase("T-GUA-001", "保本", category: "guarantee"));
        Scan(engine, text).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Quoted_claims_in_a_sentence_citing_law_are_downgraded_to_info()
    {
        var engine = BuildEngine(Phrase("T-ABS-003", "最佳"));
        var f = Scan(engine, "《广告法》第九条列举了“国家级”“最佳”等用语。").ShouldHaveSingleItem();
        Scan(engine, "《广告法》规定广告中不能出现“最佳”等用语。").ShouldBeEmpty();
        f.Severity.ShouldBe(Severity.Info);
        f.Note.ShouldBe("likely a quotation or warning");
        Scan(engine, "这是我们眼中“最佳”的产品。").Single().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Pattern_rules_run_near_anchors_fill_named_groups_and_validate_matches()
    {
        string yaml = $$"""
              - id: T-PII-001
                name: id card
                category: pii
                severity: error
                kind: pattern
                message: 身份证号 {value}
                {{Basis}}
                pattern: '(?<value>\d{17}[\dx])'
                validate: cn-id-card
                negation: ignore
                examples: {flag: [a, b], pass: [c, d]}
              - id: T-GUA-002
                name: rate guarantee
                category: guarantee
                severity: error
                kind: pattern
                message: 承诺{rate}收益
                {{Basis}}
                pattern: '(?<rate>\d+(\.\d+)?%)的?(年化)?收益.{0,4}保证'
                anchors: [保证]
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = BuildEngine(yaml);
        Scan(engine, "客户张三，身份证号11010519491231002X，已开户。").Single().Message.ShouldBe("身份证号 11010519491231002X");
        Scan(engine, "订单号110105194912310021，请留存。").ShouldBeEmpty();
        Scan(engine, "锁定６．５％年化收益，绝对保证！").Single().Message.ShouldBe("承诺６．５％收益");
        Scan(engine, "6.5%年化收益，仅为业绩比较基准").ShouldBeEmpty();
    }

    [Fact]
    public void Proximity_needs_both_terms_in_one_sentence_within_the_distance()
    {
        string yaml = $$"""
              - id: T-GUA-003
                name: guaranteed return
                category: guarantee
                severity: error
                kind: proximity
                message: 收益与保证相邻
                {{Basis}}
                first: [收益]
                second: [保证, 锁定]
                within: 6
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = BuildEngine(yaml);
        Scan(engine, "三年锁定高收益。").Single().Match.ShouldBe("锁定高收益");
        Scan(engine, "收益来自市场。我们保证服务质量。").ShouldBeEmpty();
        Scan(engine, "收益情况请参阅定期报告并以实际为准，保证金另计").ShouldBeEmpty();
    }

    private const string RequiredRules = $$"""
          - id: T-DIS-001
            name: wealth statement
            category: disclaimer
            severity: error
            kind: required
            message: 缺少理财风险提示
            {{Basis}}
            when: {products: [wealth]}
            require: [理财非存款、产品有风险、投资须谨慎]
            insert: {text: 理财非存款、产品有风险、投资须谨慎。, at: end}
            examples: {flag: [a, b], pass: [c, d]}
          - id: T-PERF-001
            name: benchmark beside returns
            category: disclaimer
            severity: warning
            kind: required
            message: 收益率旁缺少业绩比较基准
            {{Basis}}
            when:
              triggerPattern: '(近|成立以来).{0,6}(收益率|回报).{0,4}\d+(\.\d+)?%'
              triggerAnchors: [收益率, 回报]
            require: [业绩比较基准]
            scope: block
            blockWindow: 1
            insert: {text: 同期业绩比较基准为X%。, at: after-trigger-block}
            examples: {flag: [a, b], pass: [c, d]}
        """;

    [Fact]
    public void Required_statement_is_matched_tolerantly_and_reported_missing_with_its_text()
    {
        var engine = BuildEngine(RequiredRules);
        Scan(engine, "稳健理财，欢迎咨询。\n\n理财非存款，产品有风险，投资需谨慎！", product: "wealth").ShouldBeEmpty();
        var missing = Scan(engine, "稳健理财，欢迎咨询。", product: "wealth").Single();
        missing.RuleId.ShouldBe("T-DIS-001");
        missing.Fix!.Kind.ShouldBe(FixKind.InsertStatement);
        missing.Fix.Text.ShouldBe("理财非存款、产品有风险、投资须谨慎。");
        Scan(engine, "稳健理财，欢迎咨询。", product: "fund").ShouldBeEmpty();
    }

    [Fact]
    public void Block_scoped_statement_must_stand_beside_the_trigger_not_in_a_distant_footer()
    {
        var engine = BuildEngine(RequiredRules);
        const string Beside = "产品近一年收益率5.2%，同期业绩比较基准4.0%。\n\n其他介绍。";
        Scan(engine, Beside, product: "fund").ShouldBeEmpty();
        const string Footer = "产品近一年收益率5.2%。\n\n第二段。\n\n第三段。\n\n第四段：业绩比较基准为4.0%。";
        var f = Scan(engine, Footer, product: "fund").Single();
        (f.Line, f.Match).ShouldBe((1, "近一年收益率5.2%"));
        const string Table = "| 期间 | 收益率 |\n|---|---|\n| 成立以来收益率 | 12% |\n| 业绩比较基准 | 8% |\n";
        Scan(engine, Table, product: "fund", path: "t.md").ShouldBeEmpty();
    }

    [Fact]
    public void A_statement_counts_in_a_window_only_where_it_lies_wholly_inside_it()
    {
        var engine = BuildEngine(RequiredRules);

        // Broken across the two blocks of the window: found once the blocks are joined.
        Scan(engine, "产品近一年收益率5.2%，同期业绩比较\n\n基准4.0%。", product: "fund").ShouldBeEmpty();

        // Broken across the window's far edge: the part inside the window is not the statement.
        const string Edge = "产品近一年收益率5.2%。\n\n下一段说明业绩比较\n\n基准4.0%。";
        Scan(engine, Edge, product: "fund").Single().RuleId.ShouldBe("T-PERF-001");

        // The same statement twice: once outside the window, once inside it, beside the second trigger.
        const string Twice = "业绩比较基准4.0%。\n\n第二段。\n\n第三段。\n\n成立以来回报12%，业绩比较基准8%。\n\n第五段。\n\n第六段。\n\n近一年收益率5.2%。";
        var missing = Scan(engine, Twice, product: "fund").ShouldHaveSingleItem();
        missing.Line.ShouldBe(13);
    }

    [Fact]
    public void Suppression_needs_a_reason_and_keeps_the_finding_visible()
    {
        var engine = BuildEngine(Phrase("T-ABS-004", "最佳"));
        var suppressed = Scan(engine, "<!-- compliance-ignore T-ABS-004: 引用监管原文 -->\n最佳实践分享\n", path: "a.md").Single();
        suppressed.Suppressed.ShouldBeTrue();
        suppressed.SuppressionReason.ShouldBe("引用监管原文");
        var noReason = Scan(engine, "最佳实践 <!-- compliance-ignore T-ABS-004 -->\n", path: "a.md");
        noReason.ShouldContain(f => f.RuleId == "T-ABS-004" && !f.Suppressed);
        noReason.ShouldContain(f => f.RuleId == "CC-SUPPRESSION");
    }

    [Fact]
    public void A_hit_inside_a_longer_hit_of_the_same_category_is_reported_once()
    {
        var engine = BuildEngine(Phrase("T-GUA-010", "稳赚不赔", category: "guarantee") + Phrase("T-GUA-011", "稳赚", category: "guarantee"));
        Scan(engine, "这只产品稳赚不赔。").Single().RuleId.ShouldBe("T-GUA-010");
    }

    [Fact]
    public void A_longer_hit_does_not_hide_a_more_severe_hit_inside_it()
    {
        string review = $$"""
              - id: T-ABS-020
                name: a place's superlative
                category: absolute
                severity: warning
                kind: phrase
                message: x
                {{Basis}}
                phrases: [英国第一投资app]
                examples: {flag: [a, b], pass: [c, d]}

            """;
        var engine = BuildEngine(review + Phrase("T-ABS-021", "第一"));
        Scan(engine, "我们是英国第一投资app。").Single().RuleId.ShouldBe("T-ABS-021");
        var asSevere = BuildEngine(review + Phrase("T-ABS-022", "第一").Replace("severity: error", "severity: warning", StringComparison.Ordinal));
        Scan(asSevere, "我们是英国第一投资app。").Single().RuleId.ShouldBe("T-ABS-020");
    }

    [Theory]
    [InlineData("[09:14] 群主：完全对冲，risk-free，年化 25% 起步", true)]
    [InlineData("这个套利 guaranteed returns，放心冲", true)]
    [InlineData("这只ETF和QDII都能在App里买，风险等级R3。", false)]
    [InlineData("完全对冲，没有风险。", false)]
    public void English_claim_rules_read_the_english_words_of_a_chinese_draft(string text, bool english)
    {
        CodeSwitching.WritesEnglish(text).ShouldBe(english);
        var findings = Scan(TestRules.BuiltIn.Value, text + "\n", product: "wealth", channel: "chat");
        findings.Any(f => f.RuleId.StartsWith("EN-", StringComparison.Ordinal)).ShouldBe(english);
    }

    [Fact]
    public void English_statements_are_not_required_of_a_chinese_draft_that_borrows_english_words()
    {
        var findings = Scan(TestRules.BuiltIn.Value, "这个 stocks and shares ISA 收益很稳，年化8%。\n", product: "fund", channel: "wechat-article");
        findings.ShouldNotContain(f => f.RuleId.StartsWith("EN-", StringComparison.Ordinal) && f.Category == "disclaimer");
        findings.ShouldContain(f => f.RuleId.StartsWith("ZH-", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_of_other_products_channels_and_languages_do_not_apply()
    {
        var engine = BuildEngine(Phrase("T-PF-001", "私募", "    products: [private-fund]\n    channels: [wechat-moments]", "private-fund"));
        Scan(engine, "私募产品火热认购", product: "private-fund", channel: "wechat-moments").Count.ShouldBe(1);
        Scan(engine, "私募产品火热认购", product: "private-fund", channel: "print").ShouldBeEmpty();
        Scan(engine, "私募产品火热认购", product: "fund", channel: "wechat-moments").ShouldBeEmpty();
        Scan(engine, "私募产品火热认购", product: "private-fund", channel: "wechat-moments", lang: "en").ShouldBeEmpty();
    }

    [Fact]
    public void Catastrophic_regex_loads_and_scans_long_input_promptly()
    {
        string yaml = $$"""
              - id: T-REDOS-001
                name: redos
                category: other
                severity: warning
                kind: pattern
                message: x
                {{Basis}}
                pattern: '(a+)+$'
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = BuildEngine(yaml, "en");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Scan(engine, new string('a', 50_000) + "!", lang: "en").ShouldBeEmpty();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }
}

public class EnglishNegationTests
{
    private static readonly ComplianceCheck.Core.Engine.RuleEngine Engine = TestRules.BuildEngine(
        TestRules.Phrase("T-EN-GUA-001", "guaranteed returns, risk-free", category: "guarantee"), "en");

    [Theory]
    [InlineData("Returns are not guaranteed returns in any sense.", 0)]
    [InlineData("This is not a risk-free investment.", 0)]
    [InlineData("No investment is risk-free, and returns are not fully guaranteed returns.", 0)]
    [InlineData("We charge no commission. Guaranteed returns of 8% a year.", 1)]
    [InlineData("With no fees and guaranteed returns of 8% a year.", 1)]
    [InlineData("The fund has no sales charge and is risk-free.", 1)]
    public void Negation_governs_only_the_next_words_of_the_same_sentence(string text, int expected) =>
        TestRules.Scan(Engine, text, lang: "en").Count.ShouldBe(expected);
}

public class MixedScriptNegationTests
{
    [Fact]
    public void Chinese_negation_also_governs_a_latin_letter_hit()
    {
        var engine = TestRules.BuildEngine(TestRules.Phrase("T-ABS-020", "no.1, yyds"));
        TestRules.Scan(engine, "不要盲目追逐No.1的基金。").ShouldBeEmpty();
        TestRules.Scan(engine, "别迷信yyds的基金经理。").ShouldBeEmpty();
        TestRules.Scan(engine, "我们是行业No.1！").Count.ShouldBe(1);
    }
}

public class SpanPrecisionTests
{
    [Fact]
    public void A_match_ends_at_its_last_character_not_after_following_markup_or_inside_an_entity()
    {
        var engine = TestRules.BuildEngine(TestRules.Phrase("T-GUA-030", "稳赚不赔, 保本", category: "guarantee"));
        TestRules.Scan(engine, "这只**稳赚不赔**的产品", path: "a.md").Single().Match.ShouldBe("稳赚不赔");
        TestRules.Scan(engine, "<p>保&#26412;产品</p>", path: "a.html").Single().Match.ShouldBe("保&#26412;");
    }

    [Fact]
    public void A_trigger_inside_a_warning_does_not_require_a_statement()
    {
        string yaml = $$"""
              - id: T-APR-001
                name: apr
                category: apr
                severity: error
                kind: required
                message: 缺少年化利率
                {{TestRules.Basis}}
                when: {triggers: [低息贷款]}
                require: [年化利率]
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = TestRules.BuildEngine(yaml);
        TestRules.Scan(engine, "【反诈提醒】宣传“低息贷款”的都是骗子。", product: "credit").ShouldBeEmpty();
        TestRules.Scan(engine, "低息贷款，最快当天放款。", product: "credit").Single().RuleId.ShouldBe("T-APR-001");
    }

    [Fact]
    public void A_trigger_inside_one_of_the_rules_exceptions_does_not_require_a_statement()
    {
        string yaml = $$"""
              - id: T-APR-002
                name: apr
                category: apr
                severity: error
                kind: required
                message: 缺少年化利率
                {{TestRules.Basis}}
                when: {triggers: [利息]}
                exceptionPatterns: ['逾期[^。]{0,20}利息']
                require: [年化利率]
                examples: {flag: [a, b], pass: [c, d]}
            """;
        var engine = TestRules.BuildEngine(yaml);
        TestRules.Scan(engine, "逾期将产生违约金和利息，并影响征信。", product: "credit").ShouldBeEmpty();
        TestRules.Scan(engine, "借1万元每天利息只要2元。逾期将产生利息。", product: "credit").Single().RuleId.ShouldBe("T-APR-002");
    }
}
