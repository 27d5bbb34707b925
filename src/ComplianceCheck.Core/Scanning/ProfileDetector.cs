using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Scanning;

/// <summary>Guesses a draft's product and languages from its text when nothing declares them.</summary>
public static class ProfileDetector
{
    // Weighted cue words per product; a specific cue (净值, 年化利率) outweighs a generic one (收益).
    internal static readonly (string Product, string Cue, int Weight)[] Cues =
    [
        ("private-fund", "私募", 4), ("private-fund", "合格投资者", 3), ("private-fund", "私募基金", 3),
        ("fund", "基金", 2), ("fund", "净值", 3), ("fund", "定投", 3), ("fund", "基金经理", 3), ("fund", "etf", 2), ("fund", "申购", 1),
        ("fund", "公募", 3), ("fund", "mutual fund", 3), ("fund", "nav", 2), ("fund", "index fund", 3), ("fund", "expense ratio", 3),
        ("fund", "prospectus", 2), ("fund", "fund manager", 3), ("fund", "unit trust", 3), ("fund", "the fund", 2), ("fund", "this fund", 2),
        ("fund", "fund's", 2), ("fund", "growth fund", 2), ("fund", "income fund", 2), ("fund", "bond fund", 2), ("fund", "equity fund", 2),
        ("fund", "factsheet", 2), ("fund", "ongoing charge", 2), ("fund", "key information document", 2), ("fund", "kiid", 3), ("fund", "ucits", 3),
        ("fund", "oeic", 3), ("fund", "investment trust", 3),
        ("wealth", "理财", 3), ("wealth", "业绩比较基准", 3), ("wealth", "理财产品", 2), ("wealth", "理财子", 3), ("wealth", "wealth management", 2),
        ("wealth", "portfolio", 2), ("wealth", "robo-advis", 3), ("wealth", "advisory fee", 3), ("wealth", "rebalanc", 2), ("wealth", "pension", 1),
        ("wealth", "asset allocation", 2),

        // Education savings (a 529 plan, a junior ISA): invested for a child, however often "payday" or "financial aid" comes up.
        ("wealth", "529 plan", 3), ("wealth", "529 account", 3), ("wealth", "529s", 2), ("wealth", "college savings", 3), ("wealth", "education savings", 3),
        ("wealth", "junior isa", 3), ("wealth", "stocks and shares isa", 3),

        // Lending as an investment (peer-to-peer, mini-bonds, crowdfunding): the reader lends to earn, and "loan" and "lender"
        // there name the investment, not credit offered to the reader.
        ("wealth", "peer-to-peer", 4), ("wealth", "p2p", 4), ("wealth", "innovative finance isa", 4), ("wealth", "ifisa", 4),
        ("wealth", "mini-bond", 4), ("wealth", "minibond", 4), ("wealth", "crowdfunding", 3), ("wealth", "provision fund", 4),
        ("wealth", "lend to", 3), ("wealth", "target return", 3), ("wealth", "capital at risk", 2),
        ("wealth", "loan note", 4), ("wealth", "noteholder", 3), ("wealth", "note holder", 3),
        // A draft that speaks of investors (a scheme's, the reader as one) invests, however often it names a loan.
        ("wealth", "investor", 2),
        // A trust plan or a private-credit fund lends the investors' money on (融资方、借款人、贷款): its readers invest.
        ("wealth", "信托", 3), ("wealth", "信托计划", 2), ("wealth", "定融", 3), ("wealth", "private credit", 4), ("wealth", "lends to", 3), ("wealth", "收益权", 3),
        ("insurance", "保险", 3), ("insurance", "保费", 3), ("insurance", "投保", 3), ("insurance", "分红险", 3), ("insurance", "万能险", 3),
        ("insurance", "年金", 2), ("insurance", "重疾", 3), ("insurance", "被保险人", 3), ("insurance", "保单", 3), ("insurance", "寿险", 3),
        ("insurance", "insurance", 3), ("insurance", "premium", 2), ("insurance", "annuity", 2), ("insurance", "policyholder", 3),
        // Deposit insurance (存款保险) protects savings, it sells no policy: its 保险/insurance is taken back out.
        ("insurance", "存款保险", -3), ("insurance", "deposit insurance", -3),
        ("insurance", "with-profits", 3), ("insurance", "critical illness", 3), ("insurance", "life cover", 3),
        // Cash-value life insurance sold as a savings plan (IUL, whole life, "infinite banking") talks of borrowing against the
        // policy as much as of the policy: its loans are the policy's, and the draft still sells insurance. "Cash value" alone
        // does not name a policy (a voucher "has no cash value"); IUL is a word of its own, not the inside of Giulia.
        ("insurance", "universal life", 4), ("insurance", "whole life", 3), ("insurance", " iul", 3), ("insurance", "(iul", 3), ("insurance", "cash value", 2),
        ("insurance", "death benefit", 3), ("insurance", "policy loan", 3), ("insurance", "infinite banking", 4), ("insurance", "term life", 3),
        ("insurance", "surrender charge", 3),
        ("credit", "贷款", 3), ("credit", "借款", 3), ("credit", "分期", 2), ("credit", "信用卡", 3), ("credit", "放款", 3), ("credit", "借钱", 3),
        ("credit", "还款", 2), ("credit", "日息", 3), ("credit", "额度", 1), ("credit", "网贷", 3), ("credit", "下款", 3),
        ("credit", "备用金", 3), ("credit", "消费金融", 3), ("credit", "先享后付", 3), ("credit", "先买后付", 3), ("credit", "免息", 2),
        ("credit", "loan", 3), ("credit", "credit card", 3), ("credit", "apr", 2), ("credit", "borrow", 2), ("credit", "mortgage", 3),
        ("credit", "pay later", 3), ("credit", "bnpl", 3), ("credit", "cash advance", 3), ("credit", "credit check", 2), ("credit", "repay", 2),
        ("credit", "lender", 2), ("credit", "overdraft", 3), ("credit", "refinanc", 2), ("credit", "late fee", 2), ("credit", "interest-free", 2),
        ("credit", "融资融券", 3), ("credit", "两融", 3), ("credit", "配资", 3), ("credit", "融资利", 3), ("credit", "融券", 2), ("credit", "borrow against", 2),
        ("credit", "subject to status", 3), ("credit", "balance transfer", 3), ("credit", "on purchases", 2), ("credit", "credit limit", 2),
        ("credit", "minimum repayment", 3), ("credit", "minimum payment", 2), ("credit", "late payment", 2), ("credit", "credit score", 1),
        ("credit", "车贷", 3), ("credit", "payday", 2), ("credit", "payday loan", 2), ("credit", "payday lend", 2), ("credit", "car finance", 3), ("credit", "auto finance", 3),
        ("credit", "margin loan", 3), ("credit", "margin rate", 3), ("credit", "margin is available", 3), ("credit", "margin at", 3),
        ("credit", "margin lending", 3),
        ("credit", "vehicle finance", 3), ("credit", "financing", 2), ("credit", "weekly payment", 2), ("credit", "monthly payment", 2),
        ("credit", "down payment", 2), ("credit", "pre-approved", 2), ("credit", "bad credit", 3),
        ("credit", "factoring", 3), ("credit", "factor rate", 3), ("credit", "line of credit", 3), ("credit", "working capital", 2),
        ("credit", "spread the cost", 2), ("credit", "margin loan", 3), ("credit", "margin rate", 3), ("credit", "margin balance", 3), ("credit", "margin lending", 3),
        ("securities", "股票", 3), ("securities", "炒股", 3), ("securities", "证券", 2), ("securities", "荐股", 4), ("securities", "投顾", 3),
        ("securities", "牛股", 4), ("securities", "涨停", 3), ("securities", "券商", 3), ("securities", "开户", 1),
        ("securities", "stock", 2), ("securities", "brokerage", 3), ("securities", "trading", 1), ("securities", "margin", 1),
        ("securities", "shares", 1), ("securities", "options trading", 3), ("securities", "option trading", 3), ("securities", "bank nifty", 3),
        ("securities", "nifty", 2), ("securities", "f&o", 3), ("securities", "call option", 3), ("securities", "put option", 3), ("securities", "futures", 2),
        ("securities", "forex", 3), ("securities", "pips", 2), ("securities", "prop firm", 3), ("securities", "funded account", 2), ("securities", "expiry", 1),
        ("securities", "期权", 3), ("securities", "期货", 3), ("securities", "外汇", 2), ("securities", "逆回购", 4),
        // Unlisted shares sold before a listing (原始股, pre-IPO): an equity investment, whatever loans the pitch mentions.
        ("securities", "原始股", 4), ("securities", "招股", 2), ("securities", "pre-ipo", 4),
        ("deposit", "存款", 2), ("deposit", "大额存单", 4), ("deposit", "定期存款", 3), ("deposit", "整存整取", 4), ("deposit", "存单", 2),
        ("deposit", "savings account", 3), ("deposit", "certificate of deposit", 4), ("deposit", "term deposit", 4), ("deposit", "fixed deposit", 4),
        ("deposit", "fdic", 2), ("deposit", "cdic", 2), ("deposit", "guaranteed investment certificate", 4), ("deposit", " gic", 3),
        // Savings bonds sold at a bank's counter (储蓄国债, 凭证式/电子式) are read as deposits: principal and coupon are the state's
        // promise, not an investment's hope. Exchange repos (国债逆回购) and bond funds (基金) have cues of their own.
        ("deposit", "储蓄国债", 4), ("deposit", "凭证式国债", 4), ("deposit", "电子式国债", 4), ("deposit", "国债", 1),
        ("general", "crypto", 3), ("general", "bitcoin", 3), ("general", "加密货币", 3), ("general", "虚拟货币", 3), ("general", "比特币", 3),
        ("general", "gold savings", 3), ("general", "gold price", 2), ("general", "precious metal", 3), ("general", "积存金", 3), ("general", "贵金属", 3), ("general", "黄金投资", 3), ("general", "投资金条", 3),
        ("general", "金条", 3), ("general", "金价", 2), ("general", "黄金", 2),
        ("general", "投资", 1), ("general", "收益", 1), ("general", "回报", 1), ("general", "invest", 1), ("general", "returns", 1),
    ];

    private const int MinimumScore = 3;
    private const int GeneralDominance = 6;
    private const int MaxCount = 5;

    // One pass of an automaton over the draft finds every cue: 75 separate searches of the whole text cost more than the rules.
    private static readonly PhraseAutomaton CueAutomaton = new([.. Cues.Select(c => c.Cue)]);

    [ThreadStatic]
    private static List<LiteralHit>? t_hits;

    public static string? DetectProduct(string foldedText) => DetectProducts(foldedText).Product;

    // Credit and investment products are judged by different claims (the cost of borrowing; returns and safety), so when a
    // draft markets both (a bank e-mail with a loan and a portfolio, an app's push batch, a policy loan in an insurance
    // post, margin financing in a broker's) the other side's claim rules also apply. Savings, insurance and investment
    // products share their words (保本 is a fact of a deposit, a promise of a fund), so no second product is taken among them.
    private static readonly string[] InvestmentProducts = ["fund", "wealth", "securities", "private-fund"];

    /// <summary>
    /// The product a draft is mostly about, and the other product it also markets: credit beside any other product, or an
    /// investment product beside credit, when that one scores at least <see cref="MinimumScore"/> and 40 % of the first.
    /// </summary>
    public static (string? Product, string? AlsoProduct) DetectProducts(string foldedText)
    {
        var scores = Scores(foldedText, out bool readerLends);
        var ranked = Ranked(scores).ToList();
        // A passing mention (不要借钱买金 in a gold-bar live stream) does not make a draft that is overwhelmingly about another
        // investment (gold, crypto) a draft about that product.
        if (ranked.Count == 0 || ranked[0].Value < MinimumScore || scores.GetValueOrDefault("general") >= ranked[0].Value * GeneralDominance)
        {
            return (scores.GetValueOrDefault("general") >= MinimumScore ? "general" : null, null);
        }

        var (best, bestScore) = ranked[0];
        if (best == "credit" && readerLends
            && ranked.FirstOrDefault(s => InvestmentProducts.Contains(s.Key) && s.Value >= MinimumScore && s.Value * 5 >= bestScore * 2) is { Key: { } investment })
        {
            // A lending platform's page names loans more often than anything else; its reader still invests.
            return (investment, null);
        }

        return (best, AlsoMarketed(scores, best, bestScore, readerLends));
    }

    /// <summary>
    /// The product one message of a batch (an SMS, a push) markets. A message is too short to repeat its cue, so one cue names
    /// it, a specific product before a generic investment word (投资, returns).
    /// </summary>
    public static string? DetectMessageProduct(string foldedText)
    {
        var scores = Scores(foldedText, out _);
        return Ranked(scores).FirstOrDefault().Key ?? (scores.ContainsKey("general") ? "general" : null);
    }

    /// <summary>
    /// The investment product one passage of a savings draft sells by its own words (a branch's deposit mailing whose paragraph
    /// moves maturing savings into a wealth product): that passage is judged by the investment's claim rules, which a deposit's
    /// rightly guaranteed principal keeps off elsewhere. Null unless an investment product or insurance scores at least
    /// <see cref="MinimumScore"/> there and more than deposits do.
    /// </summary>
    public static string? DetectInvestmentPassage(string foldedText)
    {
        var scores = Scores(foldedText, out _);
        var best = Ranked(scores).FirstOrDefault(s => s.Key != "deposit");
        return best.Key is { } product && (InvestmentProducts.Contains(product) || product == "insurance")
            && best.Value >= MinimumScore && best.Value > scores.GetValueOrDefault("deposit") ? product : null;
    }

    /// <summary>
    /// The other product a draft declared to be about <paramref name="product"/> also markets (a policy loan in an
    /// insurance draft); the declared product's own score counts as at least <see cref="MinimumScore"/>.
    /// </summary>
    public static string? AlsoProduct(string foldedText, string product)
    {
        var scores = Scores(foldedText, out bool readerLends);
        return AlsoMarketed(scores, product, Math.Max(MinimumScore, scores.GetValueOrDefault(product)), readerLends);
    }

    // Lending as the investment (a peer-to-peer platform, loan notes, a private-credit fund, a trust plan): its loans, borrowers and
    // repayments are what the reader invests in, not credit offered to the reader.
    internal static readonly string[] ReaderLendsCues =
        ["peer-to-peer", "p2p", "innovative finance isa", "ifisa", "mini-bond", "minibond", "loan note", "noteholder", "note holder", "private credit",
            "lend to", "lends to", "provision fund", "信托计划", "定融"];

    // Each of them is a product cue, so the pass that scores the cues also tells whether the reader lends.
    private static readonly bool[] IsReaderLendsCue = [.. Cues.Select(c => ReaderLendsCues.Contains(c.Cue))];

    private static string? AlsoMarketed(Dictionary<string, int> scores, string best, int bestScore, bool readerLends)
    {
        if (best is "general" or "none")
        {
            return null;
        }

        // A draft that also sells deposits says 保本 and 存款保险 of them rightly: investment rules stay off beside credit there.
        bool sellsDeposits = scores.GetValueOrDefault("deposit") >= MinimumScore;
        var also = scores
            .Where(s => s.Key != best && s.Value >= MinimumScore && s.Value * 5 >= bestScore * 2
                && (best != "credit" ? s.Key == "credit" : !sellsDeposits && InvestmentProducts.Contains(s.Key)))
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return also.Key == "credit" && InvestmentProducts.Contains(best) && readerLends ? null : also.Key;
    }

    // The specific products by score, highest first; a tie goes to the name that sorts first, so detection does not depend on
    // the order the cues were counted in. The generic investment words ("general") are weighed by each caller on their own.
    private static IEnumerable<KeyValuePair<string, int>> Ranked(Dictionary<string, int> scores) =>
        scores.Where(s => s.Key != "general" && s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal);

    private static Dictionary<string, int> Scores(string foldedText, out bool readerLends)
    {
        // Each cue counts its occurrences as successive searches would: left to right, none overlapping the one before, at most 5
        // (the automaton reports a cue's occurrences in order).
        var hits = t_hits ??= [];
        hits.Clear();
        CueAutomaton.FindAll(foldedText, hits);
        Span<int> counts = stackalloc int[Cues.Length];
        Span<int> lastEnds = stackalloc int[Cues.Length];
        foreach (var hit in hits)
        {
            int cue = hit.PatternId;
            int start = hit.End - Cues[cue].Cue.Length;
            if (counts[cue] < MaxCount && (counts[cue] == 0 || start >= lastEnds[cue]))
            {
                counts[cue]++;
                lastEnds[cue] = hit.End;
            }
        }

        var scores = new Dictionary<string, int>();
        readerLends = false;
        for (int i = 0; i < Cues.Length; i++)
        {
            if (counts[i] > 0)
            {
                var (product, _, weight) = Cues[i];
                scores[product] = scores.GetValueOrDefault(product) + (weight * counts[i]);
                readerLends |= IsReaderLendsCue[i];
            }
        }

        return scores;
    }

    /// <summary>zh-CN when there is real Chinese text, en when Latin words dominate; both for mixed drafts.</summary>
    public static IReadOnlyList<string> DetectLanguages(string text)
    {
        int cjk = 0, latin = 0;
        foreach (char c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                cjk++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
        }

        bool zh = cjk >= 4 || (cjk > 0 && cjk * 4 >= latin);
        // An ideograph says about as much as two or three letters: a bilingual draft (a Chinese line, then its English) has about
        // twice as many letters as ideographs, and both languages' rules apply to it.
        bool en = latin >= 40 && latin * 2 > cjk * 3 || (cjk == 0 && latin > 0);
        if (zh && en)
        {
            return ["zh-CN", "en"];
        }

        return en ? ["en"] : ["zh-CN"];
    }
}
