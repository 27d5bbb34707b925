using System.Text;

namespace ComplianceCheck.Benchmarks.Generation;

/// <summary>How often a generated text carries a rule phrase on purpose.</summary>
public enum MatchDensity
{
    /// <summary>No phrase is planted (ordinary words such as 收益 or 风险 still occur, as in any financial draft).</summary>
    Clean,

    /// <summary>About one planted phrase per 2,000 characters: a typical draft with a handful of findings.</summary>
    Realistic,

    /// <summary>About one planted phrase per 50 characters: a worst-case "hard sell" draft.</summary>
    Dense,
}

/// <summary>
/// Generates realistic mixed Chinese/English financial marketing copy (公众号 articles, 朋友圈 posts, SMS, English web
/// copy) from a seed. Sentences come from templates filled from vocabulary pools; planted phrases appear in assertive,
/// negated ("不承诺…") and quoted ("《广告法》禁止使用“…”") carriers, so the engine's negation and quotation paths run too.
/// </summary>
public sealed class MarketingText
{
    private static readonly string[] Banks = ["华鑫银行", "恒丰农商行", "长川银行", "本行", "我行", "锦江银行信用卡中心"];
    private static readonly string[] Funds = ["恒远基金", "瑞丰基金", "安和基金", "本基金管理人", "我司"];
    private static readonly string[] Insurers = ["安泰人寿", "华康保险", "瑞福人寿", "本公司"];
    private static readonly string[] Lenders = ["锦程消费金融", "惠民贷平台", "快借APP", "我行个人信贷中心"];
    private static readonly string[] Brokers = ["瑞丰证券", "长川证券财富中心", "本券商", "我司投顾团队"];

    private static readonly string[] Products =
    [
        "稳盈1号", "恒远优选混合A", "安泰福享年金保险", "瑞丰金牛2号", "长川天天利", "锦程随借随还", "华鑫月月盈", "安和中证500ETF联接C",
        "恒远科技创新混合", "瑞丰红利低波", "华康重疾险2024版", "长川周周宝", "惠民信用贷", "安和纯债债券A", "华鑫睿享180天持有期",
    ];

    private static readonly string[] Terms = ["7天", "14天", "30天", "90天", "180天", "1年", "2年", "3年", "5年", "10年"];
    private static readonly string[] Topics =
    [
        "资产配置", "养老规划", "子女教育金", "权益投资", "固收+", "指数定投", "美联储加息", "A股估值", "红利策略", "债市调整", "ESG投资", "AI产业链",
        "新能源", "消费复苏", "港股通", "REITs", "黄金配置", "现金管理", "家庭保障", "房贷利率",
    ];

    private static readonly string[] Acronyms = ["ETF", "QDII", "FOF", "APP", "ESG", "AI", "REITs", "LPR", "CPI", "GDP", "IPO", "VIP", "Smart Beta"];
    private static readonly string[] Names = ["张经理", "李老师", "王女士", "陈先生", "刘顾问", "小恒", "理财师Amy", "基金经理赵明"];
    private static readonly string[] Emoji = ["👉", "🔥", "💰", "📈", "✅", "🎁", "⏰", "👇", "✨", "📣"];
    private static readonly string[] Risks = ["R1（低风险）", "R2（中低风险）", "R3（中风险）", "R4（中高风险）", "R5（高风险）"];

    private static readonly string[] ChineseTemplates =
    [
        "{org}推出的{product}是一款{risk}产品，投资期限{term}，{amount}元起购。",
        "截至{date}，{product}近{term}年化收益率为{pct}，业绩比较基准为{pct}-{pct}。",
        "本期直播我们邀请到{name}，和大家聊聊{topic}那些事。",
        "点击文末“阅读原文”，即可了解{product}的详细信息。",
        "在{topic}的背景下，建议投资者结合自身风险承受能力做好{topic}。",
        "{name}表示，{topic}仍是今年值得关注的方向之一，但短期波动可能加大。",
        "{emoji}{date}起，通过{org}手机银行购买{product}，可参与{topic}主题活动。",
        "我们整理了关于{topic}的五个常见问题，帮助你更好地理解{acronym}的运作方式。",
        "{product}主要投资于{topic}相关资产，管理费率{rate}%/年，托管费率{rate}%/年。",
        "很多朋友问{name}：现在适合布局{acronym}吗？我们先来看一组数据。",
        "过去一年，{topic}板块经历了较大调整，估值已回到历史{percentile}分位附近。",
        "如需咨询，请拨打客服热线95{digits4}，或在{org}APP内搜索“{product}”。",
        "活动时间：{date}至{date}，名额{count}个，先到先得，以系统记录为准。",
        "{org}提醒您：请通过官方渠道办理业务，谨防电信网络诈骗。",
        "定投是一种分批买入的方式，可以在一定程度上平滑{topic}带来的成本波动。",
        "本文仅代表作者个人观点，不构成任何投资建议，数据来源于{org}公开资料。",
        "{product}的申购费率为{rate}%，持有满{term}后赎回费为0。",
        "从资产配置的角度看，{topic}与{topic}的相关性较低，可以互为补充。",
        "今天是{date}，{emoji}{name}带你复盘本周{topic}的市场表现。",
        "投保年龄为出生满28天至{age}周岁，保障期间至{age}周岁，等待期{term}。",
        "借款额度最高{amount}元，年化利率（单利）{pct}起，具体以审批结果为准。",
        "我们的投研团队由{count}位成员组成，平均从业年限超过{years}年。",
        "随着{acronym}市场的不断发展，越来越多的投资者开始关注{topic}。",
        "{product}成立于{date}，成立以来累计分红{count}次。",
        "有读者留言说，去年买的{product}至今还是亏损，{name}今天就来聊聊原因。",
        "温馨提示：本活动与苹果公司无关，奖品以实物为准。",
        "欢迎转发给身边关注{topic}的朋友，一起学习理财知识。",
        "{org}已连续{years}年发布社会责任报告，积极践行{acronym}理念。",
        "详情请咨询{org}各营业网点或客户经理，{name}随时为您服务。",
        "市场波动时，保持耐心、坚持长期投资往往比频繁操作更重要。",
    ];

    /// <summary>Contact details and identifiers (real ones and look-alikes), in about one Chinese sentence in 40.</summary>
    private static readonly string[] PersonalDataTemplates =
    [
        "如有疑问请联系{name}，电话{mobile}。",
        "客服邮箱：{email}，工作日9:00-18:00内回复。",
        "订单号{digits16}已受理，预计{term}内到账，请留意短信通知。",
        "开户时请核对身份证号{idcard}与本人信息是否一致。",
        "还款账户尾号{digits4}，完整卡号{card}，请勿泄露给他人。",
    ];

    private static readonly string[] EnglishTemplates =
    [
        "Our {engproduct} gives you access to a diversified portfolio of {engtopic} with a minimum investment of ${amount}.",
        "As of {engdate}, the fund's one-year return was {pct}, compared with {pct} for its benchmark.",
        "Join our webinar with {engname} to learn how {engtopic} fits into a long-term plan.",
        "Fees and expenses apply; please read the prospectus carefully before you invest.",
        "Download the app and open an account in minutes, then set up automatic contributions.",
        "The {engproduct} invests mainly in {engtopic} and may be suitable for investors with a long time horizon.",
        "Rates are variable and may change after the introductory period of {engterm}.",
        "Talk to one of our advisors about building a portfolio around your goals and risk tolerance.",
        "Market conditions in {engtopic} have been volatile this quarter, and prices may rise or fall.",
        "Our team of {count} analysts covers more than {count} companies across {engtopic}.",
        "Terms and conditions apply. See our website for full details of the offer.",
        "Many readers asked whether now is a good time to consider {engtopic}; here is how we think about it.",
    ];

    private static readonly string[] EnglishProducts = ["Global Income Fund", "Balanced Growth Portfolio", "Premier Savings Account", "Flex Personal Loan", "Smart Index ETF"];
    private static readonly string[] EnglishTopics = ["technology stocks", "investment-grade bonds", "dividend equities", "emerging markets", "money market instruments", "real estate"];
    private static readonly string[] EnglishNames = ["our chief strategist", "portfolio manager Dana Lee", "advisor Tom Chen", "our research team"];
    private static readonly string[] EnglishTerms = ["six months", "12 months", "90 days", "two years"];

    /// <summary>Carriers for planted phrases: most assert, some negate or quote so the engine's context checks run.</summary>
    private static readonly string[] ChineseCarriers =
    [
        "这款产品{p}，值得拥有！", "{p}，错过再等一年。", "{emoji}{p}{emoji}", "我们的{product}{p}，欢迎咨询。", "客户反馈说{p}，",
        "{p}！", "选择{org}，{p}。", "本产品不承诺{p}，", "《广告法》禁止使用“{p}”等用语。", "所谓“{p}”的宣传要警惕，",
    ];

    private static readonly string[] EnglishCarriers = ["It is {p}. ", "Our offer is {p}! ", "We do not promise {p}. ", "Call now: {p}. ", "{p} for every saver. "];

    private readonly SeededRandom _rng;
    private readonly IReadOnlyList<string> _planted;
    private readonly double _plantPerChar;
    private double _budget;

    public MarketingText(ulong seed, IReadOnlyList<string> plantedPhrases, MatchDensity density)
    {
        _rng = new SeededRandom(seed);
        _planted = plantedPhrases;
        _plantPerChar = plantedPhrases.Count == 0 ? 0 : density switch
        {
            MatchDensity.Clean => 0,
            MatchDensity.Realistic => 1.0 / 2000,
            _ => 1.0 / 50,
        };
    }

    public SeededRandom Random => _rng;

    /// <summary>Whether the draft being written is English web copy (else Chinese, with English acronyms).</summary>
    public bool English { get; set; }

    /// <summary>
    /// Drafts of about <paramref name="draftChars"/> characters, at least <paramref name="utf8Bytes"/> bytes (UTF-8) in
    /// all, paragraphs separated by blank lines: one draft in five is English, the rest Chinese.
    /// </summary>
    public List<string> Drafts(long utf8Bytes, int draftChars)
    {
        var drafts = new List<string>();
        long bytes = 0;
        var sb = new StringBuilder();
        while (bytes < utf8Bytes)
        {
            English = _rng.Chance(0.2);
            sb.Clear();
            while (sb.Length < draftChars)
            {
                sb.Append(Paragraph()).Append("\n\n");
            }

            string draft = sb.ToString();
            drafts.Add(draft);
            bytes += Encoding.UTF8.GetByteCount(draft);
        }

        return drafts;
    }

    /// <summary>One paragraph in the draft's language (one in twenty is in the other language, as in bilingual copy).</summary>
    public string Paragraph()
    {
        bool english = English != _rng.Chance(0.05);
        int sentences = _rng.Next(2, 7);
        var sb = new StringBuilder();
        for (int i = 0; i < sentences; i++)
        {
            sb.Append(Sentence(english));
        }

        return sb.ToString().TrimEnd();
    }

    public string Sentence(bool english)
    {
        string sentence = Fill(_rng.Pick(english ? EnglishTemplates : _rng.Chance(1.0 / 40) ? PersonalDataTemplates : ChineseTemplates));
        if (english)
        {
            sentence += " ";
        }

        _budget += sentence.Length * _plantPerChar;
        var sb = new StringBuilder(sentence);
        while (_budget >= 1 || (_budget > 0 && _rng.Chance(_budget)))
        {
            _budget -= 1;
            string phrase = _rng.Pick(_planted);
            bool latinPhrase = phrase.Length > 0 && char.IsAsciiLetter(phrase[0]);
            string carrier = Fill(_rng.Pick(latinPhrase ? EnglishCarriers : ChineseCarriers)).Replace("{p}", phrase, StringComparison.Ordinal);
            if (_rng.Chance(0.5))
            {
                sb.Insert(0, carrier);
            }
            else
            {
                sb.Append(carrier);
            }
        }

        return sb.ToString();
    }

    public string Headline() => _rng.Next(4) switch
    {
        0 => $"{_rng.Pick(Topics)}怎么看？{_rng.Pick(Names)}一文讲透",
        1 => $"{_rng.Pick(Emoji)}{_rng.Pick(Products)}今日开售",
        2 => $"{Year()}年{_rng.Pick(Topics)}展望",
        _ => $"{_rng.Pick(EnglishTopics)}: what to watch this quarter",
    };

    public string ProductName() => _rng.Pick(Products);

    public string RiskStatement() => _rng.Next(6) switch
    {
        0 => "理财非存款、产品有风险、投资须谨慎。",
        1 => "基金过往业绩不预示其未来表现，基金管理人管理的其他基金的业绩并不构成本基金业绩表现的保证。",
        2 => "市场有风险，投资需谨慎。",
        3 => "本材料不构成任何投资建议，投资者应仔细阅读产品说明书。",
        4 => "Investing involves risk, including possible loss of principal. Past performance does not guarantee future results.",
        _ => "请理性借贷，按时还款，具体年化利率以借款合同为准。",
    };

    private string Fill(string template)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            int close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            string key = template[(open + 1)..close];
            sb.Append(Slot(key));
            i = close + 1;
        }

        return sb.ToString();
    }

    private string Slot(string key) => key switch
    {
        "org" => _rng.Pick(_rng.Next(5) switch { 0 => Banks, 1 => Funds, 2 => Insurers, 3 => Lenders, _ => Brokers }),
        "product" => _rng.Pick(Products),
        "risk" => _rng.Pick(Risks),
        "term" => _rng.Pick(Terms),
        "amount" => _rng.Pick(["1", "100", "1000", "1万", "5万", "20万"]),
        "date" => $"{Year()}年{_rng.Next(1, 13)}月{_rng.Next(1, 29)}日",
        "engdate" => $"{_rng.Pick(["March", "June", "September", "December"])} {_rng.Next(1, 29)}, {Year()}",
        "pct" => $"{_rng.Next(0, 9)}.{_rng.Next(10, 99)}%",
        "rate" => $"0.{_rng.Next(10, 99)}",
        "name" => _rng.Pick(Names),
        "topic" => _rng.Pick(Topics),
        "acronym" => _rng.Pick(Acronyms),
        "emoji" => _rng.Pick(Emoji),
        "percentile" => $"{_rng.Next(5, 40)}%",
        "digits4" => _rng.Next(1000, 10000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "count" => _rng.Next(2, 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "years" => _rng.Next(3, 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "age" => _rng.Pick(["55", "60", "65", "70", "80", "105"]),
        "mobile" => Mobile(),
        "email" => $"{_rng.Pick(["service", "kefu", "vip", "zhang.li", "invest"])}{_rng.Next(100)}@{_rng.Pick(["example.com", "hxbank.cn", "fund.com.cn"])}",
        "digits16" => Digits(16),
        "idcard" => IdCard(),
        "card" => BankCard(),
        "engproduct" => _rng.Pick(EnglishProducts),
        "engtopic" => _rng.Pick(EnglishTopics),
        "engname" => _rng.Pick(EnglishNames),
        "engterm" => _rng.Pick(EnglishTerms),
        _ => "{" + key + "}",
    };

    private int Year() => _rng.Next(2021, 2026);

    private string Digits(int count)
    {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            sb.Append((char)('0' + _rng.Next(10)));
        }

        return sb.ToString();
    }

    private string Mobile()
    {
        string number = "1" + (char)('3' + _rng.Next(7)) + Digits(9);
        return _rng.Next(3) switch
        {
            0 => number,
            1 => $"{number[..3]} {number[3..7]} {number[7..]}",
            _ => "+86-" + number,
        };
    }

    /// <summary>An 18-character identity number with a valid check character (GB 11643).</summary>
    private string IdCard()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        string body = _rng.Pick(["110101", "310104", "440305", "510107"]) + $"{_rng.Next(1960, 2005)}{_rng.Next(1, 13):00}{_rng.Next(1, 29):00}" + Digits(3);
        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10x98765432"[sum % 11];
    }

    /// <summary>A 16-digit card number passing the Luhn check, sometimes written in groups of four.</summary>
    private string BankCard()
    {
        string body = "62" + Digits(13);
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        string card = body + (char)('0' + ((10 - (sum % 10)) % 10));
        return _rng.Chance(0.5) ? card : $"{card[..4]} {card[4..8]} {card[8..12]} {card[12..]}";
    }
}
