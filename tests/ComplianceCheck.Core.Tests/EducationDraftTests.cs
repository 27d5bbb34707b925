using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using static ComplianceCheck.Core.Tests.TestRules;

namespace ComplianceCheck.Core.Tests;

/// <summary>An anti-fraud or investor-education article names products' claims to warn against them; it sells nothing.</summary>
public class EducationDraftTests
{
    private const string AntiFraud =
        "反诈课堂｜这些“荐股话术”千万别信\n\n"
        + "有人冒充“理财顾问”拉人进群荐股，骗子最常说的是：“跟着老师操作，稳赚不赔。”\n\n"
        + "遇到可疑情况，请拨打反诈专线96110。\n\n"
        + "警惕一切承诺收益的投资邀约。\n\n";

    [Fact]
    public void An_education_article_that_says_it_promotes_no_product_is_missing_no_risk_statement()
    {
        Scan(BuiltIn.Value, AntiFraud + "本文为投资者教育内容，不涉及任何产品推介。\n", product: "securities", channel: null)
            .ShouldNotContain(f => f.Category == "disclaimer");
    }

    [Fact]
    public void Without_that_statement_or_without_the_education_the_risk_statement_is_still_asked_for()
    {
        Scan(BuiltIn.Value, AntiFraud, product: "securities", channel: null).ShouldContain(f => f.Category == "disclaimer");
        Scan(BuiltIn.Value, "XX证券荐股服务，跟着老师选股。\n\n本文不涉及任何产品推介。\n", product: "securities", channel: null)
            .ShouldContain(f => f.Category == "disclaimer");
    }

    [Fact]
    public void A_draft_that_warns_against_claims_reports_a_statement_it_lacks_as_info_even_without_a_trigger()
    {
        var missing = Scan(BuiltIn.Value, AntiFraud, product: "wealth", channel: null).Where(f => f.Category == "disclaimer").ToList();
        missing.ShouldNotBeEmpty();
        missing.ShouldAllBe(f => f.Severity == Severity.Info && f.Note == Finding.WarningDraftNote);
    }

    // Compliance training names what not to write by its own words: 反例, 合规改写, 《广告法》.
    private const string Training =
        "# 营销文案合规要点（新员工培训）\n\n"
        + "《广告法》第九条禁止使用“最佳”“第一”等用语。\n\n"
        + "反例：“这款理财稳赚不赔，收益全市最高”。\n\n"
        + "合规改写：业绩比较基准不代表产品未来表现和实际收益。\n";

    [Fact]
    public void Compliance_training_is_recognised_by_its_own_vocabulary_and_its_examples_are_info()
    {
        var findings = Scan(BuiltIn.Value, Training, product: "wealth", channel: null);
        findings.ShouldContain(f => f.Category == "guarantee");
        findings.Where(f => f.Category is "guarantee" or "absolute" or "disclaimer").ShouldAllBe(f => f.Severity == Severity.Info);
    }

    // English training says what to write instead and what legal review rejected.
    private const string EnglishTraining =
        "# Marketing compliance refresher\n\n"
        + "## 2. Guarantees about returns\n\n"
        + "Copy we rejected last quarter: \"you can't lose\" and \"guaranteed to beat inflation\".\n\n"
        + "Instead: \"Investments may lose value.\"\n";

    [Fact]
    public void English_compliance_training_is_recognised_by_its_own_vocabulary_and_its_examples_are_info()
    {
        var findings = Scan(BuiltIn.Value, EnglishTraining, product: "wealth", channel: null, path: "training.md", lang: "en");
        findings.ShouldContain(f => f.Category == "guarantee" && f.Line == 3);
        findings.Where(f => f.Category is "guarantee" or "absolute").ShouldAllBe(f => f.Severity == Severity.Info);
    }

    [Fact]
    public void In_a_draft_that_warns_against_claims_a_section_title_names_a_kind_of_claim_and_makes_none()
    {
        const string Notice = AntiFraud + "## 二、收益承诺\n\n有人会说这款产品年化8%。\n";
        var findings = Scan(BuiltIn.Value, Notice, product: "wealth", channel: null, path: "notice.md");
        var inTitle = findings.Where(f => f.Line == 9 && f.Category == "guarantee").ShouldHaveSingleItem();
        inTitle.Severity.ShouldBe(Severity.Info);

        // The same title in a promotion is a claim.
        Scan(BuiltIn.Value, "## 二、收益承诺\n\n年化8%，欢迎咨询。\n", product: "wealth", channel: null, path: "ad.md")
            .ShouldContain(f => f.Line == 1 && f.Category == "guarantee" && f.Severity > Severity.Info);
    }

    // A spoken anti-fraud script as a transcript gives it: one block of many lines, no quotation marks.
    private const string SpokenWarning =
        "反诈口播｜这些话一听就是骗局\n"
        + "最近有人自称客服 拉人进群 带着炒股\n"
        + "然后老师就说 有个内部渠道 保本保收益\n"
        + "你听到这里 就应该警惕了\n"
        + "这种基本上都是套路 千万别信\n";

    [Fact]
    public void A_transcript_that_warns_on_several_lines_of_one_block_reports_the_pitch_it_retells_as_info()
    {
        var findings = Scan(BuiltIn.Value, SpokenWarning, product: "wealth", channel: "short-video");
        findings.Where(f => f.Category == "guarantee").ShouldNotBeEmpty();
        findings.Where(f => f.Category == "guarantee").ShouldAllBe(f => f.Severity == Severity.Info);
    }

    [Fact]
    public void A_promotion_with_one_anti_fraud_line_keeps_the_claim_it_makes_after_a_speech_verb()
    {
        const string Promotion = "理财经理跟大家说 这款产品保本保收益\n欢迎咨询\n谨防诈骗 警惕非法集资\n";
        Scan(BuiltIn.Value, Promotion, product: "wealth", channel: "wechat-moments")
            .ShouldContain(f => f.Category == "guarantee" && f.Severity > Severity.Info);
    }

    // A regulator's alert names a scheme and its promises in its own words: warns the public, unregistered, cease and desist.
    private const string RegulatorAlert =
        "# SEC ADVISORY\n\n"
        + "The Commission warns the public against investing in Bright Harvest Agri-Ventures, which is not registered.\n\n"
        + "The entity promises investors a \"guaranteed 35% return in 60 days\" and is an unregistered issuer.\n\n"
        + "A cease and desist order has been issued against the entity and its agents.\n";

    [Fact]
    public void A_regulators_alert_is_recognised_by_its_own_vocabulary_and_the_promise_it_quotes_is_info()
    {
        var findings = Scan(BuiltIn.Value, RegulatorAlert, product: "wealth", channel: null, path: "advisory.md", lang: "en");
        findings.ShouldContain(f => f.Category == "guarantee");
        findings.Where(f => f.Category is "guarantee" or "disclaimer").ShouldAllBe(f => f.Severity == Severity.Info);
    }

    // 保險業監管局's notice to the public, in traditional characters: 誤導 marks the promises it lists.
    private const string MisleadingNotice =
        "致公眾的提示：社交媒體上的誤導性保險宣傳\n"
        + "部分帖文使用誤導性字眼，包括：\n"
        + "「保證回報7%」\n"
        + "任何把非保證利益描述為「保證」的說法，均屬誤導。\n";

    [Fact]
    public void A_notice_against_misleading_promotions_reports_the_phrases_it_lists_as_info()
    {
        var findings = Scan(BuiltIn.Value, MisleadingNotice, product: "insurance", channel: null, path: "notice.txt");
        findings.ShouldContain(f => f.Category == "guarantee" && f.Line == 3);
        findings.Where(f => f.Category == "guarantee").ShouldAllBe(f => f.Severity == Severity.Info);
    }
}
