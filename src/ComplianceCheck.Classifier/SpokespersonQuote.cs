using System.Text.RegularExpressions;

namespace ComplianceCheck.Classifier;

/// <summary>
/// A firm's own officer quoted in a press release or an interview ("This launch broadens our range," said Mark Ellis, Head of
/// Distribution; 该公司首席经济学家表示…): the firm speaking through its staff, which a statistical model reads as a
/// testimonial because someone is named and quoted. A testimonial comes from a customer or a third party.
/// </summary>
public static partial class SpokespersonQuote
{
    [GeneratedRegex(
        @"\b(?:said|says|added|adds|commented|explained|noted|according to)\b[^.!?]{0,80}\b(?:chief|head of|director|ceo|cio|cfo|coo|president|chair(?:man|woman|person)?|managing partner|founder|co-founder|portfolio manager|fund manager|analyst|economist|strategist|spokes(?:person|woman|man)|managing director)\b"
        + @"|\b(?:chief [a-z]+ officer|head of [a-z]+|ceo|cio|cfo|portfolio manager|fund manager|managing director|chief economist|chief strategist|spokes(?:person|woman|man)),? (?-i:[A-Z][a-z]+(?: [A-Z][A-Za-z'-]+){1,2}),? (?:said|says|added|commented|explained|noted)\b"
        + @"|(?:董事长|总经理|总裁|首席[^，。！？,.!?]{0,6}官|首席经济学家|副?行长|负责人|基金经理|投资总监|研究总监|分析师|经济学家|发言人|合伙人|创始人)[^，。！？,.!?]{0,10}(?:表示|指出|称|认为|介绍)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OfficerSpeaks();

    // An officer of a client who recommends the firm ("…I recommend them," says the head of retail at one of our clients) is a
    // testimonial all the same.
    [GeneratedRegex(@"recommend|\b(?:at|from|of) (?:one of )?(?:our|a|the|its) (?:clients?|customers?)\b|推荐|客户", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClientOrRecommendation();

    public static bool Is(ReadOnlySpan<char> sentence) => OfficerSpeaks().IsMatch(sentence) && !ClientOrRecommendation().IsMatch(sentence);
}
