namespace ComplianceCheck.Core.Rules;

/// <summary>The closed vocabularies drafts and rules are described with.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Categories =
        ["absolute", "guarantee", "disclaimer", "apr", "testimonial", "inducement", "private-fund", "pii", "other"];

    public static readonly IReadOnlyList<string> Products =
        ["wealth", "fund", "private-fund", "insurance", "credit", "securities", "deposit", "general", "none"];

    public static readonly IReadOnlyList<string> Channels =
        ["wechat-article", "wechat-moments", "xiaohongshu", "short-video", "live-stream", "app-banner", "sms", "email", "chat", "web", "print"];

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public static readonly IReadOnlyList<string> BasisTypes = ["statute", "industry-practice"];

    // Teams describe drafts in their own words (朋友圈, 公众号, loan, 理财); each alias names exactly one vocabulary term.
    private static readonly Dictionary<string, string> ProductAliases = Aliases(new()
    {
        ["wealth"] = ["理财", "银行理财", "理财产品", "wealth-management", "wm"],
        ["fund"] = ["基金", "公募", "公募基金", "mutual-fund", "etf"],
        ["private-fund"] = ["私募", "私募基金", "private"],
        ["insurance"] = ["保险", "保险产品"],
        ["credit"] = ["贷款", "信贷", "信用卡", "消费贷", "loan", "loans", "lending", "credit-card"],
        ["securities"] = ["证券", "股票", "券商", "brokerage", "stocks"],
        ["deposit"] = ["存款", "大额存单", "储蓄", "savings"],
        ["general"] = ["通用", "品牌", "brand"],
    });

    private static readonly Dictionary<string, string> ChannelAliases = Aliases(new()
    {
        ["wechat-article"] = ["公众号", "微信公众号", "微信文章", "公众号文章", "wechat", "article"],
        ["wechat-moments"] = ["朋友圈", "微信朋友圈", "moments", "moments-poster", "poster", "海报"],
        ["xiaohongshu"] = ["小红书", "rednote", "red"],
        ["short-video"] = ["短视频", "抖音", "视频号", "快手", "douyin", "tiktok", "video", "video-script"],
        ["live-stream"] = ["直播", "直播间", "直播带货", "livestream", "live", "webinar"],
        ["app-banner"] = ["app", "banner", "横幅", "开屏", "弹窗", "推送", "push", "push-notification", "popup"],
        ["sms"] = ["短信", "text-message"],
        ["email"] = ["邮件", "电子邮件", "e-mail", "newsletter", "edm"],
        // One-to-one messages to a known client (理财经理 or 客服 in WeChat or the app), not a public channel.
        ["chat"] = ["私聊", "客服", "一对一", "聊天", "企业微信", "customer-service", "dm", "direct-message"],
        ["web"] = ["官网", "网页", "网站", "website", "webpage"],
        ["print"] = ["印刷", "纸质", "宣传册", "折页", "flyer", "brochure", "leaflet"],
    });

    /// <summary>The product term a declared value names (the term itself, any case, or an alias), else null.</summary>
    public static string? NormalizeProduct(string? value) => Normalize(value, Products, ProductAliases);

    /// <summary>The channel term a declared value names (the term itself, any case, or an alias), else null.</summary>
    public static string? NormalizeChannel(string? value) => Normalize(value, Channels, ChannelAliases);

    private static string? Normalize(string? value, IReadOnlyList<string> terms, Dictionary<string, string> aliases)
    {
        if (value == null)
        {
            return null;
        }

        string key = value.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        return terms.Contains(key) ? key : aliases.GetValueOrDefault(key);
    }

    // Loops, not LINQ over (alias, term) tuples: those instantiations were compiled at every start, ~4 ms of a one-draft check.
    private static Dictionary<string, string> Aliases(Dictionary<string, string[]> byTerm)
    {
        var byAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (term, aliases) in byTerm)
        {
            foreach (string alias in aliases)
            {
                byAlias.Add(alias, term);
            }
        }

        return byAlias;
    }

    public static string? NormalizeLang(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "zh_cn" or "cn" or "chinese" => "zh-CN",
        "en" or "en-us" or "en-gb" or "english" => "en",
        _ => null,
    };
}
