using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Tests;

public class NegationDetectorTests
{
    private static bool NegatedAt(string sentence, string word)
    {
        string folded = TextFold.Fold(sentence);
        int at = folded.IndexOf(word, StringComparison.Ordinal);
        return NegationDetector.IsNegated(folded, at, at + word.Length);
    }

    private static ContextVerdict VerdictAt(string sentence, string word)
    {
        string folded = TextFold.Fold(sentence);
        int at = folded.IndexOf(word, StringComparison.Ordinal);
        return NegationDetector.Judge(folded, new SentenceMap(folded), at, at + word.Length);
    }

    private static string Removed(string sentence, string flagged) =>
        TextFold.Fold(sentence).Replace(TextFold.Fold(flagged), NegationDetector.RemovedWords.ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData("汇岭“快易贷”，日利率0.02%起，按日计息，提前还款无违约金。")]
    [InlineData("远帆“安心盈”陪您收获稳稳的幸福。")]
    [InlineData("保单借款秒到账，急用钱不用求人。")]
    [InlineData("Our funds protect your savings, no matter what the market does.")]
    [InlineData("Pick any of our plans and you can't go wrong. Don't miss out!")]
    public void A_product_name_in_quotation_marks_or_a_convenience_is_no_sign_of_warning(string sentence)
    {
        NegationDetector.HasWarningSign(TextFold.Fold(sentence)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("没有稳赚这回事，也没有保本的基金。", true)]
    [InlineData("弹幕肯定有人问“这只保本吗”——不保本！", true)]
    [InlineData("Returns are not guaranteed.", true)]
    [InlineData("有人问“这只保本吗”", false)]
    [InlineData("不保本，但这款稳赚。", false)]
    [InlineData("问：这只保本吗？答：当然保本。", false)]
    public void A_text_denies_the_words_when_it_negates_one_and_asserts_none(string sentence, bool denies)
    {
        NegationDetector.DeniesEvery(TextFold.Fold(sentence), ["保本", "稳赚", "guaranteed"]).ShouldBe(denies);
    }

    [Theory]
    [InlineData("如果有人跟你说“这单亏了算我的”，请直接拉黑", "亏了算我的")]
    [InlineData("Quote from the notice: the firm called its product \"the safest investment in Asia\".", "the safest investment")]
    [InlineData("那些到处晒收益截图的“理财达人”，往往只晒赚钱的那一笔。", "晒收益截图")]
    [InlineData("他在群里说：“闭眼买，明年至少翻一倍。”", "翻一倍")]
    [InlineData("Prosecutors alleged the dealer sold its coins as risk-free.", "risk-free")]
    public void Quoted_flagged_words_a_quoted_sentence_or_an_ironic_title_are_signs_of_warning(string sentence, string flagged)
    {
        NegationDetector.HasWarningSign(Removed(sentence, flagged)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("3分钟看懂“业绩比较基准”，别再把它当成收益承诺。", "收益承诺", true)]
    [InlineData("别把业绩比较基准当作保本收益。", "保本", true)]
    [InlineData("别犹豫，保本收益等你来拿。", "保本", false)]
    [InlineData("该基金已转型，不再具有保本保障机制。", "保本", true)]
    [InlineData("从此不再犹豫，保本收益稳稳拿。", "保本", false)]
    [InlineData("黄金并非只涨不跌，2013年金价曾一年下跌近三成。", "只涨不跌", true)]
    [InlineData("不构成投资建议哈，不过跟我上车的都稳赚了。", "稳赚", false)]
    [InlineData("我们不过度承诺收益，也不保本。", "承诺收益", true)]
    [InlineData("这份保单的非保证红利一定会派足。", "红利一定", false)]
    [InlineData("红利非保证，以公司实际经营成果为准。", "保证", true)]
    [InlineData("呢隻基金冇保證回報，可能蝕本。", "保证回报", true)]
    [InlineData("没想到保本收益这么高。", "保本", false)]
    [InlineData("黄金并非只是避险工具，它还能只涨不跌。", "只涨不跌", false)]
    [InlineData("部分营销向在校大学生定向推送，诱导超前消费。", "超前消费", true)]
    [InlineData("No investment is 100% safe, whatever the adverts say.", "100% safe", true)]
    [InlineData("Our vault is 100% safe for your savings.", "100% safe", false)]
    public void Telling_the_reader_not_to_take_something_for_a_promise_negates_the_promise(string sentence, string word, bool negated)
    {
        NegatedAt(sentence, word).ShouldBe(negated);
    }

    [Theory]
    [InlineData("零风险？不存在的。任何宣称高收益的产品都值得警惕。", "零风险", true)]
    [InlineData("Risk-free? Not quite: every investment can fall.", "risk-free", true)]
    [InlineData("保本？没有的事。", "保本", true)]
    [InlineData("客户问：这个是保本的吗？我的回答一直是：不是，而且现在银行理财都不保本。", "保本", true)]
    [InlineData("想要保本？选我们就对了！", "保本", false)]
    [InlineData("稳赚？不是梦！", "稳赚", false)]
    [InlineData("稳赚？不能错过！", "稳赚", false)]
    [InlineData("Guaranteed? No hidden fees either.", "guaranteed", false)]
    [InlineData("Fixed monthly payments? Yes. Guaranteed growth? No — this is a stocks and shares product.", "guaranteed growth", true)]
    [InlineData("Guaranteed growth? Absolutely, with our fixed-term plan.", "guaranteed growth", false)]
    public void A_question_answered_at_once_with_a_denial_negates_what_it_asks_about(string sentence, string word, bool negated)
    {
        NegatedAt(sentence, word).ShouldBe(negated);
    }

    [Theory]
    [InlineData("It's not coming back down")]
    [InlineData("Bitcoin’s going to the moon and it won’t look back")]
    [InlineData("Our clients' favourite plan")]
    public void An_apostrophe_is_no_quotation_mark(string sentence)
    {
        NegationDetector.HasWarningSign(Removed(sentence, "not coming back down")).ShouldBe(sentence.Contains("clients' ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("“闭眼买”不是选基方法：我们整理了阅读基金定期报告的五个关键点。", "闭眼买", ContextVerdict.Quoted)]
    [InlineData("“保本”并非银行理财的承诺，净值会波动。", "保本", ContextVerdict.Quoted)]
    [InlineData("“闭眼买”就完事了，这只基金拿着不用管。", "闭眼买", ContextVerdict.Asserted)]
    [InlineData("第一句：“保险就是存款，还保本”——保险产品不是存款，提前退保可能有损失。", "保险就是存款", ContextVerdict.Quoted)]
    [InlineData("客户都说：“保险就是存款，还保本”——我们这款更是如此。", "保险就是存款", ContextVerdict.Asserted)]
    public void A_quoted_term_followed_by_what_it_is_not_is_named_not_claimed(string sentence, string word, ContextVerdict expected)
    {
        VerdictAt(sentence, word).ShouldBe(expected);
    }

    [Theory]
    [InlineData("客户：“这个产品保本吗？”", "保本", ContextVerdict.Quoted)]
    [InlineData("你信“稳赚不赔”这种话吗？", "稳赚不赔", ContextVerdict.Quoted)]
    [InlineData("小王：“我们行的理财就是零风险的，比存款还划算，我帮您办一单？”", "零风险", ContextVerdict.Asserted)]
    [InlineData("主播：“想要稳稳的收益吗？我们这款理财零风险！”", "零风险", ContextVerdict.Asserted)]
    public void A_question_bears_on_a_quoted_claim_only_from_outside_the_quotation_or_within_its_clause(string sentence, string word, ContextVerdict expected)
    {
        VerdictAt(sentence, word).ShouldBe(expected);
    }

    [Theory]
    [InlineData("在投教短视频里，我们模拟了诈骗分子的开场白：“姐，这个产品零风险，我自己都买了十万。”", true)]
    [InlineData("警惕这类话术：“我买了三个月就赚了两万”。", true)]
    [InlineData("王女士说：“我买了三个月赚了2万，太香了！”你心动吗？", false)]
    [InlineData("警惕！我们的“安心盈”三个月赚了2万。", false)]
    [InlineData("诈骗分子常冒充客服，请提高警惕。", false)]
    [InlineData("某公司创始人现身说法：“我家的大部分流动资产都交给了这支团队。”", false)]
    public void Quoted_words_under_a_cue_outside_the_quotation_are_an_example_shown(string sentence, bool expected)
    {
        NegationDetector.QuotesUnderCue(TextFold.Fold(sentence)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ASIC warns consumers about 'get rich quick' crypto schemes pushed by finfluencers.", "get rich quick", ContextVerdict.Quoted)]
    [InlineData("Compliance note: never describe an ISA as 'risk-free' in any channel.", "risk-free", ContextVerdict.Quoted)]
    [InlineData("Our 'risk-free' trial gives you a month of premium features.", "risk-free", ContextVerdict.Asserted)]
    [InlineData("For 529 plans, never state or imply that returns are certain or that the principal is protected.", "principal is protected", ContextVerdict.Quoted)]
    [InlineData("Staff must not imply that a fund is guaranteed to recover.", "guaranteed", ContextVerdict.Quoted)]
    [InlineData("We never say no, and your principal is protected.", "principal is protected", ContextVerdict.Asserted)]
    [InlineData("Your principal is protected; never say we didn't tell you.", "principal is protected", ContextVerdict.Asserted)]
    [InlineData("谁跟您说“买这个绝对不会亏”，您先给儿女打个电话。", "绝对不会亏", ContextVerdict.Quoted)]
    [InlineData("大家都说“买这个绝对不会亏”，赶紧上车！", "绝对不会亏", ContextVerdict.Asserted)]
    [InlineData("其中第一大类问题是理财联动文案中出现收益保证类表述。", "收益保证", ContextVerdict.Quoted)]
    [InlineData("发现“保本”、保收益等用语仍在使用。", "保收益", ContextVerdict.Quoted)]
    [InlineData("收益保证，类似产品里独一份。", "收益保证", ContextVerdict.Asserted)]
    [InlineData("名额不多，手慢无！", "手慢无", ContextVerdict.Asserted)]
    public void A_claim_quoted_under_a_warning_or_named_as_a_kind_of_wording_is_reported_not_made(string sentence, string word, ContextVerdict expected)
    {
        VerdictAt(sentence, word).ShouldBe(expected);
    }
}
