using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

public class ProfileResolverTests
{
    private static readonly ComplianceConfig Config = ConfigLoader.Parse(
        "paths:\n  - glob: 'moments/**'\n    product: credit\n    channel: wechat-moments\n", "/repo/.compliance.yaml");

    private static Engine.DraftProfile Resolve(string path, string text, ProfileOverrides? overrides = null) =>
        new ProfileResolver(Config, overrides ?? new ProfileOverrides()).Resolve(DocumentLoader.LoadText(path, text), path, []);

    [Fact]
    public void Cli_beats_front_matter_beats_config_beats_detection()
    {
        const string WithFrontMatter = "---\nproduct: insurance\n---\n基金定投，净值稳健。";
        Resolve("/repo/moments/a.md", WithFrontMatter, new ProfileOverrides(Product: "wealth")).ShouldSatisfyAllConditions(
            p => p.Product.ShouldBe("wealth"), p => p.ProductSource.ShouldBe("cli"));
        Resolve("/repo/moments/a.md", WithFrontMatter).ShouldSatisfyAllConditions(
            p => p.Product.ShouldBe("insurance"), p => p.ProductSource.ShouldBe("front-matter"),
            p => p.Channel.ShouldBe("wechat-moments"), p => p.ChannelSource.ShouldBe("config"));
        Resolve("/repo/moments/b.md", "基金定投，净值稳健。").ShouldSatisfyAllConditions(
            p => p.Product.ShouldBe("credit"), p => p.ProductSource.ShouldBe("config"));
        Resolve("/repo/other/c.md", "基金定投，净值稳健，基金经理管理。").ShouldSatisfyAllConditions(
            p => p.Product.ShouldBe("fund"), p => p.ProductSource.ShouldBe("detected"));
        Resolve("/repo/other/d.html", "<meta name=\"compliance:product\" content=\"securities\"><p>正文</p>").ProductSource.ShouldBe("meta");
    }

    [Fact]
    public void Unknown_declared_values_are_ignored_with_a_warning_and_languages_are_detected()
    {
        var warnings = new List<string>();
        var doc = DocumentLoader.LoadText("/repo/x.md", "---\nproduct: crypto\n---\nGuaranteed returns on your savings account, every month.");
        var profile = new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides()).Resolve(doc, "/repo/x.md", warnings);
        warnings.ShouldContain(w => w.Contains("product 'crypto'"));
        profile.Languages.ShouldBe(["en"]);
        ProfileDetector.DetectLanguages("本基金 invests in global equities").ShouldContain("zh-CN");
    }

    [Theory]
    [InlineData("新客存满5万元即送500元超市购物卡一张，活动仅限本周，先到先得！\nNew savers: deposit 50k and get a gift card, this week only!", new[] { "zh-CN", "en" })]
    [InlineData("本基金投资于全球股票市场，过往业绩不代表未来表现，详见ETF招募说明书及App公告。", new[] { "zh-CN" })]
    public void A_bilingual_draft_gets_both_languages_rules_and_a_few_english_words_do_not_make_one(string text, string[] languages)
    {
        ProfileDetector.DetectLanguages(text).ShouldBe(languages);
    }

    [Theory]
    [InlineData("朋友圈", "wechat-moments")]
    [InlineData("公众号", "wechat-article")]
    [InlineData("抖音", "short-video")]
    [InlineData("Short Video", "short-video")]
    [InlineData("app_banner", "app-banner")]
    [InlineData("SMS", "sms")]
    public void Channels_are_declared_in_the_team_s_own_words(string declared, string channel)
    {
        var warnings = new List<string>();
        var doc = DocumentLoader.LoadText("/repo/x.md", $"---\nchannel: {declared}\nproduct: 基金\n---\n正文。");
        var profile = new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides()).Resolve(doc, "/repo/x.md", warnings);
        profile.Channel.ShouldBe(channel);
        profile.Product.ShouldBe("fund");
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Every_alias_names_one_term_and_terms_name_themselves()
    {
        foreach (string product in Rules.Vocabulary.Products)
        {
            Rules.Vocabulary.NormalizeProduct(product.ToUpperInvariant()).ShouldBe(product);
        }

        foreach (string channel in Rules.Vocabulary.Channels)
        {
            Rules.Vocabulary.NormalizeChannel(" " + channel + " ").ShouldBe(channel);
        }

        Rules.Vocabulary.NormalizeProduct("loan").ShouldBe("credit");
        Rules.Vocabulary.NormalizeProduct("私募基金").ShouldBe("private-fund");
        Rules.Vocabulary.NormalizeProduct("crypto").ShouldBeNull();
        Rules.Vocabulary.NormalizeChannel("poster").ShouldBe("wechat-moments");
        Rules.Vocabulary.NormalizeChannel("fax").ShouldBeNull();
        Rules.Vocabulary.NormalizeChannel("直播").ShouldBe("live-stream");
        Rules.Vocabulary.NormalizeChannel("newsletter").ShouldBe("email");
        Rules.Vocabulary.NormalizeChannel("客服").ShouldBe("chat");
        Rules.Vocabulary.NormalizeChannel("推送").ShouldBe("app-banner");
        ConfigLoader.Parse("paths:\n  - glob: 'a/**'\n    product: 理财\n    channel: 小红书\n", "c.yaml").Paths[0]
            .ShouldSatisfyAllConditions(m => m.Product.ShouldBe("wealth"), m => m.Channel.ShouldBe("xiaohongshu"));
    }

    [Fact]
    public void Config_errors_name_file_and_line()
    {
        Should.Throw<ConfigException>(() => ConfigLoader.Parse("rules:\n  disabled: [X]\n", "/repo/.compliance.yaml"))
            .Message.ShouldBe("/repo/.compliance.yaml:2: unknown key 'disabled' (expected one of disable, severity)");
        Should.Throw<ConfigException>(() => ConfigLoader.Parse("paths:\n  - glob: a\n    product: crypto\n", "c.yaml")).Message.ShouldContain("c.yaml:2:");
    }

    [Theory]
    [InlineData("PayPop: your limit just went up! Shop now, pay later. Borrow up to $2,000 with no credit check.", "credit")]
    [InlineData("Need cash fast? A cash advance lands in minutes; a $10 late fee applies if you miss a repayment.", "credit")]
    [InlineData("【某消费金融】恭喜！您获得一笔最高8万元的备用金额度，点击领取。", "credit")]
    [InlineData("Open a brokerage account and trade stocks commission-free.", "securities")]
    [InlineData("Our latest factsheet for the Lumen Growth Fund is out: the fund holds 40 to 60 companies; ongoing charges are 0.75% a year.", "fund")]
    [InlineData("Build your emergency fund first: three to six months of spending in an easy-access savings account.", "deposit")]
    [InlineData("Two years ago I put £3,000 into crypto. Today that pot is worth £11,200. Bitcoin only goes up.", "general")]
    [InlineData("0% on purchases for 24 months. Credit is subject to status. Pay at least the minimum repayment each month.", "credit")]
    [InlineData("Drive Today Auto Finance: drive away for $69 a week. Bad credit? Get pre-approved in 60 seconds.", "credit")]
    [InlineData("Bhai, follow my Bank Nifty options trading strategy on expiry day. One reel is about using a loan for trading capital.", "securities")]
    [InlineData("Peer-to-peer property lending: lend to vetted developers from £500, with a target return of 8% a year. Every loan is secured; our provision fund covers late payments.", "wealth")]
    [InlineData("#ad | We put $200 a month into our girls' 529s and automated it on payday. The 529 plan is invested in an age-based portfolio.", "wealth")]
    [InlineData("Short on rent before payday? Our payday loan lands today, and you repay on your next payday.", "credit")]
    [InlineData("投资金条专场：金价跟随实时行情，金条支持回购，金条工费全网低，金条现货，黄金饰品同场。金价有涨有跌，不要借钱买金。", "general")]
    [InlineData("某某信托·安盈12号集合资金信托计划：融资方为省级城投平台，借款用途为项目建设，到期还本，贷款资金专户监管，300万起。", "wealth")]
    [InlineData("Our private credit fund lends to mid-market companies; every loan is senior secured and repayments are paid quarterly.", "wealth")]
    [InlineData("Harbourline secured loan notes: the loan notes pay 9% a year, and loan note holders are paid back when the homes sell.", "wealth")]
    [InlineData("原始股认购说明会：每股1.5元，5000元起即可成为原始股东；不方便的可以先借款认购。", "securities")]
    [InlineData("Invoice factoring for trucking firms: we advance 95% of your invoices today, and our fees start from 1% per 30 days.", "credit")]
    [InlineData("Working capital for restaurants: factor rates from 1.12, with payments taken from your daily card sales.", "credit")]
    [InlineData("本期储蓄国债（电子式）3年期票面年利率2.38%，按年付息，到期还本；发行期内额度售罄即止，利息不计复利。", "deposit")]
    [InlineData("国债逆回购：收盘前借出资金，次日到账，成交时利率已确定，适合闲置资金。", "securities")]
    [InlineData("Market-linked GICs: your principal is guaranteed at maturity, and the interest follows the index. CDIC covers eligible deposits.", "deposit")]
    public void Products_are_told_from_their_own_vocabulary(string text, string product)
    {
        ProfileDetector.DetectProduct(TextFold.Fold(text)).ShouldBe(product);
    }

    [Theory]
    [InlineData("理财产品业绩比较基准3.5%，理财非存款。信用卡分期免息，借款最高20万，贷款审批快。理财经理一对一服务。", "wealth", "credit")]
    [InlineData("Personal loans from 6.4% APR; borrow up to $25,000. Our managed portfolio rebalances your portfolio every quarter.", "credit", "wealth")]
    [InlineData("大额存单年利率1.95%，定期存款安心。理财产品业绩比较基准3.5%。信用卡分期，借款最高20万，贷款审批快，还款灵活。", "credit", null)]
    [InlineData("基金定投，基金经理管理，基金净值每日公布。", "fund", null)]
    [InlineData("重疾险保费低，投保简单；保单贷款随借随还，借款利息按日计。", "insurance", "credit")]
    [InlineData("Bridging loans for developers: each loan is secured on the site and the borrower repays in 18 months. Investors earn 10% a year; investors can exit yearly.", "credit", "wealth")]
    [InlineData("Innovative Finance ISA: lend to UK businesses through peer-to-peer loans. Each loan is repaid monthly; borrowers repay early at no cost; a loan may default; loan repayments are credited to you.", "wealth", null)]
    [InlineData("Peer-to-peer lending: lend to vetted borrowers from £500. Each loan is repaid monthly; loans that repay early return your capital. Target return 6%, capital at risk.", "wealth", null)]
    public void A_draft_that_markets_credit_beside_another_product_names_both_unless_credit_comes_with_deposits(string text, string product, string? also)
    {
        ProfileDetector.DetectProducts(TextFold.Fold(text)).ShouldBe((product, also));
    }

    [Theory]
    [InlineData("USDC Flex Earn pays 12% APY on your crypto, paid daily. Crypto-assets are not protected by deposit insurance.", "general")]
    [InlineData("大额存单20万元起存，存款保险保障50万以内本息，存款保险不保理财。", "deposit")]
    [InlineData("存款保险", null)]
    public void Deposit_insurance_sells_no_insurance(string text, string? product)
    {
        ProfileDetector.DetectProducts(TextFold.Fold(text)).Product.ShouldBe(product);
        ProfileDetector.DetectMessageProduct(TextFold.Fold(text)).ShouldNotBe("insurance");
    }

    [Theory]
    [InlineData("Be your own bank with indexed universal life insurance. Take a policy loan against your cash value with no credit check, "
        + "repay it when you like, and your death benefit stays in place.", "insurance")]
    [InlineData("Refer a friend and get a £20 voucher when they send their first transfer. Vouchers have no cash value. "
        + "Transfers arrive in minutes; fees are shown before you pay.", null)]
    [InlineData("Giulia and Giuliano opened our savings account in May; Giulia says it was easy.", "deposit")]
    public void Cash_value_life_insurance_stays_insurance_however_often_it_speaks_of_loans(string text, string? product) =>
        ProfileDetector.DetectProducts(TextFold.Fold(text)).Product.ShouldBe(product);

    [Theory]
    [InlineData("---\nproduct: insurance\n---\n保单贷款日息万二，急用钱不求人；保单借款随借随还。", "credit")]
    [InlineData("---\nproduct: securities\n---\n两融新客专享：融资利息每月仅0.45%，融资融券一站开通。", "credit")]
    [InlineData("---\nproduct: insurance\n---\n增额终身寿，保单现金价值写进合同。", null)]
    [InlineData("---\nproduct: credit\n---\n消费贷年化利率7.2%起，借款灵活。", null)]
    public void A_declared_product_still_gets_the_other_product_its_text_also_markets(string text, string? also)
    {
        Resolve("/repo/other/x.md", text).AlsoProduct.ShouldBe(also);
    }

    /// <summary>
    /// Product detection counts cues in one automaton pass; it must decide as searching the text once per cue did (leftmost,
    /// non-overlapping occurrences, at most five per cue), including cues inside other cues (基金 in 私募基金).
    /// </summary>
    [Fact]
    public void Product_detection_decides_as_one_search_per_cue_would()
    {
        var random = new Random(20261123);
        string[] filler = ["，", "。", "的", " ", "a", "本", "产品", "x", "基", "募", "理"];
        var pieces = ProfileDetector.Cues.Select(c => c.Cue).Concat(filler).ToArray();
        int detected = 0;
        for (int n = 0; n < 3000; n++)
        {
            var text = new System.Text.StringBuilder();
            int parts = random.Next(0, 24);
            for (int i = 0; i < parts; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            string folded = text.ToString();
            string? expected = DetectProductBySearching(folded);
            ProfileDetector.DetectProduct(folded).ShouldBe(expected, folded);
            detected += expected != null ? 1 : 0;
        }

        detected.ShouldBeGreaterThan(1000);
    }

    private static string? DetectProductBySearching(string folded)
    {
        var scores = new Dictionary<string, int>();
        foreach (var (product, cue, weight) in ProfileDetector.Cues)
        {
            int count = 0;
            for (int at = folded.IndexOf(cue, StringComparison.Ordinal); at >= 0 && count < 5; at = folded.IndexOf(cue, at + cue.Length, StringComparison.Ordinal))
            {
                count++;
            }

            if (count > 0)
            {
                scores[product] = scores.GetValueOrDefault(product) + (weight * count);
            }
        }

        var ranked = scores.Where(s => s.Key != "general").OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var best = ranked.FirstOrDefault();
        int general = scores.GetValueOrDefault("general");
        if (best.Key == null || best.Value < 3 || general >= best.Value * 6)
        {
            return general >= 3 ? "general" : null;
        }

        // A lending platform names loans most; its reader invests.
        bool readerLends = ProfileDetector.ReaderLendsCues.Any(c => folded.Contains(c, StringComparison.Ordinal));
        string[] investments = ["fund", "wealth", "securities", "private-fund"];
        var investment = ranked.FirstOrDefault(s => investments.Contains(s.Key) && s.Value >= 3 && s.Value * 5 >= best.Value * 2);
        return best.Key == "credit" && readerLends && investment.Key != null ? investment.Key : best.Key;
    }
}
