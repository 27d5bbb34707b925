using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier.Tests;

public class AnnualRateGuardTests
{
    [Theory]
    [InlineData("Pay in 3 interest-free instalments with no fees when you pay on time.", true)]
    [InlineData("Split it into 4 payments, no interest, no fees.", true)]
    [InlineData("Pay in 12 easy instalments, interest-free for the first 3 months.", false)]
    [InlineData("Pay in 3 instalments of $33.", false)]
    [InlineData("Pay in 4 has no interest. A late fee of up to $7 may apply.", true)]
    [InlineData("Pay in 3 months with no interest if paid in full.", false)]
    public void Two_to_four_interest_free_instalments_are_no_credit_with_a_rate_to_state(string sentence, bool expected)
    {
        AnnualRateGuard.IsShortInterestFreePlan(TextFold.Fold(sentence)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("逾期未还最低还款额的，将按日利率万分之五计收利息，并按月计收复利。", true)]
    [InlineData("A late payment fee of up to $40 applies if you miss a payment.", true)]
    [InlineData("征信逾期也能借，日息低至万分之二！", false)]
    [InlineData("提前还款无违约金，借款利息按天计算，每日仅0.02%。", false)]
    [InlineData("No late fees, no interest, ever.", false)]
    public void What_an_overdue_account_costs_is_no_price_of_an_offer_but_a_lure_to_those_overdue_is(string sentence, bool expected)
    {
        AnnualRateGuard.PricesAnOverdueAccount(TextFold.Fold(sentence)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("借一万块钱一个月，也就是请朋友喝两杯咖啡的钱。", true)]
    [InlineData("不看征信，白户也能批，最快5分钟到账！", true)]
    [InlineData("分期手续费按月收取，提前还款时已收取的手续费不予退还。", true)]
    [InlineData("48 monthly payments of £326.87. Optional final payment £10,250.", true)]
    [InlineData("Bad credit? No problem!", true)]
    [InlineData("开春备耕贷款一分利，乡亲们放心借。", true)]
    [InlineData("旁白：最高可借二十万", false)]
    [InlineData("月薪三千也能买的百万医疗，你知道吗？", false)]
    [InlineData("口播：第三个坑，借钱投资，千万不要！", false)]
    [InlineData("Loans run for 6 to 24 months.", false)]
    public void An_apr_judgement_needs_a_cost_a_way_to_pay_or_the_credit_check_a_loan_ad_trades_on(string sentence, bool expected)
    {
        AnnualRateGuard.NamesTermsOfCredit(TextFold.Fold(sentence)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("授信→首借转化率：3.1% → 7.4%", true)]
    [InlineData("Conversion rate on the loan page rose from 2.1% to 3.4%.", true)]
    [InlineData("借1万元，每月利息仅需60元。", false)]
    public void A_funnels_figures_measure_the_business_not_the_price_of_a_loan(string sentence, bool expected)
    {
        AnnualRateGuard.ReportsBusinessMetrics(TextFold.Fold(sentence)).ShouldBe(expected);
    }
}
