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
}
