namespace ComplianceCheck.Classifier.Tests;

public class SpokespersonQuoteTests
{
    [Theory]
    [InlineData("\"This launch broadens our range for clients seeking sustainable income,\" said Mark Ellis, Head of Distribution.")]
    [InlineData("Fund manager Isla MacLeod said: \"I am proud of the team.\"")]
    [InlineData("该公司首席经济学家张明表示，下半年货币政策仍有空间。")]
    public void A_firm_officer_quoted_in_a_release_is_the_firm_speaking(string sentence)
    {
        SpokespersonQuote.Is(sentence).ShouldBeTrue();
    }

    [Theory]
    [InlineData("“Switching to their platform doubled our AUM in a year, and I recommend them to every bank CEO I know,” says the head of retail at one of our clients.")]
    [InlineData("\"I doubled my money in a year,\" says Priya, a teacher from Leeds.")]
    [InlineData("老客户王阿姨说，跟着我们理财三年赚了二十万。")]
    [InlineData("A well-known Hong Kong fund manager says he runs all his personal trades through our platform.")]
    public void A_customer_or_a_client_officer_recommending_the_firm_is_no_firm_statement(string sentence)
    {
        SpokespersonQuote.Is(sentence).ShouldBeFalse();
    }
}
