using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// Runs a <see cref="RuleSet"/> over documents. All literals of all rules (phrases, regex anchors, proximity terms,
/// required-statement triggers) go into one automaton, so each block is read once; regexes run only on sentences an
/// anchor pointed at. Thread-safe: one engine serves every file of a scan.
/// </summary>
public sealed class RuleEngine
{
    private readonly Rule[] _rules;
    private readonly PhraseAutomaton _automaton;
    private readonly LiteralUse[][] _uses;
    private readonly int[] _unanchoredPatternRules;
    private readonly int[] _requiredRules;

    // Required rules whose trigger is a regex with no literal anchor: it runs over every block.
    private readonly int[] _blockTriggerRules;
    private readonly string[][] _looseStatements;

    // Every rule's loose statements in one automaton, so a draft's loose text is read once for all of them.
    private readonly PhraseAutomaton _statementAutomaton;
    private readonly int[][] _statementIds;
    private readonly int[] _requireMonotone;
    private readonly Dictionary<Rule, string> _legalBasis;
    private readonly ConcurrentDictionary<PatternRule, bool> _readsGroups = new(ReferenceEqualityComparer.Instance);

    // The rules' regexes as written, with their gates (each regex is built only once a gate lets a range through; see
    // RuleRegex). One object per distinct text, so rules sharing a statement pattern share its gate and its results.
    private readonly GatedPattern?[] _pattern;
    private readonly GatedPattern[][] _require;
    private readonly GatedPattern[][] _exceptions;
    private readonly int _distinctPatterns;
    // Keyed by one string, not a tuple: generic collections over tuples are compiled at run time, ~5 ms of a one-draft check.
    private readonly ConditionalWeakTable<EngineOptions, ConcurrentDictionary<string, ActiveSet>> _activeCache = new();

    [ThreadStatic]
    private static List<LiteralHit>? t_hits;

    public RuleEngine(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        _rules = [.. ruleSet.Rules];
        var literals = new Dictionary<string, int>(StringComparer.Ordinal);
        var uses = new List<List<LiteralUse>>();
        void Use(string literal, int rule, LiteralRole role)
        {
            if (literal.Length == 0)
            {
                return;
            }

            if (!literals.TryGetValue(literal, out int id))
            {
                id = literals.Count;
                literals[literal] = id;
                uses.Add([]);
            }

            uses[id].Add(new LiteralUse(rule, role));
        }

        var unanchored = new List<int>();
        var required = new List<int>();
        _looseStatements = new string[_rules.Length][];
        for (int i = 0; i < _rules.Length; i++)
        {
            switch (_rules[i])
            {
                case PhraseRule phrase:
                    phrase.Phrases.ToList().ForEach(p => Use(p, i, LiteralRole.Phrase));
                    break;
                case PatternRule pattern when pattern.Anchors.Count > 0:
                    pattern.Anchors.ToList().ForEach(a => Use(a, i, LiteralRole.Anchor));
                    break;
                case PatternRule:
                    unanchored.Add(i);
                    break;
                case ProximityRule proximity:
                    proximity.First.ToList().ForEach(p => Use(p, i, LiteralRole.First));
                    proximity.Second.ToList().ForEach(p => Use(p, i, LiteralRole.Second));
                    break;
                case RequiredRule req:
                    required.Add(i);
                    req.Triggers.ToList().ForEach(t => Use(t, i, LiteralRole.Trigger));
                    req.TriggerAnchors.ToList().ForEach(t => Use(t, i, LiteralRole.TriggerAnchor));
                    _looseStatements[i] = req.Require.Select(LooseText.Of).Where(s => s.Length > 0).ToArray();
                    break;
            }
        }

        _automaton = new PhraseAutomaton([.. literals.Keys]);
        var statementTexts = _looseStatements.Where(s => s != null).SelectMany(s => s).Distinct(StringComparer.Ordinal).ToList();
        _statementAutomaton = new PhraseAutomaton(statementTexts);
        _statementIds = _looseStatements.Select(s => s?.Select(t => statementTexts.IndexOf(t)).ToArray() ?? []).ToArray();
        _uses = uses.Select(u => u.ToArray()).ToArray();
        _unanchoredPatternRules = [.. unanchored];
        // Statements missing near a trigger are checked first: a draft-wide one is then reported where they already point. Of two
        // rules asking for one statement, the more severe is checked first and reports it.
        _requiredRules = [.. required.OrderBy(i => ((RequiredRule)_rules[i]).Scope == RequiredScope.Document ? 1 : 0).ThenByDescending(i => _rules[i].Severity)];
        _blockTriggerRules = [.. required.Where(i => _rules[i] is RequiredRule { TriggerExpression: not null, TriggerAnchors.Count: 0 })];

        _requireMonotone = new int[_rules.Length];
        var distinct = new Dictionary<string, GatedPattern>(StringComparer.Ordinal);
        GatedPattern Intern(string text) =>
            distinct.TryGetValue(text, out var known) ? known
            : distinct[text] = new GatedPattern(text, distinct.Count, ruleSet.Gates.GetValueOrDefault(text));
        _pattern = _rules.Select(r => r switch
        {
            PatternRule p => Intern(p.Expression.Text),
            RequiredRule { TriggerExpression: { } trigger } => Intern(trigger.Text),
            _ => null,
        }).ToArray();
        _require = _rules.Select(r => r is RequiredRule q ? q.RequirePatternTexts.Select(Intern).ToArray() : []).ToArray();
        _exceptions = _rules.Select(r => LazyRegexList.TextsOf(r.ExceptionPatterns).Select(Intern).ToArray()).ToArray();
        _distinctPatterns = distinct.Count;
        _legalBasis = _rules.Distinct().ToDictionary(r => r, r => r.LegalBasis.ToString());
    }

    /// <summary>False only when <paramref name="pattern"/> cannot match inside text[start..end) (folded or loose text).</summary>
    private static bool MayMatch(GatedPattern pattern, GatedText text, int start, int end) =>
        pattern.Gate is not { Filters: true } gate || gate.MayMatch(text.Text, start, end, gate.NeedsDigits ? text.Digits : null, text.Pairs);

    /// <summary>Whether a pattern rule's matches have their groups read: a validator reads `value`, a message reads named groups.</summary>
    private bool ReadsGroups(PatternRule rule) =>
        _readsGroups.GetOrAdd(rule, static p => p.Validate != MatchValidator.None || RegexGate.MayHaveNamedGroups(p.Expression.Text));

    /// <summary>Whether no statement pattern of a required rule depends on where the text starts or ends (no anchors).</summary>
    private bool RequireMonotone(int ruleIndex)
    {
        int known = Volatile.Read(ref _requireMonotone[ruleIndex]);
        if (known == 0)
        {
            known = _require[ruleIndex].All(p => p.Gate is { Monotone: true }) ? 2 : 1;
            Volatile.Write(ref _requireMonotone[ruleIndex], known);
        }

        return known == 2;
    }

    public RuleSet RuleSet { get; }

    public PhraseAutomaton Automaton => _automaton;

    public IReadOnlyList<Finding> Scan(SourceDocument document, DraftProfile profile, EngineOptions? options = null)
    {
        var run = new EngineRun(this, document, profile, options ?? EngineOptions.Default);
        return run.Execute();
    }

    /// <summary>
    /// Which rules apply to a draft of this product, channel and languages under these options (shared, read-only).
    /// Drafts of a scan share a handful of profiles, so each set is worked out once per options object.
    /// </summary>
    private (bool[] Active, bool AnyRequired) ActiveRules(DraftProfile profile, EngineOptions options, string? blockProduct = null, string? blockLanguage = null)
    {
        var byProfile = _activeCache.GetValue(options, static _ => new ConcurrentDictionary<string, ActiveSet>(StringComparer.Ordinal));
        string products = (profile.AlsoProduct is { } also ? profile.Product + "+" + also : profile.Product) + (blockProduct is null ? string.Empty : "|" + blockProduct);
        string key = products + "\n" + profile.Channel + "\n" + string.Join('\n', profile.Languages) + (blockLanguage is null ? string.Empty : "\n+" + blockLanguage);
        if (byProfile.TryGetValue(key, out var cached))
        {
            return (cached.Active, cached.AnyRequired);
        }

        var active = new bool[_rules.Length];
        bool anyRequired = false;
        for (int i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            active[i] = !options.DisabledRules.Contains(rule.Id)
                && (profile.HasLanguage(rule.Lang) || (rule.Lang == blockLanguage && rule is not RequiredRule))
                && (AppliesAsMain(rule, profile.Product, profile.Channel)
                    || (profile.AlsoProduct is { } second && AppliesAsOther(rule, second, profile.Channel))
                    || (blockProduct is not null && AppliesAsOther(rule, blockProduct, profile.Channel)));
            anyRequired |= active[i] && rule is RequiredRule;
        }

        // A bounded cache: products × channels × languages of the vocabulary; a caller inventing profiles gets no caching.
        if (byProfile.Count < 1024)
        {
            byProfile.TryAdd(key, new ActiveSet(active, anyRequired));
        }

        return (active, anyRequired);
    }

    private static bool AppliesAsMain(Rule rule, string product, string? channel) =>
        rule.AppliesTo(product, channel ?? string.Empty) && (rule is not RequiredRule req || req.WhenProducts.Count == 0 || req.WhenProducts.Contains(product));

    /// <summary>
    /// Whether a rule applies for a second product the draft (or one message of a batch) also markets: its claim rules, and
    /// the statements it calls for beside a claim (an annual rate beside a monthly one), but not the statements a whole draft
    /// of that product must carry.
    /// </summary>
    private static bool AppliesAsOther(Rule rule, string product, string? channel) =>
        rule is not RequiredRule req ? rule.AppliesTo(product, channel ?? string.Empty) : req.Scope == RequiredScope.Block && req.HasTrigger && AppliesAsMain(rule, product, channel);

    internal enum LiteralRole : byte
    {
        Phrase,
        Anchor,
        First,
        Second,
        Trigger,
        TriggerAnchor,
    }

    internal readonly record struct LiteralUse(int Rule, LiteralRole Role);

    private sealed record ActiveSet(bool[] Active, bool AnyRequired);

    /// <summary>The state of one document's scan.</summary>
    private sealed class EngineRun
    {
        private readonly RuleEngine _engine;
        private readonly SourceDocument _doc;
        private readonly DraftProfile _profile;
        private readonly EngineOptions _options;
        private readonly bool[] _active;

        // The rules that apply to the block being scanned: the draft's, and in a batch of messages also the message's own product's,
        // in a Chinese draft also the English claim rules where a block writes English.
        private bool[] _blockActive;

        // The last block's own product and language and their rules: neighbouring blocks mostly share them, so the shared cache's
        // key is not built again for each.
        private (string? Product, string? Language, bool[] Active)? _lastBlockRules;
        private readonly List<Finding> _findings = [];

        // A block's folded text is the context of every missing statement its triggers raise; folded once, shared by all.
        private readonly Dictionary<int, string> _foldedBlocks = [];
        private readonly List<LiteralHit> _hits;
        private readonly List<(int Rule, int Block, int Start, int End)> _triggers = [];
        private string[]? _looseBlocks;
        private GatedText? _allJoined;

        // Where each loose block starts in _allJoined (one more entry for its end), and where each statement occurs in it.
        private int[]? _looseOffsets;
        private List<int>?[]? _statementStarts;
        private sbyte[]? _inDraft;
        private GatedText?[]? _looseGated;
        private Dictionary<(int First, int Last), GatedText>? _joinedRanges;
        private bool _anyRequired;
        private HashSet<int>? _exampleTables;
        private AvoidList? _avoidList;
        private bool? _warnsAgainstClaims;
        private HashSet<string>? _missingStatements;

        private bool? _educationWithoutPromotion;

        public EngineRun(RuleEngine engine, SourceDocument doc, DraftProfile profile, EngineOptions options)
        {
            _engine = engine;
            _doc = doc;
            _profile = profile;
            _options = options;
            (_active, _anyRequired) = engine.ActiveRules(profile, options);
            _blockActive = _active;

            // Each thread keeps one hit list from draft to draft instead of growing a new one each time.
            _hits = t_hits ?? new List<LiteralHit>(256);
            t_hits = null;
        }

        private Rule[] Rules => _engine._rules;

        public List<Finding> Execute()
        {
            try
            {
                foreach (var block in _doc.Blocks)
                {
                    ScanBlock(block);
                }
            }
            finally
            {
                _hits.Clear();
                if (_hits.Capacity <= 1 << 16)
                {
                    t_hits = _hits;
                }
            }

            if (_anyRequired)
            {
                CheckRequiredStatements();
            }

            var kept = Deduplicate(_findings);
            return ApplySuppressions(kept);
        }

        private void ScanBlock(TextBlock block)
        {
            string? ownProduct = _profile.BlockProduct(block.Index);
            string? ownLanguage = !_profile.HasLanguage("en") && CodeSwitching.WritesEnglish(block.Text) ? "en" : null;
            if (_lastBlockRules is { } last && last.Product == ownProduct && last.Language == ownLanguage)
            {
                _blockActive = last.Active;
            }
            else if (ownProduct != null || ownLanguage != null)
            {
                (_blockActive, bool anyRequired) = _engine.ActiveRules(_profile, _options, ownProduct, ownLanguage);
                _anyRequired |= anyRequired;
                _lastBlockRules = (ownProduct, ownLanguage, _blockActive);
            }
            else
            {
                _blockActive = _active;
            }

            var ctx = new BlockText(block, TextFold.Fold(block.Text));
            string folded = ctx.Text;
            _hits.Clear();
            _engine._automaton.FindAll(folded, _hits);
            HashSet<(int Rule, int Sentence)>? anchored = null;
            List<(int Rule, int Start, int End, bool First)>? proximity = null;
            foreach (var hit in _hits)
            {
                int length = _engine._automaton.PatternLength(hit.PatternId);
                int start = hit.End - length;
                foreach (var use in _engine._uses[hit.PatternId])
                {
                    if (!_blockActive[use.Rule])
                    {
                        continue;
                    }

                    switch (use.Role)
                    {
                        case LiteralRole.Phrase:
                            Consider(use.Rule, ctx, start, hit.End, null);
                            break;
                        case LiteralRole.Anchor or LiteralRole.TriggerAnchor:
                            (anchored ??= []).Add((use.Rule, ctx.Sentences.IndexAt(start)));
                            break;
                        case LiteralRole.First or LiteralRole.Second:
                            (proximity ??= []).Add((use.Rule, start, hit.End, use.Role == LiteralRole.First));
                            break;
                        case LiteralRole.Trigger:
                            AddTrigger(use.Rule, ctx, start, hit.End);
                            break;
                    }
                }
            }

            if (anchored != null)
            {
                foreach (var (rule, sentence) in anchored)
                {
                    var (s, e) = ctx.Sentences.Sentence(sentence);
                    RunRegex(rule, ctx, s, e);
                }
            }

            foreach (int rule in _engine._unanchoredPatternRules)
            {
                if (_blockActive[rule])
                {
                    RunRegex(rule, ctx, 0, folded.Length);
                }
            }

            foreach (int rule in _engine._blockTriggerRules)
            {
                if (_blockActive[rule])
                {
                    RunRegex(rule, ctx, 0, folded.Length);
                }
            }

            if (proximity != null)
            {
                PairProximity(proximity, ctx);
            }

            ScanSplitWords(ctx);
        }

        /// <summary>
        /// Phrases written with fillers between their characters (稳*赚, 零 风 险): found in the block's text with the fillers
        /// taken out, reported at their original span. A phrase that was whole in the text was found above.
        /// </summary>
        private void ScanSplitWords(BlockText ctx)
        {
            if (SplitWords.Join(ctx.Text) is not var (joined, origin))
            {
                return;
            }

            _hits.Clear();
            _engine._automaton.FindAll(joined, _hits);
            foreach (var hit in _hits)
            {
                int length = _engine._automaton.PatternLength(hit.PatternId);
                int start = origin[hit.End - length];
                int end = origin[hit.End - 1] + 1;
                if (end - start == length)
                {
                    continue;
                }

                foreach (var use in _engine._uses[hit.PatternId])
                {
                    if (_blockActive[use.Rule] && use.Role == LiteralRole.Phrase)
                    {
                        Consider(use.Rule, ctx, start, end, null);
                    }
                }
            }
        }

        private void RunRegex(int ruleIndex, BlockText ctx, int start, int end)
        {
            var rule = Rules[ruleIndex];
            var gated = _engine._pattern[ruleIndex];
            if (gated == null || !MayMatch(gated, ctx, start, end))
            {
                return;
            }

            var regex = rule is PatternRule p ? p.Pattern : ((RequiredRule)rule).TriggerPattern!;

            string folded = ctx.Text;
            try
            {
                // Where nothing reads the match's groups (triggers; patterns without named groups or validation), the
                // matches are enumerated as bare spans: same matches, no capture work and no Match objects.
                if (rule is not PatternRule patternRule || !_engine.ReadsGroups(patternRule))
                {
                    foreach (var vm in regex.EnumerateMatches(folded.AsSpan(start, end - start)))
                    {
                        if (vm.Length == 0)
                        {
                            continue;
                        }

                        int at = start + vm.Index;
                        if (rule is RequiredRule)
                        {
                            AddTrigger(ruleIndex, ctx, at, at + vm.Length);
                        }
                        else
                        {
                            Consider(ruleIndex, ctx, at, at + vm.Length, null);
                        }
                    }

                    return;
                }

                for (var m = regex.Match(folded, start, end - start); m.Success; m = m.NextMatch())
                {
                    if (m.Length == 0)
                    {
                        continue;
                    }

                    if (rule is RequiredRule)
                    {
                        AddTrigger(ruleIndex, ctx, m.Index, m.Index + m.Length);
                        continue;
                    }

                    var pattern = (PatternRule)rule;
                    var value = m.Groups["value"] is { Success: true } g ? g : (Group)m;
                    if (pattern.Validate != MatchValidator.None && !MatchValidators.IsValid(pattern.Validate, value.Value))
                    {
                        continue;
                    }

                    Consider(ruleIndex, ctx, m.Index, m.Index + m.Length, m);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                _findings.Add(RuleError(rule, ctx.Block, "the rule's pattern timed out on this text and was skipped"));
            }
        }

        /// <summary>
        /// A trigger inside a warning or quotation ("“低息贷款”的都是骗子"), or inside one of the rule's exceptions (逾期将产生罚息),
        /// does not call for a statement.
        /// </summary>
        private void AddTrigger(int ruleIndex, BlockText ctx, int start, int end)
        {
            if (!IsException(ruleIndex, Rules[ruleIndex], ctx, start, end)
                && NegationDetector.Judge(ctx.Text, ctx.Sentences, start, end) == ContextVerdict.Asserted)
            {
                _triggers.Add((ruleIndex, ctx.Block.Index, start, end));
            }
        }

        /// <summary>
        /// Each first term with the nearest-listed second term of its rule in the same sentence, rule by rule in the order the
        /// rules were first hit. Plain loops: LINQ over these tuples was compiled at run time, ~6 ms of a one-draft check.
        /// </summary>
        private void PairProximity(List<(int Rule, int Start, int End, bool First)> terms, BlockText ctx)
        {
            var sentences = ctx.Sentences;
            var rules = new List<int>();
            foreach (var term in terms)
            {
                if (!rules.Contains(term.Rule))
                {
                    rules.Add(term.Rule);
                }
            }

            foreach (int ruleIndex in rules)
            {
                var rule = (ProximityRule)Rules[ruleIndex];
                for (int i = 0; i < terms.Count; i++)
                {
                    var f = terms[i];
                    if (f.Rule != ruleIndex || !f.First)
                    {
                        continue;
                    }

                    int sentence = sentences.IndexAt(f.Start);
                    for (int k = 0; k < terms.Count; k++)
                    {
                        var s = terms[k];
                        if (s.Rule != ruleIndex || s.First || sentences.IndexAt(s.Start) != sentence || (s.Start < f.End && f.Start < s.End))
                        {
                            continue;
                        }

                        int gap = s.Start >= f.End ? s.Start - f.End : f.Start - s.End;
                        if (gap <= rule.Within)
                        {
                            Consider(ruleIndex, ctx, Math.Min(f.Start, s.Start), Math.Max(f.End, s.End), null);
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>Applies exceptions and negation to a candidate span and records the finding.</summary>
        private void Consider(int ruleIndex, BlockText ctx, int start, int end, Match? match)
        {
            var rule = Rules[ruleIndex];
            var block = ctx.Block;
            string folded = ctx.Text;
            if (IsException(ruleIndex, rule, ctx, start, end))
            {
                return;
            }

            var sentences = ctx.Sentences;
            var verdict = rule.Negation == NegationMode.Suppress ? NegationDetector.Judge(folded, sentences, start, end) : ContextVerdict.Asserted;
            if (verdict == ContextVerdict.Negated)
            {
                return;
            }

            if (verdict == ContextVerdict.Asserted && rule.Negation == NegationMode.Suppress
                && ((block.ContainerId >= 0 && IsExampleTable(block.ContainerId)) || (_avoidList ??= AvoidList.Of(_doc)).Covers(block.Index, start)))
            {
                verdict = ContextVerdict.Quoted;
            }

            // The quotation, speech and heading tests are local and cheap; whether the draft warns against claims reads every block.
            if (verdict == ContextVerdict.Asserted && rule.Negation == NegationMode.Suppress
                && (NegationDetector.IsInsideQuotes(folded, sentences, start, end) || ReportedClaim.FollowsSpeech(folded, sentences.SentenceAt(start).Start, start)
                    || AvoidList.IsInHeading(block, start))
                && WarnsAgainstClaims())
            {
                verdict = ContextVerdict.Quoted;
            }

            int srcStart = block.SourceStart(start);
            int srcEnd = Math.Max(srcStart, block.SourceEnd(end));
            string original = _doc.Text[srcStart..srcEnd];
            var severity = _options.SeverityOverrides.TryGetValue(rule.Id, out var o) ? o : rule.Severity;
            string? note = null;
            if (verdict == ContextVerdict.Quoted)
            {
                severity = Severity.Info;
                note = Finding.QuotedNote;
            }

            var (sStart, sEnd) = sentences.SentenceAt(start);
            Fix? fix = null;
            if (rule.FixReplace != null && srcEnd - srcStart == end - start && TextFold.Fold(original) == folded[start..end])
            {
                fix = new Fix(FixKind.Replace, srcStart, srcEnd, rule.FixReplace);
            }

            _findings.Add(Build(rule, severity, srcStart, srcEnd, original, FormatMessage(rule.Message, original, match, block), note,
                folded[sStart..sEnd].Trim(), fix));
        }

        /// <summary>Whether a block's table quotes copy (<see cref="ExampleTables"/>). A rewrite that is still risky is reported too,
        /// as info, for the reviewer who reads the sheet.</summary>
        private bool IsExampleTable(int container) => (_exampleTables ??= ExampleTables.Of(_doc)).Contains(container);

        /// <summary>Decided once per draft (<see cref="ClaimWarnings"/>), from the blocks folded so far where it can.</summary>
        private bool WarnsAgainstClaims() => _warnsAgainstClaims ??= ClaimWarnings.WarnAgainstClaims(_doc, FoldedBlock);

        /// <summary>Decided once per draft, and only for a draft that misses a statement (<see cref="ClaimWarnings"/>).</summary>
        private bool IsEducationWithoutPromotion() => _educationWithoutPromotion ??= ClaimWarnings.IsEducationWithoutPromotion(_doc, FoldedBlock);

        private string FoldedBlock(TextBlock block) => _foldedBlocks.TryGetValue(block.Index, out var known) ? known : TextFold.Fold(block.Text);

        private bool IsException(int ruleIndex, Rule rule, BlockText ctx, int start, int end)
        {
            string folded = ctx.Text;
            foreach (string exception in rule.Exceptions)
            {
                int from = Math.Max(0, start - exception.Length + 1);
                int to = Math.Min(folded.Length, end + exception.Length - 1);
                int at = folded.IndexOf(exception, from, to - from, StringComparison.Ordinal);
                while (at >= 0)
                {
                    if (at < end && at + exception.Length > start)
                    {
                        return true;
                    }

                    at = at + 1 < to ? folded.IndexOf(exception, at + 1, to - at - 1, StringComparison.Ordinal) : -1;
                }
            }

            if (rule.ExceptionPatterns.Count > 0)
            {
                var (sStart, sEnd) = ctx.Sentences.SentenceAt(start);
                var patterns = _engine._exceptions[ruleIndex];
                for (int i = 0; i < patterns.Length; i++)
                {
                    if (!MayMatch(patterns[i], ctx, sStart, sEnd))
                    {
                        continue;
                    }

                    foreach (var m in rule.ExceptionPatterns[i].EnumerateMatches(folded.AsSpan(sStart, sEnd - sStart)))
                    {
                        if (sStart + m.Index < end && sStart + m.Index + m.Length > start)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private string FormatMessage(string template, string original, Match? match, TextBlock block)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                return template;
            }

            string message = template.Replace("{match}", original, StringComparison.Ordinal);
            if (match != null)
            {
                foreach (Group group in match.Groups)
                {
                    if (group.Success && !char.IsAsciiDigit(group.Name[0]))
                    {
                        int s = block.SourceStart(group.Index);
                        int e = Math.Max(s, block.SourceEnd(group.Index + group.Length));
                        message = message.Replace("{" + group.Name + "}", _doc.Text[s..e], StringComparison.Ordinal);
                    }
                }
            }

            return message;
        }

        private void CheckRequiredStatements()
        {
            var triggers = new List<(int Rule, int Block, int Start, int End)>();
            foreach (int ruleIndex in _engine._requiredRules)
            {
                triggers.Clear();
                foreach (var t in _triggers)
                {
                    if (t.Rule == ruleIndex)
                    {
                        triggers.Add(t);
                    }
                }

                // A rule that applies only to some messages of a batch was triggered there or not at all.
                var rule = (RequiredRule)Rules[ruleIndex];
                if ((!_active[ruleIndex] || rule.HasTrigger) && triggers.Count == 0)
                {
                    continue;
                }

                // A message of a batch goes out alone: a statement the draft needs is needed by each message that triggers it.
                if ((rule.Scope == RequiredScope.Document && !(_doc.IsMessageBatch && triggers.Count > 0)) || triggers.Count == 0)
                {
                    // Two rules may ask for one statement on different grounds (a price, or only a loan's name): the draft lacks
                    // it once, reported by the first, stricter rule.
                    if (!StatementIn(ruleIndex, Enumerable.Range(0, _doc.Blocks.Count))
                        && (_missingStatements ??= []).Add(StatementKey(rule)))
                    {
                        AddMissing(rule, triggers.Count > 0 ? PlaceOfMissing(rule, triggers) : null);
                    }

                    continue;
                }

                foreach (var trigger in triggers.GroupBy(t => t.Block).Select(g => g.First()))
                {
                    // A message of a batch goes out alone: the statement must be in it, and is reported once there.
                    if (!StatementIn(ruleIndex, BlocksBeside(trigger.Block, _doc.IsMessageBatch ? 0 : rule.BlockWindow))
                        && (rule.Scope != RequiredScope.Document || (_missingStatements ??= []).Add(StatementKey(rule) + '\u0003' + trigger.Block)))
                    {
                        AddMissing(rule, trigger);
                    }
                }
            }
        }

        private static string StatementKey(RequiredRule rule) =>
            string.Join('\u0001', rule.Require) + '\u0002' + string.Join('\u0001', rule.RequirePatternTexts);

        /// <summary>
        /// Where a statement the whole draft lacks is reported: at a trigger on a line that another finding of the rule's category
        /// already points at (the same gap, seen up close), else on the first line that states a figure (Drive away for $69 a
        /// week!), else in the first body text: a title or heading without a figure names the product (装修分期) and prices nothing.
        /// </summary>
        private (int Rule, int Block, int Start, int End) PlaceOfMissing(RequiredRule rule, List<(int Rule, int Block, int Start, int End)> triggers)
        {
            foreach (var t in triggers)
            {
                int line = _doc.Lines.PositionOf(_doc.Blocks[t.Block].SourceStart(t.Start)).Line;
                if (_findings.Exists(f => f.Line == line && f.Category == rule.Category && f.Severity > Severity.Info))
                {
                    return t;
                }
            }

            foreach (var t in triggers)
            {
                string text = _doc.Blocks[t.Block].Text;
                int from = text.LastIndexOf('\n', Math.Max(0, t.Start - 1)) + 1;
                int to = text.IndexOf('\n', t.Start) is var end and >= 0 ? end : text.Length;
                if (text.AsSpan(from, to - from).IndexOfAnyInRange('0', '9') >= 0)
                {
                    return t;
                }
            }

            int body = triggers.FindIndex(t => _doc.Blocks[t.Block].Kind is not (BlockKind.Title or BlockKind.Heading));
            return triggers[Math.Max(0, body)];
        }

        private IEnumerable<int> BlocksBeside(int blockIndex, int window)
        {
            var blocks = _doc.Blocks;
            int container = blocks[blockIndex].ContainerId;
            for (int i = 0; i < blocks.Count; i++)
            {
                if (Math.Abs(i - blockIndex) <= window || (container >= 0 && blocks[i].ContainerId == container))
                {
                    yield return i;
                }
            }

            // A table counts as one block: the window also reaches past the table's first and last cell.
            if (container >= 0 && window > 0)
            {
                int first = -1, last = -1;
                for (int i = 0; i < blocks.Count; i++)
                {
                    if (blocks[i].ContainerId == container)
                    {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }

                for (int i = Math.Max(0, first - window); i < first; i++)
                {
                    yield return i;
                }

                for (int i = last + 1; i <= Math.Min(blocks.Count - 1, last + window); i++)
                {
                    yield return i;
                }
            }
        }

        private bool StatementIn(int ruleIndex, IEnumerable<int> blockIndexes)
        {
            var looseBlocks = _looseBlocks ??= _doc.Blocks.Select(b => LooseText.Of(b.Text)).ToArray();
            var rule = (RequiredRule)Rules[ruleIndex];
            var indexes = blockIndexes.Distinct().ToList();
            indexes.Sort();

            // A statement may run across a line break that split it into two blocks: also try neighbours joined.
            bool allBlocks = indexes.Count == looseBlocks.Length;
            bool contiguous = indexes.Count == 0 || indexes[^1] - indexes[0] + 1 == indexes.Count;
            if (_allJoined == null)
            {
                _allJoined = new GatedText(string.Concat(looseBlocks));
                _looseOffsets = new int[looseBlocks.Length + 1];
                for (int i = 0; i < looseBlocks.Length; i++)
                {
                    _looseOffsets[i + 1] = _looseOffsets[i] + looseBlocks[i].Length;
                }
            }

            // A run of neighbouring blocks is part of the whole draft's text: a statement the whole draft lacks, none of its runs
            // has (when no pattern depends on where the text starts or ends). Drafts that lack a statement are the common case
            // and would otherwise test every trigger's window.
            if (!allBlocks && contiguous && _engine.RequireMonotone(ruleIndex) && !InDraft(ruleIndex, rule))
            {
                return false;
            }

            // Every block is part of the joined text, so when no pattern depends on where the text starts or ends
            // (no anchors), whatever holds in one block holds in the joined text: testing that alone is enough.
            if (!_engine.RequireMonotone(ruleIndex))
            {
                foreach (int i in indexes)
                {
                    if (Holds(ruleIndex, rule, LooseBlock(i), _looseOffsets![i], _looseOffsets[i + 1]))
                    {
                        return true;
                    }
                }
            }

            if (allBlocks)
            {
                return Holds(ruleIndex, rule, _allJoined, 0, _allJoined.Text.Length);
            }

            // A run of neighbours joined is a slice of the whole draft's loose text; other sets of blocks (a table and its
            // neighbours) are searched as joined.
            var joined = Joined(indexes);
            return contiguous
                ? Holds(ruleIndex, rule, joined, _looseOffsets![indexes[0]], _looseOffsets[indexes[^1] + 1])
                : Holds(ruleIndex, rule, joined, -1, -1);
        }

        private bool InDraft(int ruleIndex, RequiredRule rule)
        {
            _inDraft ??= new sbyte[Rules.Length];
            if (_inDraft[ruleIndex] == 0)
            {
                _inDraft[ruleIndex] = Holds(ruleIndex, rule, _allJoined!, 0, _allJoined!.Text.Length) ? (sbyte)1 : (sbyte)-1;
            }

            return _inDraft[ruleIndex] > 0;
        }

        /// <summary>Whether a statement occurs inside _allJoined[start..end); the draft's loose text is read for all statements at once.</summary>
        private bool StatementBetween(int ruleIndex, int start, int end)
        {
            if (_statementStarts == null)
            {
                _statementStarts = new List<int>?[_engine._statementAutomaton.PatternCount];
                var hits = new List<LiteralHit>();
                _engine._statementAutomaton.FindAll(_allJoined!.Text, hits);
                foreach (var hit in hits)
                {
                    (_statementStarts[hit.PatternId] ??= []).Add(hit.End - _engine._statementAutomaton.PatternLength(hit.PatternId));
                }
            }

            foreach (int id in _engine._statementIds[ruleIndex])
            {
                if (_statementStarts[id] is not { } starts)
                {
                    continue;
                }

                int last = end - _engine._statementAutomaton.PatternLength(id);
                int at = starts.BinarySearch(start);
                at = at < 0 ? ~at : at;
                if (at < starts.Count && starts[at] <= last)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// One block's loose text, kept for the draft: the triggers of several rules look at the same blocks, and a gate's digit
        /// positions are worked out once per text.
        /// </summary>
        private GatedText LooseBlock(int index)
        {
            _looseGated ??= new GatedText?[_looseBlocks!.Length];
            return _looseGated[index] ??= new GatedText(_looseBlocks![index]);
        }

        /// <summary>Blocks joined in order; a run of neighbours (what a trigger's window is, outside tables) is joined once per draft.</summary>
        private GatedText Joined(List<int> sortedIndexes)
        {
            int first = sortedIndexes[0], last = sortedIndexes[^1];
            bool contiguous = last - first + 1 == sortedIndexes.Count;
            if (contiguous && (_joinedRanges ??= []).TryGetValue((first, last), out var cached))
            {
                return cached;
            }

            var joined = new GatedText(string.Concat(sortedIndexes.Select(i => _looseBlocks![i])));
            if (contiguous)
            {
                _joinedRanges![(first, last)] = joined;
            }

            return joined;
        }

        /// <summary>
        /// Whether a statement or a statement pattern is in a (loose) text; a pattern's result on a text is shared between rules and
        /// triggers. The text is _allJoined[start..end) unless start is negative (then its statements are searched in it).
        /// </summary>
        private bool Holds(int ruleIndex, RequiredRule rule, GatedText text, int start, int end)
        {
            if (start >= 0 ? StatementBetween(ruleIndex, start, end) : _engine._looseStatements[ruleIndex].Any(s => text.Text.Contains(s, StringComparison.Ordinal)))
            {
                return true;
            }

            var patterns = _engine._require[ruleIndex];
            for (int i = 0; i < patterns.Length; i++)
            {
                if (text.Matches(patterns[i], _engine._distinctPatterns, rule.RequirePatterns[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddMissing(RequiredRule rule, (int Rule, int Block, int Start, int End)? trigger)
        {
            // An education article that promotes no product misses no product's statement.
            if (IsEducationWithoutPromotion())
            {
                return;
            }

            int srcStart, srcEnd;
            string context = string.Empty;
            string? note = null;
            int insertAt = _doc.Text.Length;
            if (trigger is { } t)
            {
                var block = _doc.Blocks[t.Block];

                // A trigger in a review sheet or a list of wording to avoid is the record of copy, not copy; a draft that warns
                // against claims (an anti-fraud post) names loans and rates without offering any.
                if ((block.ContainerId >= 0 && IsExampleTable(block.ContainerId)) || (_avoidList ??= AvoidList.Of(_doc)).Covers(block.Index, t.Start))
                {
                    note = Finding.QuotedNote;
                }

                srcStart = block.SourceStart(t.Start);
                srcEnd = Math.Max(srcStart, block.SourceEnd(t.End));
                if (!_foldedBlocks.TryGetValue(t.Block, out string? folded))
                {
                    folded = TextFold.Fold(block.Text).Trim();
                    _foldedBlocks[t.Block] = folded;
                }

                context = folded;

                if (rule.InsertAt == InsertPosition.AfterTriggerBlock)
                {
                    insertAt = EndOfContainer(t.Block);
                }
            }
            else
            {
                srcStart = srcEnd = _doc.Blocks.Count > 0 ? _doc.Blocks[0].SourceStart(0) : 0;
            }

            // A draft that warns against claims (an anti-fraud post, compliance training) names products and rates without
            // offering any, whether or not a trigger placed the statement.
            if (note == null && WarnsAgainstClaims())
            {
                note = Finding.WarningDraftNote;
            }

            string original = _doc.Text[srcStart..srcEnd];
            var severity = note != null ? Severity.Info : _options.SeverityOverrides.TryGetValue(rule.Id, out var o) ? o : rule.Severity;
            string message = FormatMessage(rule.Message, original, null, _doc.Blocks.Count > 0 ? _doc.Blocks[0] : null!);
            _findings.Add(Build(rule, severity, srcStart, srcEnd, original, message, note, context,
                new Fix(FixKind.InsertStatement, insertAt, insertAt, rule.InsertText)));
        }

        private int EndOfContainer(int blockIndex)
        {
            var blocks = _doc.Blocks;
            int container = blocks[blockIndex].ContainerId;
            int last = blockIndex;
            if (container >= 0)
            {
                for (int i = blockIndex; i < blocks.Count && blocks[i].ContainerId == container; i++)
                {
                    last = i;
                }
            }

            var block = blocks[last];
            int end = block.SourceEnd(block.Text.Length);

            // Insert after the whole line the block ends on, never in the middle of a line.
            int nl = _doc.Text.IndexOf('\n', Math.Min(end, _doc.Text.Length));
            return nl < 0 ? _doc.Text.Length : nl + 1;
        }

        private Finding Build(Rule rule, Severity severity, int srcStart, int srcEnd, string original, string message, string? note, string context,
            Fix? fix)
        {
            var start = _doc.Lines.PositionOf(srcStart);
            var end = _doc.Lines.PositionOf(srcEnd);
            return new Finding
            {
                RuleId = rule.Id,
                Category = rule.Category,
                Severity = severity,
                Message = note == null ? message : $"{message} ({note})",
                Line = start.Line,
                Column = start.Column,
                EndLine = end.Line,
                EndColumn = end.Column,
                Match = original,
                LegalBasis = _engine._legalBasis[rule],
                Suggestion = rule.Suggestion,
                Review = rule.Review,
                InForce = rule.InForce(_options.AsOf),
                Note = note,
                IsHint = severity == Severity.Info && note == null,
                StartOffset = srcStart,
                EndOffset = srcEnd,
                Context = context,
                Fix = fix,
            };
        }

        private Finding RuleError(Rule rule, TextBlock block, string message)
        {
            int at = block.SourceStart(0);
            var pos = _doc.Lines.PositionOf(at);
            return new Finding
            {
                RuleId = rule.Id,
                Category = "other",
                Severity = Severity.Warning,
                Message = $"rule error: {message}",
                Line = pos.Line,
                Column = pos.Column,
                EndLine = pos.Line,
                EndColumn = pos.Column,
                Match = string.Empty,
                LegalBasis = _engine._legalBasis[rule],
                StartOffset = at,
                EndOffset = at,
            };
        }

        /// <summary>
        /// One finding per place: of overlapping hits of one rule the longest stays, and of two hits of one category, one inside
        /// the other (稳赚 inside 稳赚不赔), the more severe stays, the longer if they are as severe.
        /// </summary>
        private static List<Finding> Deduplicate(List<Finding> findings)
        {
            var ordered = findings
                .OrderBy(f => f.StartOffset)
                .ThenByDescending(f => f.EndOffset - f.StartOffset)
                .ThenByDescending(f => f.Note == null)
                .ThenByDescending(f => f.Severity)
                .ToList();
            var kept = new List<Finding>(ordered.Count);
            foreach (var f in ordered)
            {
                bool zeroWidth = f.EndOffset == f.StartOffset;
                bool covered = kept.Any(k =>
                    k.EndOffset > k.StartOffset && !zeroWidth
                    && (k.RuleId == f.RuleId ? k.StartOffset < f.EndOffset && f.StartOffset < k.EndOffset
                        : k.Category == f.Category && k.Severity >= f.Severity && k.StartOffset <= f.StartOffset && f.EndOffset <= k.EndOffset
                          && k.Fix?.Kind != FixKind.InsertStatement
                          && f.Fix?.Kind != FixKind.InsertStatement));
                bool duplicate = kept.Any(k => k.RuleId == f.RuleId && k.StartOffset == f.StartOffset && k.EndOffset == f.EndOffset);
                if (!covered && !duplicate)
                {
                    kept.Add(f);
                }
            }

            // A longer hit only covers a shorter one as severe as itself: a place's superlative under review ("the UK's number
            // one app") must not hide the unsubstantiated No.1 inside it, which is the more severe finding and stays alone.
            kept.RemoveAll(k => kept.Any(f => f.Category == k.Category && f.Severity > k.Severity && f.RuleId != k.RuleId
                && k.StartOffset <= f.StartOffset && f.EndOffset <= k.EndOffset && f.EndOffset > f.StartOffset
                && k.Fix?.Kind != FixKind.InsertStatement && f.Fix?.Kind != FixKind.InsertStatement));
            return kept;
        }

        private List<Finding> ApplySuppressions(List<Finding> findings)
        {
            if (_doc.Suppressions.Count == 0)
            {
                return findings;
            }

            var result = new List<Finding>(findings.Count);
            foreach (var f in findings)
            {
                var s = _doc.Suppressions.FirstOrDefault(s =>
                    (s.AppliesToLine == f.Line || s.Line == f.Line) && s.Reason.Length > 0 && (s.RuleIds.Contains(f.RuleId) || s.RuleIds.Contains("ALL")));
                result.Add(s == null ? f : f with { Suppressed = true, SuppressionReason = s.Reason });
            }

            foreach (var s in _doc.Suppressions.Where(s => s.Reason.Length == 0))
            {
                int at = _doc.Lines.LineStart(s.Line);
                var pos = _doc.Lines.PositionOf(at);
                result.Add(new Finding
                {
                    RuleId = "CC-SUPPRESSION",
                    Category = "other",
                    Severity = Severity.Warning,
                    Message = $"compliance-ignore {string.Join(", ", s.RuleIds)} has no reason; write 'compliance-ignore RULE-ID: reason' (the finding stays active)",
                    Line = pos.Line,
                    Column = pos.Column,
                    EndLine = pos.Line,
                    EndColumn = pos.Column,
                    Match = string.Empty,
                    LegalBasis = "ComplianceCheck: every suppression must say why",
                    StartOffset = at,
                    EndOffset = at,
                });
            }

            return [.. result.OrderBy(f => f.StartOffset).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
        }
    }
    /// <summary>A text a gated regex runs on, with its digit positions worked out only if a gate asks.</summary>
    private class GatedText(string text)
    {
        private const int MinFilteredLength = 256;
        private List<int>? _digits;
        private PairFilter? _pairs;

        // Per distinct pattern: 0 not yet known, 1 no match, 2 a match.
        private byte[]? _matches;

        public string Text { get; } = text;

        public List<int> Digits => _digits ??= RegexGate.DigitPositions(Text);

        /// <summary>
        /// The text's character pairs, for the gates to rule literals out with; none for a paragraph-sized text. On the generated
        /// 10,000-draft repository (most blocks a short paragraph) a filter per block saved nothing measurable and allocated 0.6
        /// bytes more per input byte; on 3,000-character drafts it made the engine 5-10 % faster.
        /// </summary>
        public PairFilter? Pairs => Text.Length < MinFilteredLength ? null : _pairs ??= new PairFilter(Text);

        /// <summary>Whether a statement pattern matches this text, found once (gate, then regex) and shared by every rule and trigger asking.</summary>
        public bool Matches(GatedPattern pattern, int distinctPatterns, Regex regex)
        {
            _matches ??= new byte[distinctPatterns];
            if (_matches[pattern.Id] == 0)
            {
                _matches[pattern.Id] = MayMatch(pattern, this, 0, Text.Length) && regex.IsMatch(Text) ? (byte)2 : (byte)1;
            }

            return _matches[pattern.Id] == 2;
        }
    }

    /// <summary>
    /// A rule regex's text, its dense id among the engine's distinct texts, and its gate, worked out (or read from the rule
    /// cache, see <paramref name="known"/>) on first use.
    /// </summary>
    private sealed class GatedPattern(string text, int id, Lazy<RegexGate?>? known)
    {
        private RegexGate? _gate;
        private volatile bool _known;

        public string Text { get; } = text;

        public int Id { get; } = id;

        /// <summary>What every match must contain, so ranges without it are skipped; null when nothing is known.</summary>
        public RegexGate? Gate
        {
            get
            {
                if (!_known)
                {
                    // Two threads may both work it out; they get equal gates, and _known is set only after _gate.
                    _gate = known != null ? known.Value : RegexGate.For(Text, RuleRegex.Options);
                    _known = true;
                }

                return _gate;
            }
        }
    }

    /// <summary>One block's folded text, with its sentence map built only when something needs it.</summary>
    private sealed class BlockText(TextBlock block, string folded) : GatedText(folded)
    {
        private SentenceMap? _sentences;

        public TextBlock Block { get; } = block;

        public SentenceMap Sentences => _sentences ??= new SentenceMap(Text);
    }
}
