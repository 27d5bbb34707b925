namespace ComplianceCheck.Core.Rules;

/// <summary>The closed vocabularies drafts and rules are described with.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyList<string> Categories =
        ["absolute", "guarantee", "disclaimer", "apr", "testimonial", "inducement", "private-fund", "pii", "other"];

    public static readonly IReadOnlyList<string> Products =
        ["wealth", "fund", "private-fund", "insurance", "credit", "securities", "deposit", "general", "none"];

    public static readonly IReadOnlyList<string> Channels =
        ["wechat-article", "wechat-moments", "xiaohongshu", "short-video", "app-banner", "sms", "web", "print"];

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    public static readonly IReadOnlyList<string> BasisTypes = ["statute", "industry-practice"];

    public static string? NormalizeLang(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "zh_cn" or "cn" or "chinese" => "zh-CN",
        "en" or "en-us" or "en-gb" or "english" => "en",
        _ => null,
    };
}
