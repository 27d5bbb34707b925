using System.Text;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Classifier;

/// <summary>
/// Whether an English sentence has any word that the model's risky label could rest on: a promise word for guarantee, a
/// superlative for absolute, a first person or a named customer for testimonial, an offer or a deadline for inducement,
/// a price per period for apr. The English training data is small, and the model is confidently wrong on neutral
/// sentences of scripts and messages ("Same time next Monday." as inducement, "Thanks, {name}." as absolute); a label
/// no word of the sentence supports is not reported. The lists are broad on purpose: they pass paraphrases (pays you
/// like clockwork, you'll never lose a penny) and only stop sentences with nothing of the kind. Chinese is not gated.
/// </summary>
public static partial class EnglishLabelCue
{
    // Words: a cue of five letters or more also matches as a word's beginning (guarantee → guaranteed, promise → promises).
    private static readonly Dictionary<string, HashSet<string>> Words = new(StringComparer.Ordinal)
    {
        [Labels.Guarantee] = Set(
            "guarantee", "guaranteed", "guaranteeing", "riskless", "safe", "safer", "safest", "safely", "safety", "secure", "secured",
            "security", "protect", "protected", "protection", "certain", "certainly", "certainty", "sure", "surely", "promise", "fixed", "lock",
            "locked", "always", "never", "forever", "every", "each", "double", "doubled", "doubles",
            "triple", "will", "ll", "capital", "principal", "assured", "downside", "clockwork", "steady", "stable", "predictable", "reliable",
            "consistent", "consistently", "foolproof", "bulletproof", "keeps", "pays", "paying", "income", "returns",
            "return", "yield", "growth", "grow", "grows", "back", "penny", "nothing", "no", "zero", "only", "up",
            "immune", "proof", "solid", "cant", "cannot", "wont", "can", "easy", "passive", "auto", "automatic", "free", "tax",
            "money", "profit", "profits", "win", "winning", "100", "impossible", "peace", "mind",
            "anything", "whatever", "happens", "matter", "keep", "climb", "rises", "rising"),
        [Labels.Absolute] = Set(
            "best", "top", "number", "greatest", "leading", "leader", "leaders", "unbeatable", "unmatched", "ultimate", "perfect",
            "ever", "most", "only", "unique", "first", "world", "nothing", "nobody", "noone", "unrivalled", "unrivaled", "unparalleled",
            "beats", "beat", "better", "superior", "finest", "premier", "champion", "king", "crown", "crowned", "favourite", "favorite",
            "biggest", "largest", "cheapest", "highest", "lowest", "fastest", "safest", "smartest", "strongest", "award", "winning", "rated",
            "ranked", "all", "every", "everyone", "everybody", "100", "lead", "close", "comes", "compare", "comparison", "match", "equal",
            "gold", "standard", "class", "elite", "incomparable", "unbeaten", "record", "no1", "1", "period", "hands", "cheaper", "faster",
            "higher", "lower", "bigger", "stronger", "safer", "smarter", "greater", "compete", "competition", "competitor", "competitors",
            "rival", "rivals", "pace", "anywhere", "nowhere", "find", "cant", "dust", "keep", "envy", "unlike", "else", "elsewhere"),
        [Labels.Testimonial] = Set(
            "i", "im", "ive", "id", "ill", "my", "me", "mine", "we", "customer", "customers", "client", "clients", "investor",
            "investors", "member", "members", "user", "users", "review", "reviews", "reviewed", "star", "stars", "says", "said", "say",
            "thanks", "thank", "changed", "mate", "friend", "friends", "wife", "husband", "mum", "mom", "dad", "uncle", "aunt", "brother",
            "sister", "son", "daughter", "neighbour", "neighbor", "colleague", "boss", "he", "she", "his", "her", "they", "their", "them",
            "mr", "mrs", "ms", "dr", "story", "stories", "testimonial", "testimonials", "recommend", "recommends", "recommended", "love",
            "loves", "loved", "trust", "trusts", "trusted", "celebrity", "influencer", "famous", "star", "seen", "uses", "used", "use",
            "using", "chose", "choose", "switched", "happy", "life", "lives", "dream", "dreams", "real", "people", "watch", "how", "made",
            "calls", "called", "praises", "praised", "endorses", "endorsed", "swears", "raves", "vouches", "backs", "backed", "expert",
            "experts", "banker", "adviser", "advisor"),
        [Labels.Inducement] = Set(
            "now", "today", "tonight", "tomorrow", "hurry", "limited", "last", "ends", "ending", "deadline", "midnight", "before", "expire",
            "expires", "expiring", "miss", "missing", "free", "bonus", "gift", "gifts", "cashback", "reward", "rewards", "prize", "prizes",
            "win", "draw", "offer", "offers", "exclusive", "instant", "instantly", "fast", "faster", "quick", "quickly", "minute", "minutes",
            "hour", "hours", "approved", "approval", "click", "apply", "sign", "join", "claim", "grab", "act", "chance", "spot",
            "spots", "place", "places", "few", "left", "remaining", "soon", "while", "refer", "referral", "friend", "deal", "deals", "sale",
            "discount", "voucher", "code", "link", "bio", "dm", "book", "register", "open", "started", "start",
            "don", "dont", "wait", "waiting", "ready", "pre", "only", "just", "easy", "simple", "no", "check", "checks", "hassle", "low",
            "risk", "cash", "money", "extra", "double", "get", "got", "earn", "you", "your", "ever", "first", "new", "once", "hesitate",
            "gone", "close", "closes", "closing", "closed", "doors", "door", "until", "after", "opportunity", "late", "regret", "sold", "selling", "fomo", "countdown"),
        [Labels.Apr] = Set(
            "rate", "rates", "interest", "apr", "apy", "aer", "day", "daily", "week", "weekly", "month", "monthly", "fortnight", "fortnightly",
            "fee", "fees", "cost", "costs", "charge", "charges", "pay", "repay", "repayment", "repayments", "payment", "payments", "cheap",
            "cheaper", "low", "lower", "lowest", "affordable", "price", "priced", "just", "only", "loan", "loans", "borrow", "borrowing",
            "credit", "finance", "instalment", "instalments", "installment", "installments", "percent", "per"),
    };

    // Words of loss and harm support a promise only when denied, before or after (you can't lose, zero risk, never a down year,
    // "Markets crash. Your balance doesn't.") or waved away as a question (Risk? We've taken care of that): said plainly
    // ("Their losses become your losses too", "always use the stop loss") they warn.
    private static readonly HashSet<string> DeniedOnly = new(
        ["risk", "risks", "lose", "losing", "loss", "losses", "down", "drop", "drops", "crash", "crashes", "fail", "fails", "worst", "red", "wrong",
            "mistake", "regret", "worry", "worries", "stress"], StringComparer.Ordinal);

    private static readonly HashSet<string> Negators = new(
        ["no", "not", "never", "cant", "cannot", "wont", "zero", "without", "nothing", "none", "dont", "doesnt", "isnt", "arent", "wasnt",
            "didnt", "couldnt", "wouldnt", "nor", "neither"], StringComparer.Ordinal);

    private const int NegatorReach = 3;

    // Words since the last one of a kind; int.MaxValue while none has been seen.
    private static int After(int since) => since == int.MaxValue ? since : since + 1;

    // "No" makes a superlative only with a comparison after it (no finer place, no savings account pays more than ours, no
    // other bank): "No account minimum. No trading commissions." compares nothing.
    private static readonly HashSet<string> Comparisons = new(
        ["other", "one", "better", "finer", "more", "higher", "bigger", "cheaper", "faster", "safer", "smarter", "greater", "beats", "beat",
            "compares", "compare", "match", "matches", "comes", "close", "else", "rival", "rivals", "equal", "equals", "tops"], StringComparer.Ordinal);

    private static readonly char[] Marks = ['%', '£', '$', '€', '!'];

    // A price is no superlative (Buy Bitcoin from £1.); a percentage (100%) or an exclamation still carries one.
    private static readonly char[] AbsoluteMarks = ['%', '!'];

    [GeneratedRegex(
        @"^\W*(check|view|see|get|apply for|start|track|manage|open|update|find|claim|activate|unlock|show|download|book|complete|verify|confirm|choose|log in to|sign in to|go to|access) (my|me)\b[\w\s'’-]{0,30}\W*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex AppButton();

    // "Last week", "last year": a past period, not a last chance.
    [GeneratedRegex(@"\blast (week|weekend|month|year|night|time|quarter|season|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PastPeriod();

    // An hour or a minute is a speed claim only as a span (in 24 hours, within minutes, an hour): "office hours" is a timetable.
    private static readonly HashSet<string> Durations = new(["hour", "hours", "minute", "minutes"], StringComparer.Ordinal);

    private static readonly HashSet<string> SpanWords = new(
        ["a", "an", "few", "couple", "in", "within", "under", "of", "mere", "just", "than", "one", "two", "three", "four", "five", "ten",
            "fifteen", "twenty", "thirty", "forty", "sixty", "ninety", "half"], StringComparer.Ordinal);

    // A sentence that opens with the unit ("Minutes, not days.") is read as a span too.
    private static bool IsSpan(string wordBefore) =>
        wordBefore.Length == 0 || SpanWords.Contains(wordBefore) || wordBefore.All(char.IsAsciiDigit);

    public static bool Supports(string label, ReadOnlySpan<char> sentence)
    {
        if (!Words.TryGetValue(label, out var cues) || ModelText.HasIdeographs(sentence))
        {
            return true;
        }

        // Zero-width characters slipped inside a word (b\u200Best) to get past word filters are taken out first.
        string folded = TextFold.Fold(string.Concat(sentence.ToString().Where(c => c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))));
        if (label == Labels.Testimonial && AppButton().IsMatch(folded))
        {
            return false; // "Check my offer", "View my eligibility": a button speaks for the reader, not for a customer
        }

        if (label == Labels.Absolute)
        {
            // "Top up your account" tops nothing.
            folded = folded.Replace("top up", "topup", StringComparison.Ordinal).Replace("top-up", "topup", StringComparison.Ordinal);
        }
        else if (label == Labels.Inducement)
        {
            folded = PastPeriod().Replace(folded, "past $1");
        }

        int hash = folded.IndexOf('#', StringComparison.Ordinal);
        if (folded.IndexOfAny(label == Labels.Absolute ? AbsoluteMarks : Marks) >= 0 || folded.Any(char.IsSurrogate) || (hash >= 0 && hash + 1 < folded.Length && char.IsAsciiDigit(folded[hash + 1])))
        {
            return true; // an amount, a rate, a "#1", or an emoji: social-media marketing register
        }

        var lookup = cues.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = new StringBuilder();
        int sinceNegator = int.MaxValue, sinceLossWord = int.MaxValue, sinceNo = int.MaxValue;
        string previous = "";
        foreach (char c in folded + " ")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            // Apostrophes join a word's parts (can't → cant, I'm → im), as the lists spell them.
            if (c is '\'' or '’' && word.Length > 0)
            {
                continue;
            }

            if (word.Length > 0)
            {
                string w = word.ToString();
                bool negator = Negators.Contains(w);
                bool lossWord = label == Labels.Guarantee && DeniedOnly.Contains(w);
                bool timetable = label == Labels.Inducement && Durations.Contains(w) && !IsSpan(previous);
                if ((!timetable && DomainCue.IsCueWord(lookup, w, minPrefix: 5, superlatives: label == Labels.Absolute))
                    || (lossWord && (sinceNegator <= NegatorReach || c == '?'))
                    || (label == Labels.Guarantee && negator && sinceLossWord <= NegatorReach + 1)
                    || (label == Labels.Absolute && Comparisons.Contains(w) && sinceNo <= NegatorReach + 1))
                {
                    return true;
                }

                sinceNo = w == "no" ? 0 : After(sinceNo);
                sinceNegator = negator ? 0 : After(sinceNegator);
                sinceLossWord = lossWord ? 0 : After(sinceLossWord);
                previous = w;
            }

            word.Clear();
        }

        return false;
    }

    private static readonly string[] QuestionWords =
    [
        "is", "are", "am", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might",
        "what", "how", "when", "where", "which", "who", "whose",
    ];

    // Questions that urge rather than ask.
    private static readonly string[] Urges = ["wait", "waiting", "stopping", "afford to miss", "miss out", "why not", "ready to"];

    /// <summary>
    /// Whether an English sentence is a plain question (Is my retirement money safe?, How are fees charged?): an FAQ heading or a
    /// reader's question asks about a claim rather than making it, so the model gets no say on it. Questions that urge (What are
    /// you waiting for?) or are put to the reader are not plain.
    /// </summary>
    public static bool IsPlainQuestion(ReadOnlySpan<char> sentence)
    {
        var text = sentence.Trim();
        if (text.IsEmpty || text[^1] != '?' || ModelText.HasIdeographs(text))
        {
            return false;
        }

        string folded = TextFold.Fold(text.ToString());
        int space = folded.IndexOf(' ', StringComparison.Ordinal);
        string first = space < 0 ? folded : folded[..space];
        // A question put to the reader (Are you on it? Will you be the one left behind?) is usually an urge in disguise.
        return QuestionWords.Contains(first, StringComparer.Ordinal) && !Urges.Any(u => folded.Contains(u, StringComparison.Ordinal))
            && !HasWord(folded, "you") && !HasWord(folded, "your") && !HasWord(folded, "you're");
    }

    private static bool HasWord(string folded, string word)
    {
        for (int at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool startsWord = at == 0 || !char.IsAsciiLetter(folded[at - 1]);
            bool endsWord = at + word.Length == folded.Length || !char.IsAsciiLetter(folded[at + word.Length]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
