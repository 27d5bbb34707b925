using System.Globalization;
using System.Net;
using System.Text;

namespace ComplianceCheck.Benchmarks.Generation;

/// <summary>What <see cref="ContentRepo.Write"/> produced.</summary>
public sealed record RepoStats(int Files, long Bytes, int Markdown, int Html, int Text);

/// <summary>
/// Writes a content repository of drafts like a marketing team's: Markdown with front matter (公众号 and 小红书
/// drafts), WeChat-editor HTML (inline styles, <c>section</c>/<c>span</c> nesting, images with alt text), and plain
/// text (SMS, video scripts, posters). The planted violations come from a fixed list (not from the rule packs), so
/// the same seed writes byte-identical files whatever the rules say today.
/// </summary>
public static class ContentRepo
{
    /// <summary>Typical risky wording of financial marketing (what reviewers strike out), Chinese and English.</summary>
    public static readonly string[] Violations =
    [
        "保本保息", "稳赚不赔", "零风险", "无风险", "保证收益", "保本", "收益稳定", "最佳", "最优", "第一", "国家级", "顶级", "100%安全", "绝对安全", "稳赚",
        "只赚不赔", "躺赚", "收益翻倍", "秒到账", "秒批", "欲购从速", "名额有限", "低风险高收益", "刚性兑付", "保底收益", "年化收益高达12%", "闭眼买",
        "必涨", "牛股推荐", "内幕消息", "包过", "当天放款", "不看征信", "黑户可贷", "利息最低", "全网最低", "史上最低", "收益有保障", "跑赢通胀",
        "比存款划算", "替代存款", "本金无忧", "亏损包赔", "亏了算我的", "客户都说好", "专家推荐", "明星同款", "限时抢购", "错过不再", "最后一天", "唯一",
        "首选", "王牌", "冠军基金", "收益冠军", "预期收益率", "承诺收益", "日息低至0.02%", "月入过万", "财务自由", "稳稳的幸福", "没有任何风险", "保证本金安全",
        "guaranteed returns", "risk-free", "no risk", "can't lose", "best fund", "number one", "guaranteed approval", "instant approval",
        "no credit check", "double your money", "act now", "limited time", "once in a lifetime", "safe as a bank", "beat the market",
        "top-performing", "sure thing", "zero risk", "principal protected", "high returns with low risk", "100% safe",
    ];

    private static readonly string[] Channels = ["wechat-article", "wechat-moments", "xiaohongshu", "short-video", "app-banner", "sms", "web"];
    private static readonly string[] ProductKeys = ["fund", "wealth", "insurance", "credit", "securities", "deposit", "general", "private-fund"];

    public static RepoStats Write(string root, int files, ulong seed)
    {
        Directory.CreateDirectory(root);
        var rng = new SeededRandom(seed);
        int md = 0, html = 0, txt = 0;
        long bytes = 0;
        var utf8 = new UTF8Encoding(false);
        for (int i = 0; i < files; i++)
        {
            var density = rng.Next(100) switch { < 20 => MatchDensity.Clean, < 95 => MatchDensity.Realistic, _ => MatchDensity.Dense };
            var text = new MarketingText(rng.NextUInt64(), Violations, density);
            string channel = rng.Pick(Channels);
            string product = rng.Pick(ProductKeys);
            int kind = rng.Next(100);
            string folder = Path.Combine(root, channel, FormattableString.Invariant($"2024-{1 + (i % 12):00}"));
            Directory.CreateDirectory(folder);
            string name, content;
            if (kind < 40)
            {
                md++;
                name = FormattableString.Invariant($"draft-{i:00000}.md");
                content = Markdown(text, rng, product, channel);
            }
            else if (kind < 75)
            {
                html++;
                name = FormattableString.Invariant($"draft-{i:00000}.html");
                content = Html(text, rng, product);
            }
            else
            {
                txt++;
                name = FormattableString.Invariant($"draft-{i:00000}.txt");
                content = PlainText(text, rng, channel);
            }

            byte[] data = utf8.GetBytes(content);
            File.WriteAllBytes(Path.Combine(folder, name), data);
            bytes += data.Length;
        }

        return new RepoStats(files, bytes, md, html, txt);
    }

    private static string Markdown(MarketingText text, SeededRandom rng, string product, string channel)
    {
        var sb = new StringBuilder();
        if (rng.Chance(0.7))
        {
            sb.Append("---\n");
            sb.Append("title: ").Append(text.Headline()).Append('\n');
            if (rng.Chance(0.6))
            {
                sb.Append("product: ").Append(product).Append('\n');
            }

            if (rng.Chance(0.5))
            {
                sb.Append("channel: ").Append(channel).Append('\n');
            }

            sb.Append("author: ").Append(rng.Pick(["marketing", "张经理", "content-team", "李老师"])).Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"date: 2024-{rng.Next(1, 13):00}-{rng.Next(1, 29):00}\n");
            sb.Append("tags: [").Append(rng.Pick(["基金", "理财", "保险", "贷款", "投教"])).Append(", ").Append(rng.Pick(["定投", "养老", "活动", "直播"])).Append("]\n");
            sb.Append("---\n\n");
        }

        sb.Append("# ").Append(text.Headline()).Append("\n\n");
        int sections = rng.Next(1, 4);
        for (int s = 0; s < sections; s++)
        {
            if (s > 0)
            {
                sb.Append("## ").Append(text.Headline()).Append("\n\n");
            }

            int paragraphs = rng.Next(1, 4);
            for (int p = 0; p < paragraphs; p++)
            {
                string paragraph = text.Paragraph();
                sb.Append(rng.Chance(0.2) ? "**" + paragraph + "**" : paragraph).Append("\n\n");
            }

            switch (rng.Next(5))
            {
                case 0:
                    for (int k = rng.Next(2, 5); k > 0; k--)
                    {
                        sb.Append("- ").Append(text.Sentence(false)).Append('\n');
                    }

                    sb.Append('\n');
                    break;
                case 1:
                    sb.Append("| 产品 | 期限 | 业绩比较基准 |\n|---|---|---|\n");
                    for (int k = rng.Next(2, 5); k > 0; k--)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"| {text.ProductName()} | {rng.Next(7, 400)}天 | {rng.Next(2, 5)}.{rng.Next(10, 99)}% |\n");
                    }

                    sb.Append('\n');
                    break;
                case 2:
                    sb.Append(CultureInfo.InvariantCulture, $"![海报：{text.Sentence(false).TrimEnd('。')}](images/poster-{rng.Next(1000)}.png)\n\n");
                    break;
                case 3:
                    sb.Append("> ").Append(text.Sentence(false)).Append("\n\n");
                    break;
            }
        }

        if (rng.Chance(0.6))
        {
            sb.Append("**风险提示**：").Append(text.RiskStatement()).Append('\n');
        }

        return sb.ToString();
    }

    private static string Html(MarketingText text, SeededRandom rng, string product)
    {
        var sb = new StringBuilder();
        bool page = rng.Chance(0.6);
        if (page)
        {
            sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
            if (rng.Chance(0.5))
            {
                sb.Append("<meta name=\"compliance:product\" content=\"").Append(product).Append("\">\n");
            }

            sb.Append("<title>").Append(WebUtility.HtmlEncode(text.Headline())).Append("</title>\n</head>\n<body>\n");
        }

        sb.Append("<div class=\"rich_media_content\" id=\"js_content\">\n");
        sb.Append("<section style=\"margin: 0px 8px; text-align: center;\"><h1 style=\"font-size: 20px; color: rgb(34, 34, 34);\">")
            .Append(WebUtility.HtmlEncode(text.Headline())).Append("</h1></section>\n");
        int paragraphs = rng.Next(3, 9);
        for (int p = 0; p < paragraphs; p++)
        {
            sb.Append("<section style=\"margin: 0px 8px 16px; line-height: 1.75em; letter-spacing: 0.5px;\"><p style=\"text-align: justify;\">");
            foreach (string sentence in SplitSentences(text.Paragraph()))
            {
                bool strong = rng.Chance(0.15);
                sb.Append("<span style=\"font-size: 15px; color: rgb(62, 62, 62); font-family: -apple-system, PingFang SC;\">");
                sb.Append(strong ? "<strong>" : string.Empty).Append(WebUtility.HtmlEncode(sentence)).Append(strong ? "</strong>" : string.Empty);
                sb.Append("</span>");
            }

            sb.Append("</p></section>\n");
            if (rng.Chance(0.25))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p style=\"text-align: center;\"><img class=\"rich_pages wxw-img\" data-ratio=\"0.5625\" data-type=\"png\" data-w=\"1080\" ");
                sb.Append(CultureInfo.InvariantCulture, $"data-src=\"https://mmbiz.qpic.cn/mmbiz_png/{rng.NextUInt64():x16}/640?wx_fmt=png\" ");
                sb.Append("alt=\"").Append(WebUtility.HtmlEncode(text.Sentence(false))).Append("\" style=\"width: 100%;\"></p>\n");
            }
        }

        if (rng.Chance(0.6))
        {
            sb.Append("<section style=\"margin: 24px 8px; font-size: 12px; color: rgb(136, 136, 136);\"><p>风险提示：")
                .Append(WebUtility.HtmlEncode(text.RiskStatement())).Append("</p></section>\n");
        }

        sb.Append("</div>\n");
        if (page)
        {
            sb.Append("</body>\n</html>\n");
        }

        return sb.ToString();
    }

    private static string PlainText(MarketingText text, SeededRandom rng, string channel)
    {
        if (channel == "sms" || rng.Chance(0.2))
        {
            return $"【{rng.Pick(["华鑫银行", "恒远基金", "锦程消费金融", "安泰人寿"])}】{text.Sentence(false)}{text.Sentence(false)}拒收请回复R\n";
        }

        var sb = new StringBuilder();
        if (channel == "short-video")
        {
            int shots = rng.Next(3, 9);
            for (int s = 1; s <= shots; s++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"镜头{s}：").Append(text.Sentence(false)).Append('\n');
            }

            return sb.ToString();
        }

        sb.Append(text.Headline()).Append("\n\n");
        int paragraphs = rng.Next(2, 9);
        for (int p = 0; p < paragraphs; p++)
        {
            sb.Append(text.Paragraph()).Append("\n\n");
        }

        if (rng.Chance(0.5))
        {
            sb.Append(text.RiskStatement()).Append('\n');
        }

        return sb.ToString();
    }

    private static IEnumerable<string> SplitSentences(string paragraph)
    {
        int start = 0;
        for (int i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '！' or '？' || (paragraph[i] == '.' && i + 1 < paragraph.Length && paragraph[i + 1] == ' '))
            {
                yield return paragraph[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < paragraph.Length)
        {
            yield return paragraph[start..];
        }
    }
}
