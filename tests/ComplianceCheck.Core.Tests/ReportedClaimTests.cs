using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Tests;

public class ReportedClaimTests
{
    private static bool Reported(string sentence, string word)
    {
        string folded = TextFold.Fold(sentence);
        string foldedWord = TextFold.Fold(word);
        int at = folded.IndexOf(foldedWord, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0);
        var (sStart, sEnd) = new SentenceMap(folded).SentenceAt(at);
        return ReportedClaim.IsReported(folded, sStart, sEnd, at, at + foldedWord.Length);
    }

    [Theory]
    [InlineData("年化10%还保本，这就是典型的非法集资话术。", "保本")]
    [InlineData("保本保息、稳赚不赔，这些都是骗局的常见说法。", "稳赚不赔")]
    [InlineData("凡是宣称稳赚不赔的，基本都是诈骗。", "稳赚不赔")]
    [InlineData("所以谁跟你说某只基金稳赚不赔，你就可以拉黑了。", "稳赚不赔")]
    [InlineData("楼下李阿姨推荐的，说是保本保息，年化10%。", "保本")]
    [InlineData("我听别人说这款理财保本保息，是真的吗", "保本")]
    [InlineData("这款理财号称零风险，其实风险不小。", "零风险")]
    [InlineData("质检备注：00:26、00:39 疑似承诺保本，待复核。", "保本")]
    [InlineData("今天合规又把我一句“跟着买就对了”删了，说是诱导性推荐。", "跟着买就对了")]
    [InlineData("Guaranteed returns are a classic red flag.", "Guaranteed")]
    [InlineData("“老师带你上车”“群里每天吃肉”等，是非法荐股、杀猪盘的常见话术。", "吃肉")]
    public void A_claim_its_sentence_attributes_to_others_or_calls_a_scam_is_reported(string sentence, string word)
    {
        Reported(sentence, word).ShouldBeTrue();
    }

    [Theory]
    [InlineData("保本保息，绝不是骗局，放心买。", "保本")]
    [InlineData("保本保息，远离P2P骗局。", "保本")]
    [InlineData("稳赚不赔，这是我们对客户的承诺。", "稳赚不赔")]
    [InlineData("但是保本，还送礼品。", "保本")]
    [InlineData("这只基金可以说是只涨不跌的长期之选。", "只涨不跌")]
    [InlineData("Our fund offers guaranteed returns, it is not a scam.", "guaranteed")]
    public void A_claim_whose_label_is_denied_or_kept_at_a_distance_stands(string sentence, string word)
    {
        Reported(sentence, word).ShouldBeFalse();
    }

    [Theory]
    [InlineData("前几个月按时给利息是套路，就是为了让你们放心投更多。", true)]
    [InlineData("That's a red flag.", true)]
    [InlineData("我们的产品不是骗局，年化8%稳稳拿。", false)]
    [InlineData("远离套路，选择正规理财。", false)]
    public void A_sentence_that_calls_something_a_scam_in_its_own_voice_warns(string sentence, bool expected)
    {
        ReportedClaim.NamesAScam(TextFold.Fold(sentence)).ShouldBe(expected);
    }
}
