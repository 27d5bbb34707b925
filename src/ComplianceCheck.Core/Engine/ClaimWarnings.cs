using System.Buffers;
using ComplianceCheck.Core.Documents;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Whether a draft as a whole warns against risky claims (an investor-education article, an anti-fraud script): then a claim in
/// quotation marks is one it names, as in a heading “名额有限、欲购从速”：制造紧迫感 or a scammer's line 陌生男子：“保本保息，稳赚不赔！”,
/// even where that sentence has no cue of its own. Decided from at least three lines with a strong cue, so that a promotion
/// with one anti-fraud line in its footer does not qualify. Lines, not blocks: a transcript or a script is often one or two
/// blocks of many lines.
/// </summary>
public static class ClaimWarnings
{
    private const int LinesNeeded = 3;

    // Strong signs that a draft teaches readers to recognise risky claims rather than making them: investor education, anti-fraud
    // posts, compliance training and news of penalties.
    private static readonly string[] EducationMarkers =
    [
        "诈骗", "骗局", "反诈", "防骗", "骗子", "投资者教育", "投教", "警惕", "谨防", "话术", "套路", "陷阱", "识别", "误区", "被骗", "上当", "杀猪盘",
        "非法集资", "报警", "立案", "违规", "红线", "处罚", "罚单", "合规培训", "错误示范", "禁用", "虚假宣传", "诱导", "12315", "96110",
        "反例", "广告法", "合规要点", "合规改写", "合规表述", "合规写法", "监管通报", "消保", "误导", "提醒公众", "提醒广大", "驳回",
        "scam", "fraud", "red flag", "ponzi", "too good to be true", "investor education", "warning signs", "psa:", "non-compliant",
        "compliance training", "enforcement action", "fined", "phrases to avoid", "words to avoid", "wording to avoid", "claims to avoid",
        "never write", "never say", "do not write", "don't write", "do not publish", "don't publish", "misleading", "not allowed", "not acceptable",
        "prohibited", "staff training", "instead:", "say instead", "copy we rejected", "rejected copy", "compliant alternative",
        "compliant version", "approved alternative", "compliance refresher", "compliance module", "legal review", "marketing compliance",
        // A regulator's alert or news of its cases names schemes and their promises without offering any.
        "investor alert", "investor bulletin", "consumer alert", "warns the public", "warned the public", "warns investors", "warned investors",
        "warns consumers", "warned consumers", "cease and desist", "cease-and-desist", "civil penalty", "settled charges", "unregistered", "unlicensed",
        "illegal promotion", "banned under",
        // Plain English warnings to readers.
        "beware", "be wary of", "watch out for", "pump-and-dump", "pump and dump", "debunk",
        // Telling readers to check a firm with the regulator, or where to report one.
        "brokercheck", "fca register", "financial services register", "warning list", "action fraud", "reportfraud",
    ];

    // The draft's own statement that it promotes nothing (本文为投资者教育内容，不涉及任何产品推介). Not 不构成投资建议, which
    // promotions carry too.
    private static readonly string[] NoPromotionStatements =
    [
        "不涉及任何产品推介", "不涉及产品推介", "不涉及任何产品销售", "不涉及产品销售", "不涉及任何产品推荐", "不涉及具体产品", "不推介任何产品",
        "不构成任何产品推介", "does not promote any product", "Does not promote any product", "not a promotion of any product",
    ];

    // Every statement holds one of these: a few vectorised searches of the raw text, before any block is folded.
    private static bool MayStateNoPromotion(string text) =>
        text.Contains("不涉及", StringComparison.Ordinal) || text.Contains("不推介", StringComparison.Ordinal) || text.Contains("产品推介", StringComparison.Ordinal)
        || text.AsSpan().ContainsAny(Promot);

    // One vectorised ignore-case search over the whole draft (a plain ignore-case string search is several times slower).
    private static readonly SearchValues<string> Promot = SearchValues.Create(["promot"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <paramref name="document"/> teaches readers about claims (<see cref="WarnAgainstClaims"/>) and says it promotes no
    /// product: then no product's risk statement is missing from it.
    /// </summary>
    public static bool IsEducationWithoutPromotion(SourceDocument document, Func<TextBlock, string> folded) =>
        MayStateNoPromotion(document.Text)
        && document.Blocks.Any(block => NoPromotionStatements.Any(m => folded(block).Contains(m, StringComparison.Ordinal)))
        && WarnAgainstClaims(document, folded);

    /// <summary>Whether <paramref name="document"/> warns against claims; <paramref name="folded"/> gives a block's folded text.</summary>
    public static bool WarnAgainstClaims(SourceDocument document, Func<TextBlock, string> folded)
    {
        int lines = 0;
        foreach (var block in document.Blocks)
        {
            string text = folded(block);
            foreach (var line in text.AsSpan().EnumerateLines())
            {
                if (HasMarker(line) && ++lines >= LinesNeeded)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // One pass of an automaton over a line instead of a search per marker: every draft's lines are tested until three hold one.
    private static readonly PhraseAutomaton MarkerAutomaton = new(EducationMarkers);

    private static bool HasMarker(ReadOnlySpan<char> line) => MarkerAutomaton.Count(line) > 0;
}
