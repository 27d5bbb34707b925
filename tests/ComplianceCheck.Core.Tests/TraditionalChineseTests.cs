using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

/// <summary>Drafts in traditional script (Hong Kong, Macao, Taiwan) meet the same simplified rule packs.</summary>
public class TraditionalChineseTests
{
    private static readonly Lazy<RuleEngine> BuiltIn = new(() => new RuleEngine(RuleSet.Load()));

    [Fact]
    public void Traditional_characters_fold_to_simplified_one_for_one()
    {
        string draft = "優惠只限今天，穩賺不賠！國家級資產配置";
        string folded = TextFold.Fold(draft);
        folded.Length.ShouldBe(draft.Length);
        folded.ShouldBe("优惠只限今天,稳赚不赔!国家级资产配置");
    }

    [Fact]
    public void Cantonese_particles_fold_to_their_Mandarin_counterparts_one_for_one()
    {
        string draft = "我阿媽買咗呢隻基金，佢話冇風險，唔使驚";
        string folded = TextFold.Fold(draft);
        folded.Length.ShouldBe(draft.Length);
        folded.ShouldBe("我阿妈买了呢只基金,他话没风险,不使惊");
    }

    [Fact]
    public void A_Cantonese_claim_meets_the_Mandarin_rules_and_its_negation_is_still_a_negation()
    {
        TestRules.Scan(BuiltIn.Value, "呢隻產品冇風險㗎，放心買。", product: "wealth").ShouldContain(f => f.Category == "guarantee");
        TestRules.Scan(BuiltIn.Value, "投資涉及風險，呢隻產品冇保證回報。", product: "wealth").ShouldNotContain(f => f.Category == "guarantee");
    }

    [Fact]
    public void A_rule_regex_is_folded_as_its_text_is_and_keeps_its_syntax()
    {
        TextFold.FoldPattern(@"(穩賺|保證)[^，。！－]{0,4}（年化\B\d+％").ShouldBe(@"(稳赚|保证)[^,。!\-]{0,4}\(年化\B\d+%");
    }

    [Fact]
    public void A_pattern_that_stops_at_a_full_width_comma_stops_at_the_folded_text_s_comma()
    {
        var engine = TestRules.BuildEngine("""
              - id: T-GUA-012
                name: test pattern rule
                category: guarantee
                severity: error
                kind: pattern
                message: 使用了“{match}”
                legalBasis: {type: statute, law: 《中华人民共和国广告法》, article: 第二十五条}
                pattern: '结算利率[^。！？；，\n]{0,6}保证'
                examples:
                  flag: [结算利率稳定保证, 结算利率有保证]
                  pass: [结算利率，本产品保证利率为1.5%, 演示利率仅供参考]
            """);
        TestRules.Scan(engine, "结算利率，本产品保证利率为1.5%。").ShouldBeEmpty();
        TestRules.Scan(engine, "结算利率有保证！").ShouldHaveSingleItem();
    }

    [Fact]
    public void Common_simplified_text_is_left_as_it_is()
    {
        const string simplified = "本理财产品不承诺保本，过往业绩不预示其未来表现。著名经济学家认为后市震荡，于是建议分散投资。";
        simplified.Where(c => TextFold.Fold(c) != c && c is not ('，' or '。')).ShouldBeEmpty();
        TextFold.Fold("著名").ShouldBe("著名");
    }

    [Fact]
    public void A_traditional_draft_gets_the_simplified_rules_findings_at_its_own_columns()
    {
        var findings = TestRules.Scan(BuiltIn.Value, "亞洲收益基金\n本基金保證收益，穩賺不賠，全港最受歡迎！").Where(f => f.Severity != Severity.Info).ToList();
        findings.ShouldContain(f => f.RuleId == "ZH-GUA-004" && f.Match == "穩賺不賠" && f.Line == 2 && f.Column == 9);
        findings.ShouldContain(f => f.Category == "absolute" && f.Match == "全港最受歡迎");
        findings.ShouldContain(f => f.Match == "保證收益");
    }
}
