using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier.Tests;

public class LossReportTests
{
    [Theory]
    [InlineData("三年后的今天：账户-22%，浮亏一万七千多。")]
    [InlineData("股票型基金一年跌20%、30%都见过。")]
    [InlineData("up说得对，我去年一把梭，现在还-25%，心态崩了")]
    [InlineData("I'm down 25% on this fund since January.")]
    [InlineData("There were months in 2022 when the Fund fell sharply along with the market, she added.")]
    [InlineData("在这段下跌的区间里，三种方式都是亏损的，坚持扣款的亏损幅度相对较小。")]
    [InlineData("截至上周五，账户浮亏3100元左右，收益率大概-5%，没错，是负的。")]
    [InlineData("我一直在定投，摊低成本，目前亏损收窄到12%，继续按计划扣款。")]
    [InlineData("The strategy lost 23% in 2022, its worst calendar year, and drawdowns of that size may happen again.")]
    public void A_sentence_that_reports_money_lost_is_a_loss_report(string sentence)
    {
        LossReport.Reports(TextFold.Fold(sentence)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("业绩比较基准3.2%-3.8%，您就按3.8%算就行。")]
    [InlineData("本来亏了四成，跟了两周已经回本了。")]
    [InlineData("最大回撤-2%，收益稳稳的。")]
    [InlineData("别人跌20%，我们只跌2%。")]
    [InlineData("这位经理操盘的产品历史上就没有一年是负收益，今年也跑不了。")]
    [InlineData("He was down 30% in March and made it all back by June.")]
    [InlineData("晒一下我的定投账户：坚持18个月，从-25%做到+32%，姐妹们冲！")]
    [InlineData("上完课第三个月，基金账户从-12%变成+16%。")]
    [InlineData("年初浮亏了3万，现在账户已经转正了。")]
    public void A_range_or_a_loss_beside_a_gain_or_a_promise_is_no_loss_report(string sentence)
    {
        LossReport.Reports(TextFold.Fold(sentence)).ShouldBeFalse();
    }
}
