namespace ComplianceCheck.Classifier.Tests;

public class AnnualRateGuardTests
{
    [Theory]
    [InlineData("Pay in 3 interest-free instalments with no fees when you pay on time.", true)]
    [InlineData("Split it into 4 payments, no interest, no fees.", true)]
    [InlineData("Pay in 12 easy instalments, interest-free for the first 3 months.", false)]
    [InlineData("Pay in 3 instalments of $33.", false)]
    public void Two_to_four_interest_free_instalments_are_no_credit_with_a_rate_to_state(string sentence, bool expected)
    {
        AnnualRateGuard.IsShortInterestFreePlan(sentence).ShouldBe(expected);
    }
}
