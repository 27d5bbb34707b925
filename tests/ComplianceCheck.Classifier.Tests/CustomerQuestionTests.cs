namespace ComplianceCheck.Classifier.Tests;

public class CustomerQuestionTests
{
    [Theory]
    [InlineData("客户：存款安全吗？会不会像理财一样亏？", "客户：存款安全吗？会不会像理财一样亏？")]
    [InlineData("还有朋友问，现在买会不会买在高点？", "小远：还有朋友问，现在买会不会买在高点？")]
    [InlineData("A viewer asked whether it's too late to buy?", "HOST: A viewer asked whether it's too late to buy?")]
    public void A_customer_s_question_or_one_relayed_from_the_audience_asks_rather_than_claims(string sentence, string line)
    {
        CustomerQuestion.Asks(sentence, line).ShouldBeTrue();
    }

    [Theory]
    [InlineData("还在犹豫什么？现在买正是低点！", "主播：还在犹豫什么？现在买正是低点！")]
    [InlineData("还有朋友问，要不要上车，我说赶紧！", "小远：还有朋友问，要不要上车，我说赶紧！")]
    [InlineData("谁还没上车？", "客户经理：谁还没上车？")]
    public void A_host_s_own_question_or_a_relayed_question_answered_with_a_claim_is_no_customer_question(string sentence, string line)
    {
        CustomerQuestion.Asks(sentence, line).ShouldBeFalse();
    }
}
