using ComplianceCheck.Classifier;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Classifier.Tests;

/// <summary>The augmenter's rules, with a stand-in classifier so each path is exercised exactly.</summary>
public sealed class ModelAugmenterTests
{
    private static readonly DraftProfile Profile = new("wealth", "cli", null, null, ["zh-CN"], "cli");

    private sealed class FakeClassifier(Func<string, Prediction> predict) : ISentenceClassifier
    {
        public string Fingerprint => "fake";

        public List<string> Seen { get; } = [];

        public Prediction Predict(ReadOnlySpan<char> sentence)
        {
            string text = sentence.ToString();
            Seen.Add(text);
            return predict(text);
        }
    }

    private static Prediction P(string label, double p) => new(label, p, new Dictionary<string, double> { [label] = p });

    /// <summary>Guarantee for sentences with 稳稳, clean-warning for those with 警惕, clean-promo otherwise.</summary>
    private static FakeClassifier Fake(double p = 0.9) => new(s =>
        s.Contains("稳稳", StringComparison.Ordinal) ? P(Labels.Guarantee, p)
        : s.Contains("警惕", StringComparison.Ordinal) ? P(Labels.CleanWarning, p)
        : P(Labels.CleanPromo, 0.95));

    private static Finding RuleFinding(SourceDocument doc, string match, Severity severity = Severity.Error, Fix? fix = null)
    {
        int start = doc.Text.IndexOf(match, StringComparison.Ordinal);
        var pos = doc.Lines.PositionOf(start);
        var end = doc.Lines.PositionOf(start + match.Length);
        return new Finding
        {
            RuleId = "ZH-GUA-001",
            Category = "guarantee",
            Severity = severity,
            Message = "保证收益",
            Line = pos.Line,
            Column = pos.Column,
            EndLine = end.Line,
            EndColumn = end.Column,
            Match = match,
            LegalBasis = "law",
            StartOffset = start,
            EndOffset = start + match.Length,
            Fix = fix,
        };
    }

    [Fact]
    public void A_risky_sentence_no_rule_touches_becomes_a_model_finding_at_its_exact_span()
    {
        string text = "# 标题\n\n欢迎了解我们的产品。这款产品收益稳稳的，放心买！\n";
        var doc = DocumentLoader.LoadText("a.md", text);
        var findings = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, []);

        var f = findings.ShouldHaveSingleItem();
        f.Source.ShouldBe("model");
        f.RuleId.ShouldBe("ML-GUARANTEE");
        f.Category.ShouldBe("guarantee");
        f.Severity.ShouldBe(Severity.Warning);
        f.Confidence.ShouldBe(0.9);
        f.Message.ShouldContain("model judgement");
        f.Match.ShouldBe("这款产品收益稳稳的，放心买！");
        text[f.StartOffset..f.EndOffset].ShouldBe(f.Match);
        (f.Line, f.Column).ShouldBe((3, 11));
        (f.EndLine, f.EndColumn).ShouldBe((3, 25));
        f.LegalBasis.ShouldContain("广告法");
    }

    [Fact]
    public void In_a_draft_that_warns_against_claims_a_model_finding_is_reported_as_info()
    {
        const string Story = "我是怎么掉进养老投资陷阱的\n\n他们跟我说，这个项目收益稳稳的，到期就能拿回来。\n\n后来才知道我们这一批三百多人都被骗了。\n\n遇到这种情况要马上报警。\n";
        var warning = new ModelAugmenter(Fake(), new ModelSettings()).Augment(DocumentLoader.LoadText("a.md", Story), Profile, []).ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Info);
        warning.Note.ShouldBe(ModelAugmenter.WarningDraftNote);

        const string Promotion = "养老投资项目\n\n这个项目收益稳稳的，到期就能拿回来。\n\n谨防诈骗，遇到问题请报警。\n";
        new ModelAugmenter(Fake(), new ModelSettings()).Augment(DocumentLoader.LoadText("b.md", Promotion), Profile, []).ShouldHaveSingleItem()
            .Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void A_table_cell_holding_a_sentence_of_copy_is_judged_and_a_label_or_a_review_sheet_is_not()
    {
        const string Spec = "| 位置 | 文案 |\n| --- | --- |\n| 首页Banner | 稳健理财系列：本金稳稳的，收益看得见 |\n| 按钮 | 收益稳稳 |\n";
        var finding = new ModelAugmenter(Fake(), new ModelSettings()).Augment(DocumentLoader.LoadText("spec.md", Spec), Profile, []).ShouldHaveSingleItem();
        finding.Line.ShouldBe(3);

        const string Sheet = "| 原文 | 修改后 |\n| --- | --- |\n| 稳健理财系列：本金稳稳的，收益看得见 | 本产品不保本 |\n";
        new ModelAugmenter(Fake(), new ModelSettings()).Augment(DocumentLoader.LoadText("review.md", Sheet), Profile, []).ShouldBeEmpty();
    }

    [Fact]
    public void A_plan_line_whose_next_line_gives_the_annual_rate_is_no_credit_offer_without_one_but_a_finished_message_is()
    {
        var apr = new FakeClassifier(s => s.Contains("首付", StringComparison.Ordinal) ? P(Labels.Apr, 0.99) : P(Labels.CleanPromo, 0.95));
        var credit = new DraftProfile("credit", "cli", null, null, ["zh-CN"], "cli");
        const string Poster = "方案A：首付30%，贷款期限24期\n年化利率（单利）：3.99%\n";
        new ModelAugmenter(apr, new ModelSettings()).Augment(DocumentLoader.LoadText("a.txt", Poster), credit, []).ShouldBeEmpty();

        const string Batch = "SMS-07：首付两成即可提车，月供低至1999元。\nSMS-08：年化利率（单利）4.75%起。\n";
        new ModelAugmenter(apr, new ModelSettings()).Augment(DocumentLoader.LoadText("b.txt", Batch), credit, []).ShouldHaveSingleItem().Line.ShouldBe(1);
    }

    [Fact]
    public void Items_of_a_list_of_wording_to_avoid_get_no_model_finding()
    {
        string text = "销售话术\n\n五、禁用话术（以下内容严禁使用）\n1. 收益稳稳的，放心买\n2. 以客户收益稳稳到手作推荐理由\n\n六、推荐话术\n这款产品收益稳稳的，放心买！\n";
        var doc = DocumentLoader.LoadText("a.txt", text);
        var f = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem();
        f.Line.ShouldBe(8);
    }

    [Fact]
    public void Model_finding_spans_map_through_html_entities_to_the_original_text()
    {
        string text = "<html><body><p>欢迎了解我们的产品。这&amp;那产品收益稳稳的。</p></body></html>";
        var doc = DocumentLoader.LoadText("a.html", text);
        var f = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem();
        f.Match.ShouldBe("这&amp;那产品收益稳稳的。");
        text[f.StartOffset..f.EndOffset].ShouldBe(f.Match);
    }

    [Fact]
    public void Threshold_and_severity_come_from_the_config()
    {
        var doc = DocumentLoader.LoadText("a.txt", "这款产品收益稳稳的");
        new ModelAugmenter(Fake(0.7), new ModelSettings()).Augment(doc, Profile, []).ShouldBeEmpty();
        new ModelAugmenter(Fake(0.7), new ModelSettings { Threshold = 0.6, Severity = Severity.Error }).Augment(doc, Profile, [])
            .ShouldHaveSingleItem().Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void No_model_finding_where_a_rule_already_found_something()
    {
        var doc = DocumentLoader.LoadText("a.txt", "保本保息，收益稳稳的。另外还有一句话。");
        var rule = RuleFinding(doc, "保本保息");
        var findings = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, [rule]);
        findings.ShouldHaveSingleItem().ShouldBe(rule);
    }

    [Fact]
    public void A_model_finding_of_another_category_stands_beside_a_rule_finding()
    {
        var doc = DocumentLoader.LoadText("a.txt", "闭眼入，收益稳稳的。");
        var rule = RuleFinding(doc, "闭眼入") with { Category = "inducement", RuleId = "ZH-IND-010" };
        var findings = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, [rule]);
        findings.Count.ShouldBe(2);
        findings.ShouldContain(f => f.RuleId == "ML-GUARANTEE" && f.Source == "model");
        new ModelAugmenter(Fake(), new ModelSettings()) { BesideOtherCategories = false }.Augment(doc, Profile, [rule]).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_rule_hit_in_a_sentence_judged_clean_warning_is_downgraded_to_info()
    {
        var doc = DocumentLoader.LoadText("a.txt", "请警惕稳赚不赔的宣传。稳赚不赔，快来买。");
        var quoted = RuleFinding(doc, "稳赚不赔");
        int second = doc.Text.LastIndexOf("稳赚不赔", StringComparison.Ordinal);
        var asserted = quoted with { StartOffset = second, EndOffset = second + 4, Column = second + 1, EndColumn = second + 5 };
        var findings = new ModelAugmenter(Fake(0.9), new ModelSettings()).Augment(doc, Profile, [quoted, asserted]);

        findings.Count.ShouldBe(2);
        findings[0].Severity.ShouldBe(Severity.Info);
        findings[0].Note.ShouldBe("likely a quotation or warning");
        findings[0].Message.ShouldContain("likely a quotation or warning");
        findings[0].Message.ShouldStartWith("保证收益");
        findings[1].ShouldBe(asserted);
    }

    [Theory]
    [InlineData("稳赚不赔的基金定投方案，手把手教你上车", "稳赚不赔", false)]
    [InlineData("风险小、波动低，适合追求安稳的你。", "风险小", false)]
    [InlineData("谁说理财稳赚不赔？", "稳赚不赔", true)]
    [InlineData("不要相信“稳赚不赔”的宣传。", "稳赚不赔", true)]
    [InlineData("We promise you will never lose a penny.", "never lose a penny", false)]
    [InlineData("Be wary of anyone who says you can never lose a penny.", "never lose a penny", true)]
    [InlineData("ON-SCREEN TEXT: \"Can't go down long-term\"", "Can't go down", false)]
    [InlineData("口播：“这款理财稳赚不赔，放心冲！”", "稳赚不赔", false)]
    [InlineData("VO: \"Don't believe anyone who says a fund can't go down.\"", "can't go down", true)]
    [InlineData("\"Quite simply, we are the No.1 bank for families,\" Ms Ng added.", "No.1", false)]
    [InlineData("董事长表示：“我们就是全省最安全的银行。”", "最安全", false)]
    [InlineData("\"The No.1 bank for families,\" the complaint quoted the advert as saying.", "No.1", true)]
    public void Downgrade_needs_a_sign_of_warning_beside_the_flagged_words(string text, string match, bool lowered) =>
        SeverityBesideAWarningJudgement(text, match, rules: null).ShouldBe(lowered ? Severity.Info : Severity.Error);

    /// <summary>The severity a rule finding on <paramref name="match"/> keeps where the model judges the sentence a warning.</summary>
    private static Severity SeverityBesideAWarningJudgement(string text, string match, RuleSet? rules)
    {
        var doc = DocumentLoader.LoadText("a.txt", text);
        var warning = new FakeClassifier(_ => P(Labels.CleanWarning, 0.95));
        var augmenter = new ModelAugmenter(warning, new ModelSettings()) { Rules = rules };
        return augmenter.Augment(doc, Profile, [RuleFinding(doc, match)]).ShouldHaveSingleItem().Severity;
    }

    [Theory]
    [InlineData("本基金保本保收益，基金有风险，投资需谨慎。", "保本", false)]
    [InlineData("年化3.8%稳稳到手（理财非存款、产品有风险、投资须谨慎）", "稳稳到手", false)]
    [InlineData("Guaranteed 9% a year. Capital at risk.", "Guaranteed 9%", false)]
    [InlineData("谁说基金保本？基金有风险，投资需谨慎。", "保本", true)]
    [InlineData("Anyone who says guaranteed 9% a year is lying; capital at risk.", "guaranteed 9%", true)]
    public void A_standard_risk_statement_beside_a_claim_is_no_sign_that_the_sentence_warns(string text, string match, bool lowered)
    {
        SeverityBesideAWarningJudgement(text, match, RuleSet.Load()).ShouldBe(lowered ? Severity.Info : Severity.Error);

        // Without the rule packs the statements are unknown, and their words of risk read as a warning.
        SeverityBesideAWarningJudgement(text, match, rules: null).ShouldBe(Severity.Info);
    }

    [Fact]
    public void The_advertisers_own_voice_in_quotation_marks_may_still_be_a_quotation_in_a_draft_that_warns_against_claims()
    {
        string text = "反诈课堂：识别诈骗话术\n\n警惕高收益陷阱。\n\n谨防冒充银行的骗局。\n\n骗子说：“我们的产品是全省最安全的。”\n";
        var doc = DocumentLoader.LoadText("a.txt", text);
        var rule = RuleFinding(doc, "最安全");
        var warning = new FakeClassifier(_ => P(Labels.CleanWarning, 0.95));
        new ModelAugmenter(warning, new ModelSettings()).Augment(doc, Profile, [rule]).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void A_quoted_line_in_a_draft_that_warns_against_claims_gets_no_model_finding()
    {
        string script = "反诈短视频脚本\n\n镜头1\n陌生男子：“这个项目收益稳稳的，名额不多。”\n字幕：警惕！这是典型诈骗话术\n\n镜头2\n女儿：“爸，当心骗局。”\n\n口播：谨防投资陷阱。\n";
        var doc = DocumentLoader.LoadText("a.txt", script);
        new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, []).ShouldBeEmpty();

        // The same line in a promotion is the draft's own claim.
        var promotion = DocumentLoader.LoadText("a.txt", "新品上市\n主播：“这个项目收益稳稳的，名额不多。”\n");
        new ModelAugmenter(Fake(), new ModelSettings()).Augment(promotion, Profile, []).ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("弹幕肯定有人问“这只保本吗”——不保本！没有任何基金是保本的。", false)]
    [InlineData("如果你完全接受不了本金出现亏损，那这类产品并不适合你。", false)]
    [InlineData("If you can't afford to lose money, this fund is not suitable for you.", false)]
    [InlineData("客户总问“这只保本吗”，我都说放心，保本！", true)]
    [InlineData("很多人问这只保本吗？答案是：到期保本保息。", true)]
    [InlineData("接受不了亏损？那就买这款，本金稳稳的。", true)]
    [InlineData("这是一款增额终身寿险，有效保险金额每年按3.0%复利递增。", false)]
    [InlineData("保额每年3.5%复利递增，相当于收益锁定一辈子。", true)]
    [InlineData("Hold the portfolio for five years and it is guaranteed never to lose value.", true)]
    public void A_guarantee_the_sentence_only_asks_about_and_denies_or_a_suitability_warning_gets_no_model_finding(string text, bool flagged)
    {
        FlaggedAsGuarantee(text).ShouldBe(flagged);
    }

    /// <summary>Whether a one-line draft gets a finding when the model reads every sentence as a confident guarantee.</summary>
    private static bool FlaggedAsGuarantee(string text)
    {
        var guarantee = new FakeClassifier(_ => P(Labels.Guarantee, 0.95));
        var doc = DocumentLoader.LoadText("a.txt", text + "\n");
        return new ModelAugmenter(guarantee, new ModelSettings()).Augment(doc, Profile, []).Any();
    }

    [Theory]
    [InlineData("客户：存款安全吗？会不会像理财一样亏？", false)]
    [InlineData("2024-06-03 10:16 客户A：这个会不会亏本金？", false)]
    [InlineData("7. 评论：这只基金保本吗？", false)]
    [InlineData("Customer: Is my money guaranteed?", false)]
    [InlineData("客户经理：还在担心亏钱吗？", true)]
    [InlineData("客户：这个保本吗？客服：放心，保本保息。", true)]
    [InlineData("会不会像理财一样亏？不会，本金一分不少。", true)]
    [InlineData("小晴：那有没有收益高一点又不亏的？", false)]
    [InlineData("咁即系唔会亏？", false)]
    [InlineData("钱只会多不会少，还有什么好担心的？", true)]
    [InlineData("当然，今年赚钱主要是市场给面子，明年不一定。", false)]
    [InlineData("短期不一定涨，但拿满三年一定赚。", true)]
    public void A_customers_question_in_a_chat_or_comment_thread_gets_no_model_finding(string text, bool flagged)
    {
        FlaggedAsGuarantee(text).ShouldBe(flagged);
    }

    [Theory]
    [InlineData("不构成投资建议哈，不过跟我上车的家人们这周都吃到了两个涨停板。", "跟我上车的家人们这周都吃到了两个涨停板。")]
    [InlineData("Not financial advice, but everyone in my group is up 80% on these calls today.", "everyone in my group is up 80% on these calls today.")]
    [InlineData("以上内容不构成投资建议，但请注意控制仓位。", null)]
    [InlineData("不但收益稳定，而且不构成任何风险。", null)]
    [InlineData("Beware of unfair fees, but everyone in my group is up 80% on these calls today.", null)]
    public void A_claim_after_a_disclaimer_and_a_but_is_judged_on_its_own(string text, string? flagged)
    {
        var model = new FakeClassifier(s =>
            s.Contains("不构成", StringComparison.Ordinal) || s.Contains("advice", StringComparison.Ordinal) || s.Contains("unfair", StringComparison.Ordinal)
                ? P(Labels.CleanWarning, 0.95)
            : s.Contains("涨停", StringComparison.Ordinal) || s.Contains("80%", StringComparison.Ordinal) ? P(Labels.Testimonial, 0.97)
            : P(Labels.CleanPromo, 0.95));
        var doc = DocumentLoader.LoadText("a.txt", text + "\n");

        var findings = new ModelAugmenter(model, new ModelSettings()).Augment(doc, Profile, []);

        if (flagged == null)
        {
            findings.ShouldBeEmpty();
        }
        else
        {
            findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(f => f.Match.ShouldBe(flagged), f => f.Category.ShouldBe("testimonial"));
        }
    }

    [Fact]
    public void A_testimonial_quoted_under_a_cue_of_warning_gets_no_model_finding()
    {
        var testimonial = new FakeClassifier(_ => P(Labels.Testimonial, 0.95));
        var shown = DocumentLoader.LoadText("a.txt", "在投教短视频里，我们模拟了诈骗分子的开场白：“姐，这个产品我自己都买了十万，三个月就赚了一万。”\n");
        new ModelAugmenter(testimonial, new ModelSettings()).Augment(shown, Profile, []).ShouldBeEmpty();

        var told = DocumentLoader.LoadText("a.txt", "王女士说：“这个产品我自己都买了十万，三个月就赚了一万。”你心动吗？\n");
        new ModelAugmenter(testimonial, new ModelSettings()).Augment(told, Profile, []).ShouldHaveSingleItem().RuleId.ShouldBe("ML-TESTIMONIAL");
    }

    [Fact]
    public void Downgrade_needs_the_downgrade_threshold_and_never_touches_missing_disclaimers()
    {
        var doc = DocumentLoader.LoadText("a.txt", "请警惕稳赚不赔的宣传。");
        var rule = RuleFinding(doc, "稳赚不赔");
        double below = new ModelSettings().DowngradeThreshold - 0.05;
        new ModelAugmenter(Fake(below), new ModelSettings()).Augment(doc, Profile, [rule]).ShouldHaveSingleItem().ShouldBe(rule);

        var missing = RuleFinding(doc, "稳赚不赔", fix: new Fix(FixKind.InsertStatement, 11, 11, "理财非存款")) with { Category = "disclaimer" };
        new ModelAugmenter(Fake(0.99), new ModelSettings()).Augment(doc, Profile, [missing]).ShouldHaveSingleItem().ShouldBe(missing);
    }

    [Fact]
    public void A_rule_finding_already_lowered_as_a_quotation_does_not_stop_the_model()
    {
        var doc = DocumentLoader.LoadText("a.txt", "说是“保本”，其实收益稳稳的。");
        var quoted = RuleFinding(doc, "保本", Severity.Info) with { Note = "likely a quotation or warning" };
        var findings = new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, [quoted]);
        findings.Count.ShouldBe(2);
        findings.ShouldContain(f => f.Source == "model" && f.RuleId == "ML-GUARANTEE");
        new ModelAugmenter(Fake(), new ModelSettings()).Augment(doc, Profile, [quoted with { Severity = Severity.Warning }]).Count.ShouldBe(1);
    }

    [Fact]
    public void Every_sentence_that_could_matter_is_judged_once_short_ones_with_their_neighbour()
    {
        var fake = Fake();
        var doc = DocumentLoader.LoadText("a.md", "# 标题\n\n第一句。第二句！这是完整的第三句话。Third one. Fourth?\n\n- 这是列表里的一项说明\n\n🔥🔥\n");
        new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []).ShouldBeEmpty();

        // The heading can get no model finding and holds no rule finding to lower, so it is not judged at all; the short
        // paragraph, where no sentence was flagged nor surely clean, is judged once more as a whole post.
        fake.Seen.ShouldBe(["第一句。第二句！", "这是完整的第三句话。", "Third one. Fourth?", "第一句。第二句！这是完整的第三句话。Third one. Fourth?", "这是列表里的一项说明"]);
    }

    [Fact]
    public void A_fragment_on_a_line_of_its_own_is_not_joined_to_the_next_line()
    {
        var fake = Fake();
        var doc = DocumentLoader.LoadText("a.txt", "预期收益\n每年收益稳稳的，到期一次领取。\n回T退订\n");
        var finding = new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem();
        finding.Line.ShouldBe(2);
        finding.Match.ShouldBe("每年收益稳稳的，到期一次领取。");
        fake.Seen.ShouldBe(["每年收益稳稳的，到期一次领取。"]);

        var sameLine = Fake();
        new ModelAugmenter(sameLine, new ModelSettings()).Augment(DocumentLoader.LoadText("b.txt", "稳稳的！每年收益都这么多，到期一次领取。"), Profile, []);
        sameLine.Seen.ShouldBe(["稳稳的！每年收益都这么多，到期一次领取。"]);
    }

    [Fact]
    public void A_heading_is_judged_only_when_a_rule_finding_there_might_be_lowered()
    {
        var doc = DocumentLoader.LoadText("a.md", "# 保本理财是骗局\n\n正文第一句话在这里。\n");
        var warning = new FakeClassifier(_ => P(Labels.CleanWarning, 0.95));
        var rule = RuleFinding(doc, "保本");
        var lowered = new ModelAugmenter(warning, new ModelSettings()).Augment(doc, Profile, [rule]).ShouldHaveSingleItem();
        lowered.Severity.ShouldBe(Severity.Info);
        warning.Seen.ShouldContain("保本理财是骗局");

        var unflagged = new FakeClassifier(_ => P(Labels.CleanWarning, 0.95));
        new ModelAugmenter(unflagged, new ModelSettings()).Augment(doc, Profile, []).ShouldBeEmpty();
        unflagged.Seen.ShouldNotContain("保本理财是骗局");
    }

    [Fact]
    public void Headings_table_cells_and_fragments_get_no_model_finding()
    {
        var fake = new FakeClassifier(_ => P(Labels.Inducement, 0.99));
        var doc = DocumentLoader.LoadText("a.md", "# 稳健理财产品推荐\n\nApply now\n\n| 稳健理财产品推荐 |\n| --- |\n| 稳健理财产品推荐 |\n\n错过再等一年，今天就下单吧\n");
        new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem().Match.ShouldBe("错过再等一年，今天就下单吧");
    }

    [Fact]
    public void Standard_risk_disclosures_never_become_model_findings()
    {
        var fake = new FakeClassifier(_ => P(Labels.Guarantee, 0.99));
        var doc = DocumentLoader.LoadText("a.md", "Investing involves risk, including possible loss of principal.\n\n"
            + "基金的过往业绩并不预示其未来表现，也不表明投资于本基金没有风险。\n\nNot FDIC insured. May lose value. No bank guarantee.\n");
        new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []).ShouldBeEmpty();

        // Five sentences, and the three-sentence FDIC line once more as a whole post.
        fake.Seen.Count.ShouldBe(6);
    }

    [Fact]
    public void Sentence_splitter_keeps_closing_quotes_and_decimals()
    {
        string text = "他说：“稳赚不赔。”然后走了。Rates are 3.5% now. Done";
        SentenceSplitter.Split(text).Select(s => text[s.Start..s.End])
            .ShouldBe(["他说：“稳赚不赔。”", "然后走了。", "Rates are 3.5% now.", "Done"]);
    }

    [Fact]
    public void A_sentence_without_any_financial_or_promotional_cue_needs_the_higher_threshold()
    {
        // Neutral prose (an operations write-up) read as a guarantee at 0.9: no finding; at 0.97 (above NoCueThreshold) one.
        var doc = DocumentLoader.LoadText("a.txt", "试点结束后，项目组会逐步扩大覆盖范围。\n这款产品到期收益稳稳落袋。\n");
        var neutral = new FakeClassifier(_ => P(Labels.Guarantee, 0.9));
        var found = new ModelAugmenter(neutral, new ModelSettings()).Augment(doc, Profile, []);
        found.ShouldHaveSingleItem().Match.ShouldBe("这款产品到期收益稳稳落袋。");

        var sure = new FakeClassifier(_ => P(Labels.Guarantee, 0.97));
        new ModelAugmenter(sure, new ModelSettings()).Augment(doc, Profile, []).Count.ShouldBe(2);
        new ModelAugmenter(neutral, new ModelSettings()) { NoCueThreshold = 0.75 }.Augment(doc, Profile, []).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("这款理财到期拿回本金。", true)]
    [InlineData("家人们冲！", true)]
    [InlineData("同类产品里它一骑绝尘。", true)]
    [InlineData("You simply can't lose with this plan.", true)]
    [InlineData("The finest advisers in the land.", true)]
    [InlineData("试点结束后，项目组会逐步扩大覆盖范围。", false)]
    [InlineData("3.2 转化漏斗拆解", false)]
    [InlineData("最终方案需经过三方会签后才能上线。", false)]
    [InlineData("Meeting notes have been shared with the project channel.", false)]
    public void Domain_cue_tells_marketing_copy_from_neutral_prose(string sentence, bool expected) =>
        DomainCue.Has(sentence).ShouldBe(expected);

    [Theory]
    [InlineData("行情下行时，账户可能出现亏损。", true)]
    [InlineData("投资者可能损失部分本金。", true)]
    [InlineData("这款产品不可能亏损，放心买。", false)]
    [InlineData("本金绝不可能出现亏损。", false)]
    [InlineData("我们不能保证您的投资一定赚钱，也不会替您承担亏损。", true)]
    [InlineData("No investment is risk-free, no matter what the ad says.", true)]
    [InlineData("We can't guarantee future returns.", true)]
    [InlineData("业绩比较基准是年化2.5%-3.0%，这个只是参考，不代表实际收益。", true)]
    [InlineData("我们保证您的投资一定赚钱。", false)]
    [InlineData("保额每年按3.0%递增，但这不等于你的钱每年涨3.0%。", true)]
    [InlineData("保额每年按3.0%递增，你的钱每年稳涨3.0%。", false)]
    [InlineData("这个我要纠正一下，我们从来没有说过不会亏钱，权益基金的净值一定会有波动。", true)]
    [InlineData("Earnings growth could be in the high single digits, but this is a forecast, not a certainty.", true)]
    [InlineData("Rebalancing does not remove the risk of loss.", true)]
    [InlineData("Capital is at risk, but this fund has never lost money in a single year.", false)]
    [InlineData("This plan is guaranteed never to lose value.", false)]
    [InlineData("借款前请评估自身还款能力，理性借贷。", true)]
    [InlineData("Surrendering early means getting back less than you paid in.", true)]
    [InlineData("With the 100/100 option it's impossible to get back less than you put in.", false)]
    [InlineData("前几年退保是亏的，短期要用的钱千万别放。", true)]
    [InlineData("Missed payments may affect your credit score.", true)]
    public void Disclosure_guard_reads_possible_loss_but_not_impossible_loss(string sentence, bool expected) =>
        DisclosureGuard.HasDisclosure(sentence).ShouldBe(expected);

    [Theory]
    [InlineData("借款年化利率（单利）3.6%起，借1万元分12期。", true)]
    [InlineData("分期手续费每期0.55%，折算年化利率约为12%。", true)]
    [InlineData("本产品年利率7.2%，按日计息。", true)]
    [InlineData("借款利率为7.2%（年化），随借随还。", true)]
    [InlineData("APR ranges from 8.99% to 24.99% based on creditworthiness.", true)]
    [InlineData("Borrow $10,000 over 36 months at 11.5% APR.", true)]
    [InlineData("Representative 19.9% APR (variable).", true)]
    [InlineData("The annual percentage rate is 6.5% for qualified buyers.", true)]
    [InlineData("日息低至万分之三，借1万一天只要3块钱。", false)]
    [InlineData("年化收益有保障，放心借。", false)]
    [InlineData("Flat fee of 10% on your advance, no APR to worry about.", false)]
    [InlineData("Only 0.04% per day on our quick loan.", false)]
    public void Annual_rate_guard_needs_an_annualised_rate_with_its_number(string sentence, bool expected) =>
        AnnualRateGuard.StatesAnnualRate(sentence).ShouldBe(expected);

    [Fact]
    public void A_sentence_that_states_its_annual_rate_is_no_apr_finding_however_loan_like_it_reads()
    {
        var credit = Profile with { Product = "credit" };
        var doc = DocumentLoader.LoadText("a.txt", "借款年化利率（单利）7.2%起，最快3分钟到账。\n日息低至万分之三，借1万一天只要3块钱。\n");
        var apr = new FakeClassifier(_ => P(Labels.Apr, 0.95));
        new ModelAugmenter(apr, new ModelSettings()).Augment(doc, credit, []).ShouldHaveSingleItem().Match.ShouldBe("日息低至万分之三，借1万一天只要3块钱。");
    }

    [Theory]
    [InlineData("各位读者朋友，大家好！", true)]
    [InlineData("家人们晚上好！", true)]
    [InlineData("今天的分享就到这里，下周四同一时间再见。", true)]
    [InlineData("下周四同一时间，直播间抢购限量理财。", false)]
    [InlineData("宝子们，我们下期见～👋", true)]
    [InlineData("Link in bio. Bye!", true)]
    [InlineData("Hey guys, welcome back to my channel!", true)]
    [InlineData("[开场]\n家人们晚上好！", true)]
    [InlineData("【口播】宝子们好呀～", true)]
    [InlineData("各位股友，大家晚上好！", true)]
    [InlineData("各位投资者朋友，新年快乐！感谢一路以来的信任与陪伴。", true)]
    [InlineData("#借钱 #周转 #消费贷 #打工人", true)]
    [InlineData("各位股友，这只票下周必涨！", false)]
    [InlineData("家人们冲！", false)]
    [InlineData("宝子们，今天给大家分享一只基金。", false)]
    [InlineData("Hey guys, this fund doubled my money!", false)]
    [InlineData("大家好，这款理财稳赚不赔。", false)]
    [InlineData("今天就到这里，我们下周三晚八点见！", true)]
    [InlineData("有任何问题随时找我，祝您生活愉快！", true)]
    [InlineData("今晚8点准时开抢，手慢无！", false)]
    [InlineData("#借钱#周转#消费贷#", true)]
    [InlineData("Dear Valued Client,", true)]
    [InlineData("Dear client, this fund doubled in a year.", false)]
    [InlineData("Dear Mr and Mrs Whitfield,", true)]
    [InlineData("尊敬的王先生：", true)]
    [InlineData("尊敬的客户，本产品保本保息。", false)]
    public void Salutation_guard_knows_a_greeting_from_a_sentence_that_says_something(string sentence, bool expected) =>
        SalutationGuard.IsOnlySalutation(sentence).ShouldBe(expected);

    [Fact]
    public void Salutation_guard_settles_sentences_built_to_make_a_matcher_backtrack()
    {
        SalutationGuard.IsOnlySalutation(string.Concat(Enumerable.Repeat("#借钱! ", 40)) + "稳赚").ShouldBeFalse();
        SalutationGuard.IsOnlySalutation(string.Concat(Enumerable.Repeat("#借钱! ", 40))).ShouldBeTrue();
        SalutationGuard.IsOnlySalutation(new string('哈', 5000) + "赚").ShouldBeFalse();
    }

    [Fact]
    public void A_greeting_is_never_a_model_finding()
    {
        var doc = DocumentLoader.LoadText("a.txt", "家人们晚上好！\n错过再等一年，今天就下单吧！\n");
        var inducement = new FakeClassifier(_ => P(Labels.Inducement, 0.99));
        new ModelAugmenter(inducement, new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem().Match.ShouldBe("错过再等一年，今天就下单吧！");
    }

    [Fact]
    public void A_word_the_rules_judged_quoted_is_not_claimed_again_by_the_model()
    {
        var doc = DocumentLoader.LoadText("a.txt", "这里的“最优”指的是数学上的有效前沿。\n");
        var quoted = new Finding
        {
            RuleId = "ZH-ABS-001",
            Category = Labels.Absolute,
            Severity = Severity.Info,
            Message = "m",
            Line = 1,
            Column = 5,
            EndLine = 1,
            EndColumn = 7,
            Match = "最优",
            LegalBasis = "b",
            StartOffset = 4,
            EndOffset = 6,
        };
        var readsTheWord = new FakeClassifier(text => text.Contains("最优", StringComparison.Ordinal) ? P(Labels.Absolute, 0.99) : P(Labels.CleanPromo, 0.9));
        new ModelAugmenter(readsTheWord, new ModelSettings()).Augment(doc, Profile, [quoted]).ShouldHaveSingleItem().ShouldBeSameAs(quoted);

        // A quoted testimonial is still one: quotation marks are its form.
        new ModelAugmenter(new FakeClassifier(_ => P(Labels.Testimonial, 0.99)), new ModelSettings()).Augment(doc, Profile, [quoted with { Category = Labels.Testimonial }])
            .Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("guarantee", "You'll never lose a penny with us.", true)]
    [InlineData("guarantee", "It pays you like clockwork.", true)]
    [InlineData("guarantee", "Your loan has been repaid in full.", false)]
    [InlineData("guarantee", "Their losses become your losses too.", false)]
    [InlineData("guarantee", "We take the losses, so you don't have to.", true)]
    [InlineData("guarantee", "You can't lose.", true)]
    [InlineData("guarantee", "Risk? We've taken care of that.", true)]
    [InlineData("absolute", "Other insurers simply can't compete with us.", true)]
    [InlineData("absolute", "Meet the b\u200Best-performing fund of the decade", true)]
    [InlineData("absolute", "Thanks, {name}.", false)]
    [InlineData("absolute", "The latest issue of our pension newsletter is out now.", false)]
    [InlineData("absolute", "Interest is paid monthly on your savings.", false)]
    [InlineData("absolute", "Our strongest savings rate yet.", true)]
    [InlineData("absolute", "Top up by bank transfer and start buying.", false)]
    [InlineData("absolute", "No account minimum. No trading commissions.", false)]
    [InlineData("absolute", "No other bank pays more.", true)]
    [InlineData("absolute", "There's no finer place to grow your wealth.", true)]
    [InlineData("absolute", "Other fees may apply.", false)]
    [InlineData("absolute", "Fees from $4.99, whatever you trade.", false)]
    [InlineData("guarantee", "Fees from $4.99, whatever you trade.", true)]
    [InlineData("inducement", "Doors close Friday.", true)]
    [InlineData("inducement", "Same time next Monday.", false)]
    [InlineData("inducement", "Office hours are 8:30 a.m. to 5 p.m., Monday through Friday.", false)]
    [InlineData("inducement", "Cash in your account within hours.", true)]
    [InlineData("inducement", "Approved in 10 minutes.", true)]
    [InlineData("inducement", "We covered this topic last week.", false)]
    [InlineData("inducement", "Last chance to lock in this rate.", true)]
    [InlineData("inducement", "Reach us by phone or e-mail at the address below.", false)]
    [InlineData("testimonial", "My sister swears by it.", true)]
    [InlineData("testimonial", "The chart has some ugly years in it.", false)]
    [InlineData("apr", "Borrow for less every month.", true)]
    [InlineData("apr", "Thanks for being with us.", false)]
    [InlineData("absolute", "这是最好的基金", true)]
    [InlineData("clean-promo", "Anything at all.", true)]
    public void An_english_model_label_needs_a_word_it_could_rest_on(string label, string sentence, bool expected) =>
        EnglishLabelCue.Supports(label, sentence).ShouldBe(expected);

    [Theory]
    [InlineData("Is my retirement money safe?", true)]
    [InlineData("How are fees charged?", true)]
    [InlineData("Are you on it?", false)]
    [InlineData("What are you waiting for?", false)]
    [InlineData("Why wait?", false)]
    [InlineData("Returns are guaranteed.", false)]
    [InlineData("这个产品保本吗？", false)]
    public void A_plain_english_question_asks_rather_than_claims(string sentence, bool expected) =>
        EnglishLabelCue.IsPlainQuestion(sentence).ShouldBe(expected);

    [Theory]
    [InlineData("# One message per line.", false)]
    [InlineData("Rated #1 by our customers.", true)]
    public void A_hash_counts_as_a_cue_only_before_a_number(string sentence, bool expected) =>
        EnglishLabelCue.Supports(Labels.Absolute, sentence).ShouldBe(expected);

    [Fact]
    public void An_english_sentence_with_nothing_of_the_label_gets_no_model_finding()
    {
        var doc = DocumentLoader.LoadText("a.txt", "Same time next Monday.\nHurry, the offer ends at midnight.\n");
        var inducement = new FakeClassifier(_ => P(Labels.Inducement, 0.99));
        new ModelAugmenter(inducement, new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem().Match.ShouldBe("Hurry, the offer ends at midnight.");
    }

    [Theory]
    [InlineData("Best regards, The Client Services Team", true)]
    [InlineData("Kind regards, Anna", true)]
    [InlineData("此致 敬礼！", true)]
    [InlineData("Best returns in the market, guaranteed.", false)]
    [InlineData("今天的直播就到这里，明天同一时间不见不散。", true)]
    [InlineData("直播间下单加送体检卡。", false)]
    public void A_letter_closing_counts_as_a_salutation_whatever_signature_follows(string sentence, bool expected) =>
        SalutationGuard.IsOnlySalutation(sentence).ShouldBe(expected);

    [Fact]
    public void An_apr_judgement_is_given_only_where_the_packs_apr_rules_apply()
    {
        var doc = DocumentLoader.LoadText("a.txt", "No monthly fees, and your first transfer is free of charge.\n");
        var apr = new FakeClassifier(_ => P(Labels.Apr, 0.99));
        var rules = RuleSet.Load();
        var en = new DraftProfile("deposit", "cli", null, null, ["en"], "cli");
        new ModelAugmenter(apr, new ModelSettings()) { Rules = rules }.Augment(doc, en, []).ShouldBeEmpty();
        new ModelAugmenter(apr, new ModelSettings()) { Rules = rules }.Augment(doc, en with { Product = "credit" }, []).ShouldHaveSingleItem()
            .RuleId.ShouldBe("ML-APR");
        new ModelAugmenter(apr, new ModelSettings()).Augment(doc, en, []).ShouldHaveSingleItem();
    }

    [Fact]
    public void An_annual_rate_on_the_same_line_prices_the_offer_but_another_line_s_does_not()
    {
        var apr = new FakeClassifier(text => text.Contains("APR", StringComparison.Ordinal) ? P(Labels.CleanPromo, 0.99) : P(Labels.Apr, 0.99));
        var credit = new DraftProfile("credit", "cli", null, null, ["en"], "cli");
        var sameLine = DocumentLoader.LoadText("a.txt", "Student Card: 34.9% APR representative (variable). No UK credit history needed.\n");
        new ModelAugmenter(apr, new ModelSettings()).Augment(sameLine, credit, []).ShouldBeEmpty();

        var twoMessages = DocumentLoader.LoadText("b.txt", "Student Card: 34.9% APR representative (variable).\nBorrow today, repay from just £3 a week.\n");
        new ModelAugmenter(apr, new ModelSettings()).Augment(twoMessages, credit, []).ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("VO: \"The fund was up 41% last year.\"", "The fund was up 41% last year.", false)]
    [InlineData("ON-SCREEN TEXT: \"+41% in 2025\"", "+41% in 2025", false)]
    [InlineData("HOST (read by Sam): You can start with $5.", "You can start with $5.", false)]
    [InlineData("口播：“这款产品收益稳稳的！”", "这款产品收益稳稳的！", false)]
    [InlineData("字幕：随借随还", "随借随还", false)]
    [InlineData("SHOT 6 (26-32s): Creator scrolling analyst tweets.", "Creator scrolling analyst tweets.", true)]
    [InlineData("镜头3：主播举起手机展示收益截图", "主播举起手机展示收益截图", true)]
    [InlineData("Campaign: \"Ready for Retirement\" – spring burst", "Ready for Retirement\" – spring burst", true)]
    [InlineData("助理：现在开户，三分钟搞定。", "现在开户，三分钟搞定。", false)]
    [InlineData("按钮：立即测额度", "立即测额度", false)]
    [InlineData("[20:45] 主播：好啦，今天的直播就到这里", "好啦，今天的直播就到这里", false)]
    [InlineData("RISK WARNING: \"Capital at risk.\"", "RISK WARNING: \"Capital at risk.\"", false)]
    [InlineData("Vocabulary: 收益稳稳的", "Vocabulary: 收益稳稳的", false)]
    [InlineData("本金安全：收益稳稳的", "本金安全：收益稳稳的", false)]
    [InlineData("2024-03-12 10:14 海阔天空：跟着李老师三个月，账户从12万做到了21万", "跟着李老师三个月，账户从12万做到了21万", false)]
    [InlineData("[12/03/2024, 10:14 pm] Sam Lee: I'm up 40% this month", "I'm up 40% this month", false)]
    [InlineData("2024年3月12日：本基金不保本", "2024年3月12日：本基金不保本", false)]
    public void A_script_cue_and_the_quotation_marks_after_it_are_not_copy(string unit, string copy, bool stage)
    {
        string text = "x\n" + unit + "\n";
        var (start, end, isStage) = ScriptCue.Copy(text, 2, 2 + unit.Length);
        text[start..end].ShouldBe(copy);
        isStage.ShouldBe(stage);
    }

    [Fact]
    public void The_model_reads_a_script_line_without_its_cue_and_never_flags_a_stage_direction()
    {
        var doc = DocumentLoader.LoadText("script.txt", "镜头1：主播展示收益稳稳的截图\n口播：“这款产品收益稳稳的！”\n");
        var fake = Fake();
        var finding = new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []).ShouldHaveSingleItem();

        finding.Match.ShouldBe("这款产品收益稳稳的！");
        finding.Line.ShouldBe(2);
        fake.Seen.ShouldNotContain(s => s.Contains("口播", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("评论区有人问是不是稳赚了，我的回答是：没有稳赚这回事。", false)]
    [InlineData("在我这儿买基金，我不会跟您说保本，因为它本来就不保本。", false)]
    [InlineData("Returns are not guaranteed and you could lose money.", false)]
    [InlineData("没有风险，稳赚不赔，闭眼入。", true)]
    [InlineData("这款产品收益稳稳的。", true)]
    public void A_guarantee_judgement_stands_only_where_some_word_of_the_promise_is_not_negated(string sentence, bool flagged)
    {
        var model = new FakeClassifier(_ => P(Labels.Guarantee, 0.99));
        var doc = DocumentLoader.LoadText("a.txt", sentence + "\n");
        new ModelAugmenter(model, new ModelSettings()).Augment(doc, Profile, []).Count.ShouldBe(flagged ? 1 : 0);
    }

    [Theory]
    [InlineData(Labels.Absolute, "张远：我们不追求最高收益，更看重回撤控制。", false)]
    [InlineData(Labels.Absolute, "我们的收益是同类最高的。", true)]
    [InlineData(Labels.Apr, "用户：借1万一年利息多少？", false)]
    [InlineData(Labels.Apr, "借1万一天利息只要2元。", true)]
    [InlineData(Labels.Apr, "一块钱一天，周转一万，这事儿还需要犹豫吗？", true)]
    [InlineData(Labels.Apr, "Pay in 3 interest-free instalments with no fees when you pay on time.", false)]
    [InlineData(Labels.Apr, "Pay in 12 easy instalments, interest-free for the first 3 months.", true)]
    [InlineData(Labels.Guarantee, "【鑫盈理财】您认购的「安心盈90天」已到期，本金及收益已返还至您的银行卡。", false)]
    [InlineData(Labels.Guarantee, "Your interest of £4.12 has been paid into your Easy Saver.", false)]
    [InlineData(Labels.Guarantee, "到期本金及收益全额返还，一分不少。", true)]
    [InlineData(Labels.Inducement, "小满：今天的直播就到这里，下周三同一时间见！", false)]
    [InlineData(Labels.Inducement, "小满：今天的直播就到这里，最后十分钟抢购！", true)]
    [InlineData(Labels.Testimonial, "Check my offer", false)]
    [InlineData(Labels.Testimonial, "Check my account: up £3,180 in a year with Tidewell funds!", true)]
    public void A_judgement_stands_only_where_the_sentence_makes_the_claim_rather_than_denies_asks_reports_or_signs_off(string label, string sentence, bool flagged)
    {
        var model = new FakeClassifier(_ => P(label, 0.99));
        var doc = DocumentLoader.LoadText("a.txt", sentence + "\n");
        var profile = label == Labels.Apr ? Profile with { Product = "credit" } : Profile;
        new ModelAugmenter(model, new ModelSettings()).Augment(doc, profile, []).Count.ShouldBe(flagged ? 1 : 0);
    }

    [Fact]
    public void A_short_post_is_judged_whole_when_no_sentence_of_it_is_enough_alone()
    {
        // The claim needs both sentences: each alone reads as plain copy.
        var model = new FakeClassifier(s => s.Contains("$50k", StringComparison.Ordinal) && s.Contains("millionaire", StringComparison.Ordinal)
            ? P(Labels.Testimonial, 0.97)
            : new Prediction(Labels.CleanPromo, 0.6, new Dictionary<string, double> { [Labels.CleanPromo] = 0.6, [Labels.Testimonial] = 0.4 }));
        const string post = "Met a client today who started with us at 30 with $50k. At 45 she's a self-made millionaire.";
        var finding = new ModelAugmenter(model, new ModelSettings()).Augment(DocumentLoader.LoadText("a.txt", post + "\n"), Profile, [])
            .ShouldHaveSingleItem();
        finding.Category.ShouldBe(Labels.Testimonial);
        finding.Match.ShouldBe(post);

        // Lines of a poster or script are separate texts, and a long article paragraph is no post: neither is judged whole.
        var lines = DocumentLoader.LoadText("b.txt", "Met a client today who started with us at 30 with $50k.\nAt 45 she's a self-made millionaire.\n");
        new ModelAugmenter(model, new ModelSettings()).Augment(lines, Profile, []).ShouldBeEmpty();
        var paragraph = DocumentLoader.LoadText("c.txt", post + " " + string.Concat(Enumerable.Repeat("Markets moved a little this week. ", 4)) + "\n");
        new ModelAugmenter(model, new ModelSettings()).Augment(paragraph, Profile, []).ShouldBeEmpty();

        // A post whose every sentence is surely clean is not worth a second prediction.
        var plain = new FakeClassifier(s => s.Contains("$50k", StringComparison.Ordinal) && s.Contains("millionaire", StringComparison.Ordinal)
            ? P(Labels.Testimonial, 0.97)
            : P(Labels.CleanPromo, 0.99));
        new ModelAugmenter(plain, new ModelSettings()).Augment(DocumentLoader.LoadText("d.txt", post + "\n"), Profile, []).ShouldBeEmpty();
        plain.Seen.Count.ShouldBe(2);
    }

    [Fact]
    public void An_opt_out_closing_a_message_is_not_read_as_part_of_it_but_a_closing_fragment_is()
    {
        SentenceSplitter.Units("【融易贷】额度即将过期，今日提款首期利息打5折！回T退订").ShouldHaveSingleItem().ShouldBe((0, 24));
        var units = SentenceSplitter.Units("Double your deposit in 12 months. Guaranteed.");
        units.ShouldHaveSingleItem().ShouldBe((0, 45));
    }

    [Fact]
    public void Speakers_of_a_dialogue_are_names_in_capitals_that_open_several_lines_of_two_or_more_people()
    {
        const string podcast = "[COLD OPEN]\nJESS: Quick question.\nRYAN: Easy one.\nJESS: Next question.\nDR. LEE (V.O.): Noted.\nRYAN: Sure.\n";
        ScriptCue.Speakers(podcast).ShouldBe(["JESS", "RYAN"], ignoreOrder: true);

        // One label repeated (a batch of SMS with its risk warning) is no dialogue.
        ScriptCue.Speakers("RISK WARNING: Capital at risk.\nOffer one.\nRISK WARNING: Capital at risk.\n").ShouldBeEmpty();
        ScriptCue.Speakers("Jess: hi\nRyan: hello\nJess: bye\nRyan: bye\n").ShouldBeEmpty();
    }

    [Fact]
    public void A_cast_list_names_the_speakers_whose_names_then_open_their_lines()
    {
        const string script = "主播：Lily（持证保险经纪从业人员）\n助播：小北\n主播：大家晚上好，欢迎来到直播间。\nLily：好，今天就到这里。\n[19:35] 小北：新进来的朋友点个关注。\n";
        var speakers = ScriptCue.Speakers(script);
        speakers.ShouldBe(["Lily", "小北"], ignoreOrder: true);

        string line = "Lily：好，今天就到这里。";
        var (start, end, _) = ScriptCue.Copy(line, 0, line.Length, speakers);
        line[start..end].ShouldBe("好，今天就到这里。");
        string stamped = "[19:35] 小北：新进来的朋友点个关注。";
        (start, end, _) = ScriptCue.Copy(stamped, 0, stamped.Length, speakers);
        stamped[start..end].ShouldBe("新进来的朋友点个关注。");
        string other = "王女士：这款产品收益稳稳的。";
        ScriptCue.Copy(other, 0, other.Length, speakers).ShouldBe((0, other.Length, false));
    }

    [Fact]
    public void The_model_reads_a_dialogue_line_without_the_speakers_name()
    {
        const string script = "JESS: Welcome back to the show.\nRYAN: Thanks for having me, always a pleasure.\nJESS: Let us talk budgets.\nRYAN: Track every pound.\n";
        var doc = DocumentLoader.LoadText("podcast.txt", script);
        var fake = Fake();
        new ModelAugmenter(fake, new ModelSettings()).Augment(doc, Profile, []);

        fake.Seen.ShouldContain("Thanks for having me, always a pleasure.");
        fake.Seen.ShouldNotContain(s => s.Contains("RYAN", StringComparison.Ordinal) || s.Contains("JESS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hint_says_nothing_about_quoting_but_a_lowered_claim_reads_as_a_warning()
    {
        var doc = DocumentLoader.LoadText("a.txt", "本金保障，收益稳稳的。\n");
        var hint = RuleFinding(doc, "本金保障", Severity.Info) with { IsHint = true };
        var lowered = RuleFinding(doc, "本金保障", Severity.Info) with { Note = Finding.QuotedNote };

        Evaluator.LabelOf([hint], preferred: null, clean: Labels.CleanPromo).ShouldBe(Labels.CleanPromo);
        Evaluator.LabelOf([lowered], preferred: null, clean: Labels.CleanPromo).ShouldBe(Labels.CleanWarning);
        Evaluator.LabelOf([hint, RuleFinding(doc, "本金保障")], preferred: null, clean: Labels.CleanPromo).ShouldBe(Labels.Guarantee);
    }

    [Fact]
    public void A_line_that_introduces_a_testimonial_with_a_colon_is_not_the_testimonial()
    {
        var testimonial = new FakeClassifier(_ => P(Labels.Testimonial, 0.95));
        var doc = DocumentLoader.LoadText("a.txt", "Here's what one of our members had to say:\n\nI put in $5,000 and doubled it in a year with this fund.\n");
        var findings = new ModelAugmenter(testimonial, new ModelSettings()).Augment(doc, Profile, []);
        findings.ShouldHaveSingleItem().Line.ShouldBe(3);
    }
}
