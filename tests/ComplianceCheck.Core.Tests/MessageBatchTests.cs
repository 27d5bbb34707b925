using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

/// <summary>SMS and push batches: one message a line, each read on its own.</summary>
public class MessageBatchTests
{
    private static readonly Lazy<RuleEngine> BuiltIn = new(() => new RuleEngine(RuleSet.Load()));

    private const string CreditBatch =
        "# 5月短信批次（待审核）\n"
        + "S01 | 消费贷白名单 | 【澄江银行】您有一笔最高20万元的借款额度，年化利率（单利）7.2%起，贷款以审批为准。拒收请回复R\n"
        + "S02 | 信用卡客户 | 【澄江银行】信用卡账单分期，年化利率约12%，还款灵活。拒收请回复R\n"
        + "S03 | 贵金属客户 | 【澄江银行】黄金永远不会贬值，积存金就是您家庭资产的压舱石。拒收请回复R\n"
        + "S04 | 消费贷客户 | 【澄江银行】借款随借随还，提前还款不收违约金。拒收请回复R\n";

    [Theory]
    [InlineData("【安盈理财】闭眼冲！这款理财年化6%\n【安盈理财】您的风险测评即将过期\n【聚米证券】今日A股收盘：沪指涨0.8%\n")]
    [InlineData("PN-231 | all | Your weekly spending summary is ready.\nPN-232 | savers | Interest paid! £4.12 was added today.\nPN-233 | investors | Markets were volatile this week.\n")]
    [InlineData("PINECREST: Your statement is ready. Log in to view it.\nPINECREST: Your card payment is due 02/25.\nPINECREST: Borrow up to $3,000 today. Reply STOP to opt out.\n")]
    [InlineData("# 每行一条\n001|【长泰人寿】您的保单已进入续期缴费期。\n002|【长泰人寿】保单可申请保单贷款。\n003|【长泰人寿】温馨提示：谨防诈骗。\n")]
    [InlineData("[Brightpath Loans] Need cash fast? Get up to $2,000 today.\n[AcmeInvest] Markets are volatile. Capital at risk.\n[Harbor Life] Your premium is due on 1 July.\n")]
    [InlineData("P24-007 | HK | savers | deposit | Rate alert | Time deposit rates are up this week.\nP24-008 | SG | cards | credit | Travel | No FX fees on card spend abroad.\nP24-009 | HK | gold-holders | general | Gold | Gold savings plan statements are ready.\n")]
    [InlineData("T1: Urgent cash? Get a gold loan at just 0.75% per month.\nT2: Dear Customer, your interest is due on 15-Jun.\nT3: Gold loans at 9.9% p.a. to 24% p.a. T&C apply.\n")]
    [InlineData("Urgent cash? Get a gold loan today -SWRNFN\nYour interest is due on 15-Jun -SWRNFN\nNew branch now open at RS Puram -SWRNFN\n")]
    public void Batches_are_told_by_their_signatures_id_columns_and_opt_outs(string text)
    {
        MessageBatch.IsBatch(text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("【周一 早安】\n新的一周，早安，今天10年期国债收益率2.12%，债市整体平稳。\n手上有闲钱的看过来：一年持有期，业绩比较基准3.2%-3.8%。\n【周二 市场速递】\n美联储议息在即，市场观望情绪浓。\n")]
    [InlineData("主播：家人们晚上好！\n嘉宾：今天聊聊定投。\n主播：定投不是稳赚，要看自己的风险承受能力。\n")]
    [InlineData("三年期大额存单，年利率2.35%。\n20万元起存，先到先得。\n本行已参加存款保险。\n")]
    [InlineData("【A】第一条消息的正文内容。\n【B】第二条消息的正文内容。\n")]
    [InlineData("[00:00:10] 今天呢给大家讲的是 账单分期\n[00:00:22] 首先说一下 什么是账单分期\n[00:01:30] 然后现金分期呢 今天也有活动\n")]
    [InlineData("Q1: Is my money safe with you?\nA1: Deposits are protected up to the limit.\nQ2: How do I open an account?\nA2: Download the app.\n")]
    [InlineData("TITLE: Plan It (30s radio)\nCLIENT: Northgate Bank\nVO: Got a balance on your credit card?\nVO: 0% on balance transfers for 24 months.\nVO: Representative 24.9% APR, variable.\n")]
    [InlineData("ANNCR: Gold has never been more important.\nHOST: Call today.\nANNCR: Storage fees apply.\n")]
    public void Prose_scripts_posters_and_two_messages_are_no_batch(string text)
    {
        MessageBatch.IsBatch(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("回T退订", true)]
    [InlineData(" 拒收请回复R ", true)]
    [InlineData("Reply STOP to opt out.", true)]
    [InlineData("STOP", true)]
    [InlineData("Guaranteed.", false)]
    [InlineData("手慢无！", false)]
    public void Opt_outs_are_told_from_other_fragments(string fragment, bool optOut)
    {
        MessageBatch.IsOptOut(fragment).ShouldBe(optOut);
    }

    [Fact]
    public void A_batch_is_loaded_one_message_a_block_and_other_text_one_paragraph_a_block()
    {
        var batch = DocumentLoader.LoadText("sms.txt", CreditBatch);
        batch.IsMessageBatch.ShouldBeTrue();
        batch.Blocks.Count.ShouldBe(5);
        batch.Blocks[3].Text.ShouldStartWith("S03 | 贵金属客户");
        batch.Lines.PositionOf(batch.Blocks[3].SourceStart(0)).Line.ShouldBe(4);

        var poster = DocumentLoader.LoadText("poster.txt", "三年期大额存单，年利率2.35%。\n20万元起存。\n\n本行已参加存款保险。\n");
        poster.IsMessageBatch.ShouldBeFalse();
        poster.Blocks.Count.ShouldBe(2);
    }

    [Fact]
    public void Each_message_of_a_batch_names_the_product_it_markets_where_that_differs_from_the_draft()
    {
        var doc = DocumentLoader.LoadText("sms.txt", CreditBatch);
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/sms.txt", []);

        profile.Product.ShouldBe("credit");
        profile.BlockProducts.ShouldNotBeNull();
        profile.BlockProduct(3).ShouldBe("general");
        profile.BlockProduct(1).ShouldBeNull();
        profile.BlockProduct(99).ShouldBeNull();
    }

    [Theory]
    [InlineData("Jess from Leeds made £400 this month with Nestwise Invest. Your turn?", "general")]
    [InlineData("【汇通消金】您的借款额度已更新，登录APP即可查看。", "credit")]
    [InlineData("【鑫利基金】定投课堂本周六开讲，投资需谨慎。", "fund")]
    [InlineData("Your monthly statement is ready. See where your money went.", null)]
    public void One_cue_names_the_product_of_a_message(string message, string? product)
    {
        ProfileDetector.DetectMessageProduct(TextFold.Fold(message)).ShouldBe(product);
    }

    [Fact]
    public void A_promise_in_a_gold_message_is_flagged_though_the_batch_is_mostly_loan_offers()
    {
        var doc = DocumentLoader.LoadText("sms.txt", CreditBatch);
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/sms.txt", []);
        var findings = BuiltIn.Value.Scan(doc, profile);

        findings.ShouldContain(f => f.Category == "guarantee" && f.Match == "永远不会贬值" && f.Line == 4);

        // Read as one text, as before batches were told apart, the draft is a loan draft and the promise goes unread.
        var asOne = profile with { BlockProducts = null };
        BuiltIn.Value.Scan(doc, asOne).ShouldNotContain(f => f.Category == "guarantee");
    }

    [Fact]
    public void A_second_product_brings_the_statements_its_claims_call_for_but_not_those_a_whole_draft_must_carry()
    {
        const string text = "---\nproduct: securities\n---\n两融新客专享：融资利率低至千分之四/月，融资融券一站开通。\n";
        var doc = DocumentLoader.LoadText("a.md", text);
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/a.md", []);
        profile.AlsoProduct.ShouldBe("credit");

        var findings = BuiltIn.Value.Scan(doc, profile);

        // The monthly rate calls for the annual rate beside it (a block-scoped statement of credit) ...
        findings.ShouldContain(f => f.RuleId == "ZH-APR-002");

        // ... but credit's draft-wide statement (ZH-APR-001's 年化利率 for any loan draft) stays with credit drafts.
        findings.ShouldNotContain(f => f.RuleId == "ZH-APR-001");
    }

    [Fact]
    public void Each_message_that_prices_credit_needs_its_own_annual_rate()
    {
        const string Batch = "T1: Gold loans at 9.9% APR to 24% APR. T&C apply.\nT2: Zero interest for the first 30 days on gold loans!\nT3: New branch now open at RS Puram.\n";
        var doc = DocumentLoader.LoadText("sms.txt", Batch);
        doc.IsMessageBatch.ShouldBeTrue();
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/sms.txt", []);
        var missing = BuiltIn.Value.Scan(doc, profile).Where(f => f.RuleId == "EN-APR-001").Select(f => f.Line).ToList();
        missing.ShouldContain(2);
        missing.ShouldNotContain(3);
    }

    [Fact]
    public void A_message_that_prices_a_loan_gets_the_missing_annual_rate_once_not_also_the_hint()
    {
        const string Batch = "S01 | 【XX银行】贷款利息低至每月0.3%，借款最快当天到账。回T退订\nS02 | 【XX银行】您的贷款已结清。回T退订\nS03 | 【XX银行】理财新品发售。回T退订\n";
        var doc = DocumentLoader.LoadText("sms.txt", Batch);
        var profile = new ProfileResolver(ConfigLoader.Parse(string.Empty, "/repo/.compliance.yaml"), new ProfileOverrides()).Resolve(doc, "/repo/sms.txt", []);
        var findings = BuiltIn.Value.Scan(doc, profile).Where(f => f.Line == 1).ToList();
        findings.ShouldContain(f => f.RuleId == "ZH-APR-001");
        findings.ShouldNotContain(f => f.RuleId == "ZH-APR-011");
    }
}
