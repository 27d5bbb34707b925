using System.Globalization;
using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The classifier's part in <c>check</c>: every sentence of every block gets the model's label and probability.
/// A risky label at or above <see cref="ModelSettings.Threshold"/> in a sentence no rule finding touches becomes a
/// <c>"source": "model"</c> finding; a rule finding in a sentence judged <c>clean-warning</c> at or above
/// <see cref="ModelSettings.DowngradeThreshold"/> is lowered to info ("likely a quotation or warning").
/// </summary>
public sealed class ModelAugmenter(ISentenceClassifier model, ModelSettings settings) : IFindingAugmenter
{
    public const string DowngradeNote = Finding.QuotedNote;

    public const string WarningDraftNote = Finding.WarningDraftNote;

    // The words a promise of safety is made of: when each one the sentence holds is negated (没有稳赚这回事, 不保本, not
    // guaranteed), the sentence denies the promise, whatever the model read into the words.
    private static readonly string[] GuaranteeWords =
    [
        "保本", "保收益", "保息", "保证", "稳赚", "稳赢", "零风险", "无风险", "只涨不跌", "刚兑", "刚性兑付", "兜底", "承诺收益", "保证收益", "承诺保本", "保证盈利", "承诺回报",
        "guaranteed", "guarantee", "risk-free", "risk free", "can't lose", "cannot lose",
    ];

    // The words a superlative is made of: 我们不追求最高收益 and "not the cheapest" deny the claim.
    private static readonly string[] SuperlativeWords =
    [
        "最高", "最好", "最佳", "最优", "最强", "最安全", "最稳", "最低", "最大", "第一", "首选", "唯一", "顶级", "the best", "the highest", "the cheapest",
        "the lowest", "no.1", "number one", "#1",
    ];

    public string Fingerprint => model.Fingerprint;

    public ISentenceClassifier Model => model;

    public ModelSettings Settings => settings;

    /// <summary>
    /// Whether a model finding is also added to a sentence where rules found something of another category (the rules caught
    /// 闭眼入 as inducement, the model reads 本金一分不少 as a guarantee). When false, any standing rule finding silences the model.
    /// </summary>
    public bool BesideOtherCategories { get; init; } = true;

    /// <summary>
    /// The least probability for a model finding on a sentence without Chinese characters: the English part of the model has
    /// far less data and is overconfident on text unlike its corpus (chosen on the validation split: fewer false positives at
    /// the same F1).
    /// </summary>
    public double LatinThreshold { get; init; } = 0.85;

    /// <summary>
    /// The least probability for a model finding on a sentence with no financial or promotional cue (<see cref="DomainCue"/>):
    /// neutral prose (industry analysis, how-to steps, UI text) is unlike the marketing sentences the model learnt from, and it
    /// can be confidently wrong there (chosen on the validation split, which holds such prose).
    /// </summary>
    public double NoCueThreshold { get; init; } = 0.95;

    /// <summary>
    /// The rule packs in use. An apr judgement ("a credit offer without an annualised rate") is given only to drafts whose
    /// profile some apr rule of the packs applies to: a savings, fund or insurance draft is no credit offer, however much a
    /// sentence of it reads like one ("No monthly fees."). Null: every draft.
    /// </summary>
    public RuleSet? Rules { get; init; }

    // Built from Rules when first needed; two workers racing build the same thing.
    private RiskStatements? _riskStatements;

    public IReadOnlyList<Finding> Augment(SourceDocument document, DraftProfile profile, IReadOnlyList<Finding> ruleFindings)
    {
        var result = ruleFindings.ToList();
        var added = new List<Finding>();
        var units = new List<(int Start, int End)>();
        var sentences = new List<(int Start, int End)>();
        var overlapping = new List<int>();
        var speakers = ScriptCue.Speakers(document.Text);
        var avoidList = AvoidList.Of(document);
        bool? warnsAgainstClaims = null;
        HashSet<int>? exampleTables = null;
        foreach (var block in document.Blocks)
        {
            SentenceSplitter.Units(block.Text, units, sentences);
            bool addedInBlock = false;
            bool surelyClean = true;
            foreach (var unit in units)
            {
                var (start, end, stage) = ScriptCue.Copy(block.Text, unit.Start, unit.End, speakers);
                var span = block.Text.AsSpan(start, end - start);
                if (!SentenceSplitter.IsJudgeable(span))
                {
                    continue;
                }

                int srcStart = block.SourceStart(start);
                int srcEnd = Math.Max(srcStart, block.SourceEnd(end));
                OverlappingRuleFindings(result, srcStart, srcEnd, overlapping);

                // A prediction that can neither add a finding (headings, cells and fragments never get one) nor lower a rule
                // finding (there is none here) is not worth computing.
                bool copyCell = IsCopyCell(block, span) && !(exampleTables ??= ExampleTables.Of(document)).Contains(block.ContainerId);
                bool mayAdd = (IsProse(block.Kind) || copyCell) && !stage && SentenceSplitter.IsLongEnoughForFinding(span) && !avoidList.Covers(block.Index, start)
                    && !(QuotedSpeech.IsQuoted(block.Text, unit.Start, unit.End) && (warnsAgainstClaims ??= WarnAgainstClaims(document)));
                if (!mayAdd && overlapping.Count == 0)
                {
                    continue;
                }

                var prediction = model.Predict(span);
                surelyClean &= !Labels.IsRisky(prediction.Label) && prediction.Probability >= SurelyClean;
                if (mayAdd && (!copyCell || prediction.Probability >= CopyCellThreshold)
                    && Holds(prediction, span, block.Text, start, end, profile, result, overlapping, srcStart, srcEnd))
                {
                    added.Add(ModelFinding(document, prediction, srcStart, srcEnd));
                    addedInBlock = true;
                    continue;
                }

                // What follows "但/but" after a disclaimer is not covered by it: rule findings there keep their severity, and the
                // model judges that part on its own.
                int turn = DisclosureGuard.ClaimAfterDisclaimer(span);
                int srcTurn = turn > 0 ? block.SourceStart(start + turn) : int.MaxValue;
                if (overlapping.Count > 0 && prediction.Label == Labels.CleanWarning && prediction.Probability >= settings.DowngradeThreshold
                    && WarnsBesideFindings(span, result, overlapping, () => warnsAgainstClaims ??= WarnAgainstClaims(document)))
                {
                    foreach (int i in overlapping.Where(i => result[i].StartOffset < srcTurn))
                    {
                        result[i] = Downgrade(result[i], prediction.Probability);
                    }
                }

                if (mayAdd && turn > 0 && ClaimAfterDisclaimer(document, block, start + turn, end, profile, result, overlapping) is { } claim)
                {
                    added.Add(claim);
                    addedInBlock = true;
                }
            }

            // Judging a post whole costs a prediction more: not worth it where every sentence of it was surely clean.
            if (!addedInBlock && !surelyClean && WholePost(block, units) is var (from, to) && !avoidList.Covers(block.Index, from)
                && !(QuotedSpeech.IsQuoted(block.Text, from, to) && (warnsAgainstClaims ??= WarnAgainstClaims(document))) && ScriptCue.Copy(block.Text, from, to, speakers) is (var postStart, var postEnd, false))
            {
                // A short post makes its claim across its sentences (Met a client at 30 with $50k. At 45 she's a millionaire.):
                // judged whole, as the model learnt such posts, when no sentence of it was enough alone.
                var span = block.Text.AsSpan(postStart, postEnd - postStart);
                int srcStart = block.SourceStart(postStart);
                int srcEnd = Math.Max(srcStart, block.SourceEnd(postEnd));
                OverlappingRuleFindings(result, srcStart, srcEnd, overlapping);
                var prediction = model.Predict(span);
                if (Holds(prediction, span, block.Text, postStart, postEnd, profile, result, overlapping, srcStart, srcEnd))
                {
                    added.Add(ModelFinding(document, prediction, srcStart, srcEnd));
                }
            }
        }

        if (added.Count == 0)
        {
            return result;
        }

        // A draft that warns against claims retells them: a victim's story, a scammer's pitch, a viewer's question. The model reads
        // such a sentence alone and cannot tell; it is reported for a reviewer to see, not as the draft's own claim.
        if (warnsAgainstClaims ??= WarnAgainstClaims(document))
        {
            for (int i = 0; i < added.Count; i++)
            {
                added[i] = added[i] with
                {
                    Severity = Severity.Info,
                    Note = WarningDraftNote,
                    Message = $"{added[i].Message} ({WarningDraftNote})",
                };
            }
        }

        result.AddRange(added);
        return [.. result.OrderBy(f => f.StartOffset).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A disclaimer does not cure the promise after it (不构成投资建议，不过跟我上车的都吃到了两个涨停; "not financial advice, but everyone who
    /// bought is up 80%"): the model, which reads the sentence whole as a warning, judges what follows the contrast on its own.
    /// </summary>
    private Finding? ClaimAfterDisclaimer(SourceDocument document, TextBlock block, int claimStart, int end, DraftProfile profile, List<Finding> result,
        List<int> overlapping)
    {
        while (claimStart < end && (char.IsWhiteSpace(block.Text[claimStart]) || char.IsPunctuation(block.Text[claimStart])))
        {
            claimStart++;
        }

        var claim = block.Text.AsSpan(claimStart, end - claimStart);
        if (!SentenceSplitter.IsLongEnoughForFinding(claim))
        {
            return null;
        }

        int srcStart = block.SourceStart(claimStart);
        int srcEnd = Math.Max(srcStart, block.SourceEnd(end));
        OverlappingRuleFindings(result, srcStart, srcEnd, overlapping);
        var prediction = model.Predict(claim);
        return Holds(prediction, claim, block.Text, claimStart, end, profile, result, overlapping, srcStart, srcEnd)
            ? ModelFinding(document, prediction, srcStart, srcEnd)
            : null;
    }

    private static bool WarnAgainstClaims(SourceDocument document) => ClaimWarnings.WarnAgainstClaims(document, block => TextFold.Fold(block.Text));

    // A post, not an article's paragraph: a 150-character paragraph of an industry article that describes marketing
    // (我们帮他们1个月加粉5w+…) read whole sounds like a testimonial.
    private const int MaxPostLength = 120;

    private const int MaxPostSentences = 3;

    private const double SurelyClean = 0.97;

    /// <summary>
    /// The span of a block that is one short post of several sentences on one line (a social post, a push, an SMS), or null.
    /// </summary>
    private static (int Start, int End)? WholePost(TextBlock block, List<(int Start, int End)> units)
    {
        if (units.Count < 2 || units.Count > MaxPostSentences || !IsProse(block.Kind))
        {
            return null;
        }

        int start = units[0].Start, end = units[^1].End;
        var span = block.Text.AsSpan(start, end - start);
        return span.Length <= MaxPostLength && !span.Contains('\n') ? (start, end) : null;
    }

    /// <summary>Whether a risky judgement of the model becomes a finding: confident enough, and no guard speaks against it.</summary>
    private bool Holds(Prediction prediction, ReadOnlySpan<char> span, string blockText, int start, int end, DraftProfile profile, List<Finding> result,
        List<int> overlapping, int srcStart, int srcEnd)
    {
        if (!Labels.IsRisky(prediction.Label))
        {
            return false;
        }

        double threshold = ModelText.HasIdeographs(span) ? settings.Threshold : Math.Max(settings.Threshold, LatinThreshold);
        if (!DomainCue.Has(span))
        {
            threshold = Math.Max(threshold, NoCueThreshold);
        }

        var label = prediction.Label;
        if (prediction.Probability < threshold)
        {
            return false;
        }

        string folded = TextFold.Fold(span.ToString());
        return !DisclosureGuard.HasDisclosure(span)
            && !(label == Labels.Apr && (AnnualRateGuard.StatesAnnualRate(LineAndNext(blockText, start, end)) || !AprApplies(profile) || !AnnualRateGuard.NamesTermsOfCredit(folded)
                || AnnualRateGuard.ReportsBusinessMetrics(folded)
                || AnnualRateGuard.IsShortInterestFreePlan(folded) || AnnualRateGuard.PricesAnOverdueAccount(folded)))
            && !SalutationGuard.IsOnlySalutation(span)
            && !CustomerQuestion.Asks(span, LineAround(blockText, start, end))
            && EnglishLabelCue.Supports(label, span) && !EnglishLabelCue.IsPlainQuestion(span)
            && !DeniesOrReports(label, span, folded)
            && !(label == Labels.Testimonial && (NegationDetector.QuotesUnderCue(folded) || SpokespersonQuote.Is(span) || IsLeadIn(span)))
            && !ReportedClaim.NamesAScam(folded)
            && !overlapping.Any(i => !BesideOtherCategories || result[i].Category == label)
            && StillHoldsWithout(JudgedInContext(result, srcStart, srcEnd, label), span, label, threshold);
    }

    /// <summary>
    /// Whether the sentence denies the claim its label names (每个承诺词都被否定或只是被引述、被问到: 不保本, 我们不追求最高收益), asks about a price
    /// rather than states one (借1万一年利息多少？), reports money already paid back (本金及收益已返还至您的银行卡), which is a notice,
    /// not a promise, or reports money lost (账户-22%，浮亏一万七千多), which is neither a promise nor a gain story.
    /// </summary>
    private static bool DeniesOrReports(string label, ReadOnlySpan<char> sentence, string folded) => label switch
    {
        Labels.Guarantee => DeniesSafetyOrStatesTerms(folded) || TransactionNotice.IsPaidOut(sentence) || LossReport.Reports(folded) || AsksAboutSafety(folded)
            || Hedges(folded),
        Labels.Testimonial => LossReport.Reports(folded),
        Labels.Absolute => NegationDetector.DeniesEvery(folded, SuperlativeWords) || MarketRecord.Reports(folded),
        Labels.Apr => AsksThePrice(sentence),
        _ => false,
    };

    private static bool DeniesSafetyOrStatesTerms(string folded) => DeniesSafety(folded) || StatesSumAssuredGrowth(folded);

    // Who cannot bear a loss, and that the product is not for them: together a suitability warning ("if you can't afford to lose
    // money, this isn't for you"; 接受不了本金亏损的，这类产品并不适合你), whose 本金 and 亏损 the model reads as a promise.
    private static readonly string[] CannotBearLoss =
        ["接受不了", "承受不了", "受不了", "无法承受", "不能承受", "无法接受", "不能接受", "can't afford to lose", "cannot afford to lose", "can't accept", "cannot accept"];

    private static readonly string[] NotSuitable = ["不适合", "不适宜", "not suitable", "isn't suitable", "unsuitable", "not right for", "isn't right for", "isn't for you", "not for you"];

    private static bool DeniesSafety(string folded) => NegationDetector.DeniesEvery(folded, GuaranteeWords) || TurnsAwayThoseWhoCannotLose(folded);

    private static bool TurnsAwayThoseWhoCannotLose(string folded) =>
        CannotBearLoss.Any(cue => folded.Contains(cue, StringComparison.Ordinal)) && NotSuitable.Any(cue => folded.Contains(cue, StringComparison.Ordinal));

    // A policy's sum assured that grows by contract (有效保险金额每年按3.0%复利递增) is a term of the contract, like a guaranteed rate; said
    // to be a return (相当于收益锁定), it is a promise again.
    private static readonly string[] SumAssured = ["有效保额", "有效保险金额", "基本保额", "基本保险金额", "保险金额", "保额"];

    private static readonly string[] Grows = ["递增", "增长", "增加"];

    private static readonly string[] ReturnWords = ["收益", "回报", "利息", "赚", "翻倍", "理财"];

    private static bool StatesSumAssuredGrowth(string folded) =>
        SumAssured.Any(w => folded.Contains(w, StringComparison.Ordinal)) && Grows.Any(w => folded.Contains(w, StringComparison.Ordinal))
            && !ReturnWords.Any(w => folded.Contains(w, StringComparison.Ordinal));

    // A question about safety (那有没有收益高一点又不亏的？, 咁即系唔会亏？, 这笔钱会不会用到？) asks for a promise, it gives none; a
    // rhetorical one (钱只会多不会少，还有什么好担心的？) gives it.
    private static readonly string[] QuestionWords = ["吗", "么", "有没有", "会不会", "是不是", "能不能", "可不可以", "怎么办", "哪", "呢", "即系", "系咪", "有冇", "会唔会", "咩"];

    private static readonly string[] Rhetorical = ["还有什么", "有什么好", "有什么可", "怕什么", "担心什么", "何必", "难道", "谁说", "还等什么", "还在等什么", "还犹豫", "还在担心", "还担心", "还怕", "还在怕"];

    private static bool AsksAboutSafety(string folded)
    {
        var trimmed = folded.AsSpan().TrimEnd(" ”\"」』）)");
        return (trimmed.EndsWith('？') || trimmed.EndsWith('?')) && ModelText.HasIdeographs(trimmed)
            && QuestionWords.Any(w => folded.Contains(w, StringComparison.Ordinal)) && !Rhetorical.Any(w => folded.Contains(w, StringComparison.Ordinal));
    }

    // A sentence that says the outcome is uncertain (今年赚钱主要是市场给面子，明年不一定) promises nothing, unless it promises something
    // beside the hedge (短期不一定涨，但长期一定赚).
    private static readonly string[] HedgeWords = ["不一定", "未必", "说不准", "说不好", "难以预测", "无法预测", "没人知道", "谁也不知道", "谁都不知道"];

    private static readonly string[] CertaintyWords = ["一定", "肯定", "保证", "稳", "必然", "绝对", "放心"];

    private static bool Hedges(string folded)
    {
        if (!HedgeWords.Any(h => folded.Contains(h, StringComparison.Ordinal)))
        {
            return false;
        }

        string rest = HedgeWords.Aggregate(folded, (text, hedge) => text.Replace(hedge, string.Empty, StringComparison.Ordinal));
        return !CertaintyWords.Any(w => rest.Contains(w, StringComparison.Ordinal));
    }

    // A line that ends in a colon (Here's what one of our members had to say:) introduces the testimonial that follows; the
    // finding belongs on that one.
    private static bool IsLeadIn(ReadOnlySpan<char> sentence) => sentence.TrimEnd(" *_") is [.., ':' or '：'];

    // A question that asks for an amount (利息多少？, "how much is the interest?"); a rhetorical one (一块钱一天，还需要犹豫吗？) prices.
    private static readonly string[] AmountQuestions = ["多少", "几", "怎么算", "如何计算", "how much", "what is the", "what's the", "what are the"];

    private static bool AsksThePrice(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.TrimEnd();
        if (!trimmed.EndsWith('？') && !trimmed.EndsWith('?'))
        {
            return false;
        }

        foreach (string word in AmountQuestions)
        {
            if (trimmed.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the sentence, once the flagged words are taken out, still shows a sign of warning, negating, quoting or asking. The
    /// model may read 稳赚不赔的定投方案 as a warning because of 不赔; with no such sign outside the flagged words, the rule stands. A
    /// standard risk statement beside the claim is no such sign (<see cref="RiskStatements"/>).
    /// </summary>
    private bool WarnsBesideFindings(ReadOnlySpan<char> sentence, List<Finding> findings, List<int> overlapping, Func<bool> warnsAgainstClaims)
    {
        string rest = TextFold.Fold(sentence.ToString());
        foreach (int i in overlapping)
        {
            string match = TextFold.Fold(findings[i].Match);
            int at = match.Length == 0 ? -1 : rest.IndexOf(match, StringComparison.Ordinal);
            if (at >= 0)
            {
                rest = string.Concat(rest.AsSpan(0, at), NegationDetector.RemovedWords.ToString(), rest.AsSpan(at + match.Length));
            }
        }

        rest = (_riskStatements ??= new RiskStatements(Rules)).Without(rest);
        if (!NegationDetector.HasWarningSign(rest))
        {
            return false;
        }

        // Quotation marks around the advertiser's own voice (a press release's “我们是…”,董事长表示; "we are…," Ms Ng added) quote
        // its claim rather than report someone else's; in a draft that warns against claims they may still name one.
        return !SpeaksForItself(rest) || warnsAgainstClaims() || NegationDetector.HasWarningSign(WithoutQuotationMarks(rest));
    }

    // How an organisation speaks of itself (folded text).
    private static readonly string[] OwnVoice = ["我们", "我行", "本行", "我司", "本公司", "我公司", "we are", "we're", "we have", "we offer", "our "];

    /// <summary>Whether words in quotation marks speak as "we": the quotation is the organisation's own statement.</summary>
    private static bool SpeaksForItself(string folded)
    {
        foreach (var (open, close) in QuotationMarks)
        {
            for (int start = folded.IndexOf(open, StringComparison.Ordinal); start >= 0; start = folded.IndexOf(open, start + 1))
            {
                int end = folded.IndexOf(close, start + 1);
                if (end < 0)
                {
                    break;
                }

                var quoted = folded.AsSpan(start + 1, end - start - 1);
                foreach (string voice in OwnVoice)
                {
                    int at = quoted.IndexOf(voice, StringComparison.Ordinal);
                    if (at >= 0 && (!char.IsAsciiLetter(voice[0]) || at == 0 || !char.IsAsciiLetter(quoted[at - 1])))
                    {
                        return true;
                    }
                }

                start = end;
            }
        }

        return false;
    }

    private static readonly (char Open, char Close)[] QuotationMarks = [('“', '”'), ('「', '」'), ('『', '』'), ('"', '"')];

    private static string WithoutQuotationMarks(string folded) => string.Concat(folded.Where(c => c is not ('“' or '”' or '「' or '」' or '『' or '』' or '"')));

    /// <summary>
    /// The line a sentence stands on: an annual rate stated in the next sentence of the same line (34.9% APR representative. No
    /// fee.) prices the offer, while another line of a batch of messages is another offer.
    /// </summary>
    private static ReadOnlySpan<char> LineAround(string text, int start, int end)
    {
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.IndexOf('\n', end);
        return text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart);
    }

    // A plan's terms and its annual rate often take a line each (方案A：首付30%，贷款期限24期⏎年化利率（单利）：0%): a line that
    // ends without a full stop goes on in the next. One that ends with one (an SMS, a numbered template) is a message of its own.
    private static ReadOnlySpan<char> LineAndNext(string text, int start, int end)
    {
        var line = LineAround(text, start, end);
        int lineEnd = text.IndexOf('\n', end);
        return lineEnd < 0 || line.TrimEnd() is [.., '。' or '！' or '？' or '.' or '!' or '?' or '；' or ';'] ? line : LineAround(text, start, lineEnd + 1);
    }

    private bool AprApplies(DraftProfile profile) => Rules == null || Rules.Rules.Any(r =>
        r.Category == Labels.Apr && profile.HasLanguage(r.Lang)
        && (r.AppliesTo(profile.Product, profile.Channel ?? string.Empty)
            || (profile.AlsoProduct is { } also && r.AppliesTo(also, profile.Channel ?? string.Empty))));

    /// <summary>
    /// The words of this category a rule found in the sentence and judged quoted or warned against (lowered to info). Not for
    /// testimonials, which come in quotation marks by nature ("I'm already up 30%.").
    /// </summary>
    private static List<string> JudgedInContext(List<Finding> findings, int start, int end, string label) =>
        label == Labels.Testimonial
            ? []
            : findings.Where(f => f.Source == "rule" && f.Severity == Severity.Info && !f.IsHint && !f.Suppressed && f.Category == label && f.Match.Length > 0
                && f.StartOffset < end && start < f.EndOffset).Select(f => f.Match).ToList();

    /// <summary>
    /// Whether the model's label still holds once the words the rules judged in context are taken out: “最优”指的是数学上的有效前沿
    /// rests on the quoted word alone, 说是“保本”，其实收益稳稳的 does not.
    /// </summary>
    private bool StillHoldsWithout(List<string> judged, ReadOnlySpan<char> sentence, string label, double threshold)
    {
        if (judged.Count == 0)
        {
            return true;
        }

        string rest = judged.Aggregate(sentence.ToString(), (text, word) => text.Replace(word, string.Empty, StringComparison.Ordinal));
        var again = model.Predict(rest);
        return again.Label == label && again.Probability >= threshold;
    }

    /// <summary>
    /// Indexes of rule findings that stand in the sentence: a span inside or across it (a missing-statement finding counts only
    /// where its trigger is) and not already lowered to info as a quotation (a suppressed one counts: someone looked at it).
    /// </summary>
    private static void OverlappingRuleFindings(List<Finding> findings, int start, int end, List<int> result)
    {
        result.Clear();
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (f.Source == "rule" && f.EndOffset > f.StartOffset && f.StartOffset < end && start < f.EndOffset && (f.Severity > Severity.Info || f.Suppressed))
            {
                result.Add(i);
            }
        }
    }

    private static Finding Downgrade(Finding finding, double probability)
    {
        // Only claims are lowered: a missing risk statement (disclaimer), personal data and the like are never excused by context.
        // A missing-APR finding is, when its trigger (日息…) sits in a warning: that sentence is no credit offer.
        if (finding.Severity == Severity.Info || Labels.FromCategory(finding.Category) == null)
        {
            return finding;
        }

        string why = $"{DowngradeNote}: the model judges this sentence a risk statement, negation or quotation (p={Format(probability)})";
        return finding with
        {
            Severity = Severity.Info,
            Note = DowngradeNote,
            Message = $"{finding.Message} ({why})",
            Confidence = finding.Confidence ?? probability,
        };
    }

    private Finding ModelFinding(SourceDocument document, Prediction prediction, int srcStart, int srcEnd)
    {
        var start = document.Lines.PositionOf(srcStart);
        var end = document.Lines.PositionOf(srcEnd);
        string match = document.Text[srcStart..srcEnd];
        return new Finding
        {
            RuleId = Labels.RuleId(prediction.Label),
            Category = Labels.Category(prediction.Label),
            Severity = settings.Severity,
            Message = $"model judgement (no rule matched): this sentence reads as {Describe(prediction.Label)} (p={Format(prediction.Probability)}); please review",
            Line = start.Line,
            Column = start.Column,
            EndLine = end.Line,
            EndColumn = end.Column,
            Match = match,
            Source = "model",
            Confidence = Math.Round(prediction.Probability, 4),
            LegalBasis = LegalBasis(prediction.Label, ModelText.HasIdeographs(match)),
            Review = ReviewHint.NeedsReview,
            StartOffset = srcStart,
            EndOffset = srcEnd,
            Context = TextFold.Fold(match).Trim(),
        };
    }

    // Headings, table cells and alt texts are labels, too terse for the model to judge on its own (the rules still check them).
    private static bool IsProse(BlockKind kind) => kind is BlockKind.Paragraph or BlockKind.ListItem or BlockKind.Quote or BlockKind.Text;

    // A table cell that holds a sentence of copy (a banner spec's 文案 column, an ad-variant sheet's description): content repos
    // keep copy in tables as often as in prose. A label, a figure or a short name stays unjudged.
    private const int MinCopyCellIdeographs = 10;
    private const double CopyCellThreshold = 0.9;
    private const int MinCopyCellWords = 6;

    private static bool IsCopyCell(TextBlock block, ReadOnlySpan<char> span)
    {
        if (block.Kind != BlockKind.TableCell)
        {
            return false;
        }

        var (ideographs, words) = SentenceSplitter.Measure(span);
        return ideographs >= MinCopyCellIdeographs || words >= MinCopyCellWords;
    }

    private static string Format(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Describe(string label) => label switch
    {
        Labels.Guarantee => "a promise of capital protection or certain returns",
        Labels.Absolute => "an absolute or superlative claim",
        Labels.Testimonial => "a testimonial or endorsement",
        Labels.Inducement => "an inducement (urgency, low-risk or easy-money lure)",
        Labels.Apr => "a credit offer without an annualised rate",
        _ => label,
    };

    // The citations the rule packs give for each category (rules/zh-CN, rules/en); the model only says the sentence reads like one.
    private static string LegalBasis(string label, bool chinese) => (label, chinese) switch
    {
        (Labels.Guarantee, true) => "《中华人民共和国广告法》第二十五条第（一）项",
        (Labels.Absolute, true) => "《中华人民共和国广告法》第九条第（三）项",
        (Labels.Testimonial, true) => "《中华人民共和国广告法》第二十五条第（二）项",
        (Labels.Inducement, true) => "金融营销不得以紧迫感、低风险或轻松获利诱导投资或借贷（行业惯例 industry practice）",
        (Labels.Apr, true) => "信贷营销应以明显方式展示年化利率（行业惯例 industry practice）",
        (Labels.Guarantee or Labels.Absolute, false) => "FINRA Rule 2210(d)(1)(B)",
        (Labels.Testimonial, false) => "FINRA Rule 2210(d)(6)",
        (Labels.Inducement, false) => "FINRA Rule 2210(d)(1)(A)",
        (Labels.Apr, false) => "Regulation Z (Truth in Lending), 12 CFR 1026.24(c)",
        _ => "model judgement",
    };
}
