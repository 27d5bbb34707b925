using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

/// <summary>
/// A savings draft's passage that sells an investment by its own words (moving maturing deposits into a wealth product) is judged
/// by the investment's claim rules; the deposit passages keep their rightly guaranteed principal.
/// </summary>
public class InvestmentPassageTests
{
    private const string Mailing = """
        ---
        product: deposit
        ---
        三年期大额存单年利率1.90%，本金和利息有存款保险保障，保本保息。

        存款利率一降再降？到期资金转入“悦享365”理财产品，收益更高、本金无忧。

        存款保险保障范围以《存款保险条例》为准。
        """;

    private static (SourceDocument Doc, DraftProfile Profile) Load(string text)
    {
        var doc = DocumentLoader.LoadText("/repo/mailing.md", text);
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/mailing.md", []);
        return (doc, profile);
    }

    [Theory]
    [InlineData("到期资金转入“悦享365”理财产品，收益更高、本金无忧。", "wealth")]
    [InlineData("年金保险保单，投保即享终身领取。", "insurance")]
    [InlineData("大额存单和理财怎么选？大额存单保本，定期存款利率固定。", null)]
    [InlineData("三年期定期存款年利率1.90%。", null)]
    [InlineData("投资有风险。", null)]
    public void A_passage_names_an_investment_only_when_it_outweighs_deposits(string passage, string? product)
    {
        ProfileDetector.DetectInvestmentPassage(TextFold.Fold(passage)).ShouldBe(product);
    }

    [Fact]
    public void The_wealth_passage_of_a_deposit_draft_is_read_by_the_guarantee_rules_and_the_deposit_passage_is_not()
    {
        var (doc, profile) = Load(Mailing);
        profile.Product.ShouldBe("deposit");
        profile.BlockProduct(1).ShouldBe("wealth");
        profile.BlockProduct(0).ShouldBeNull();

        var guarantees = TestRules.BuiltIn.Value.Scan(doc, profile).Where(f => f.Category == "guarantee").ToList();
        guarantees.ShouldContain(f => f.Match == "本金无忧" && f.Line == 6);
        guarantees.ShouldNotContain(f => f.Line == 4);

        // Read as one deposit draft, as before passages were told apart, the wealth product's promise went unread.
        TestRules.BuiltIn.Value.Scan(doc, profile with { BlockProducts = null }).ShouldNotContain(f => f.Line == 6 && f.Category == "guarantee");
    }

    [Fact]
    public void Only_savings_drafts_are_read_passage_by_passage()
    {
        var (_, profile) = Load(Mailing.Replace("product: deposit", "product: credit", StringComparison.Ordinal));
        profile.BlockProducts.ShouldBeNull();
    }
}
