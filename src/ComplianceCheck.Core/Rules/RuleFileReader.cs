using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceCheck.Core.Rules;

/// <summary>
/// Reads one rule file strictly: unknown keys, missing keys, wrong values and invalid regexes are errors that name
/// the file and line. Errors are collected so a writer sees all of them at once.
/// </summary>
internal sealed class RuleFileReader
{
    private static readonly HashSet<string> CommonKeys =
    [
        "id", "name", "category", "severity", "kind", "message", "legalBasis", "review", "effective", "products", "channels",
        "suggestion", "fix", "exceptions", "exceptionPatterns", "negation", "examples",
    ];

    private static readonly Dictionary<string, string[]> KindKeys = new()
    {
        ["phrase"] = ["phrases"],
        ["pattern"] = ["pattern", "anchors", "validate"],
        ["proximity"] = ["first", "second", "within"],
        ["required"] = ["when", "require", "requirePatterns", "scope", "blockWindow", "insert"],
    };

    private readonly string _file;
    private readonly List<string> _errors;
    private readonly bool _verifyPatterns;

    private RuleFileReader(string file, List<string> errors, bool verifyPatterns)
    {
        _file = file;
        _errors = errors;
        _verifyPatterns = verifyPatterns;
    }

    /// <summary>
    /// Reads the rules of one file; problems go to <paramref name="errors"/>. Without <paramref name="verifyPatterns"/> a
    /// regex is not parsed until first used (for the embedded packs, whose patterns the test suite has parsed).
    /// </summary>
    public static List<Rule> Read(string displayName, string yaml, string? expectedLang, List<string> errors, bool verifyPatterns = true)
    {
        var reader = new RuleFileReader(displayName, errors, verifyPatterns);
        return reader.ReadFile(yaml, expectedLang);
    }

    private List<Rule> ReadFile(string yaml, string? expectedLang)
    {
        var rules = new List<Rule>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            Error(ex.Start.Line, $"not valid YAML: {FirstLine(ex.Message)}");
            return rules;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(1, "a rule file must be a mapping with 'lang' and 'rules'");
            return rules;
        }

        CheckKeys(root, ["lang", "rules"], "rule file");
        string? lang = Scalar(root, "lang", required: true);
        if (lang != null && !Vocabulary.Languages.Contains(lang))
        {
            Error(LineOf(root, "lang"), $"lang '{lang}' is not one of {string.Join(", ", Vocabulary.Languages)}");
        }
        else if (lang != null && expectedLang != null && lang != expectedLang)
        {
            Error(LineOf(root, "lang"), $"lang '{lang}' does not match the folder '{expectedLang}'");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode) || rulesNode is not YamlSequenceNode sequence)
        {
            Error(root.Start.Line, "'rules' must be a list of rules");
            return rules;
        }

        foreach (var node in sequence)
        {
            if (node is not YamlMappingNode ruleNode)
            {
                Error(node.Start.Line, "each rule must be a mapping");
                continue;
            }

            var rule = ReadRule(ruleNode, lang ?? expectedLang ?? "zh-CN");
            if (rule != null)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private Rule? ReadRule(YamlMappingNode node, string lang)
    {
        int errorsBefore = _errors.Count;
        string? id = Scalar(node, "id", required: true);
        string where = id ?? "rule";
        string? kind = Scalar(node, "kind", required: true);
        var allowed = new HashSet<string>(CommonKeys);
        if (kind != null && KindKeys.TryGetValue(kind, out var extra))
        {
            allowed.UnionWith(extra);
        }
        else if (kind != null)
        {
            Error(LineOf(node, "kind"), $"{where}: kind '{kind}' is not one of phrase, pattern, proximity, required");
            return null;
        }

        CheckKeys(node, allowed, where);
        if (id != null && !Regex.IsMatch(id, "^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"))
        {
            Error(LineOf(node, "id"), $"rule id '{id}' must look like ZH-ABS-001 (upper-case words joined by '-')");
        }

        string name = Scalar(node, "name", required: true) ?? string.Empty;
        string category = Enum(node, "category", Vocabulary.Categories, where, required: true) ?? "other";
        var severity = ParseSeverity(node, where);
        string message = Scalar(node, "message", required: true) ?? string.Empty;
        var basis = ReadBasis(node, where);
        var review = Enum(node, "review", ["violation", "needs-review", "advice"], where, required: false) switch
        {
            "needs-review" => ReviewHint.NeedsReview,
            "advice" => ReviewHint.Advice,
            _ => ReviewHint.Violation,
        };
        DateOnly? effective = null;
        if (Scalar(node, "effective", required: false) is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                effective = d;
            }
            else
            {
                Error(LineOf(node, "effective"), $"{where}: effective '{date}' is not a date (yyyy-MM-dd)");
            }
        }

        var products = EnumList(node, "products", Vocabulary.Products, where);
        var channels = EnumList(node, "channels", Vocabulary.Channels, where);
        string? suggestion = Scalar(node, "suggestion", required: false);
        string? fixReplace = null;
        if (node.Children.TryGetValue(new YamlScalarNode("fix"), out var fixNode))
        {
            if (fixNode is YamlMappingNode fixMap)
            {
                CheckKeys(fixMap, ["replace"], $"{where} fix");
                fixReplace = Scalar(fixMap, "replace", required: true, emptyAllowed: true);
            }
            else
            {
                Error(fixNode.Start.Line, $"{where}: fix must be a mapping like {{replace: ...}}");
            }
        }

        var exceptions = Fold(StringList(node, "exceptions", where));
        IReadOnlyList<Regex> exceptionPatterns = new LazyRegexList(StringList(node, "exceptionPatterns", where)
            .Select(p => CompileRegex(p, LineOf(node, "exceptionPatterns"), where)).OfType<RuleRegex>().ToArray());
        var negation = Enum(node, "negation", ["suppress", "ignore"], where, required: false) == "ignore" ? NegationMode.Ignore : NegationMode.Suppress;
        var (flag, pass) = ReadExamples(node, where);
        if (basis == null || id == null)
        {
            return null;
        }

        var header = new RuleHeader
        {
            Id = id,
            Name = name,
            Category = category,
            Severity = severity,
            Message = message,
            LegalBasis = basis,
            Lang = lang,
            Review = review,
            Effective = effective,
            Products = products,
            Channels = channels,
            Suggestion = suggestion,
            FixReplace = fixReplace,
            Exceptions = exceptions,
            ExceptionPatterns = exceptionPatterns,
            Negation = negation,
            FlagExamples = flag,
            PassExamples = pass,
            SourceFile = _file,
            SourceLine = (int)node.Start.Line,
        };
        Rule? rule = kind switch
        {
            "phrase" => ReadPhrase(node, header),
            "pattern" => ReadPattern(node, header),
            "proximity" => ReadProximity(node, header),
            "required" => ReadRequired(node, header),
            _ => null,
        };
        return _errors.Count > errorsBefore ? null : rule;
    }

    private PhraseRule? ReadPhrase(YamlMappingNode node, RuleHeader header)
    {
        string where = header.Id;
        var phrases = Fold(StringList(node, "phrases", where));
        if (phrases.Count == 0)
        {
            Error(node.Start.Line, $"{where}: a phrase rule needs a non-empty 'phrases' list");
            return null;
        }

        return new PhraseRule(header) { Phrases = phrases };
    }

    private PatternRule? ReadPattern(YamlMappingNode node, RuleHeader header)
    {
        string where = header.Id;
        string? pattern = Scalar(node, "pattern", required: true);
        var regex = pattern == null ? null : CompileRegex(pattern, LineOf(node, "pattern"), where);
        var validate = Enum(node, "validate", ["luhn", "cn-id-card", "cn-mobile", "email"], where, required: false) switch
        {
            "luhn" => MatchValidator.Luhn,
            "cn-id-card" => MatchValidator.ChineseIdCard,
            "cn-mobile" => MatchValidator.ChineseMobile,
            "email" => MatchValidator.Email,
            _ => MatchValidator.None,
        };
        if (regex == null)
        {
            return null;
        }

        return new PatternRule(header) { Expression = regex, Anchors = Fold(StringList(node, "anchors", where)), Validate = validate };
    }

    private ProximityRule? ReadProximity(YamlMappingNode node, RuleHeader header)
    {
        string where = header.Id;
        var first = Fold(StringList(node, "first", where));
        var second = Fold(StringList(node, "second", where));
        string? within = Scalar(node, "within", required: true);
        if (first.Count == 0 || second.Count == 0)
        {
            Error(node.Start.Line, $"{where}: a proximity rule needs non-empty 'first' and 'second' lists");
            return null;
        }

        if (!int.TryParse(within, out int distance) || distance is < 1 or > 200)
        {
            Error(LineOf(node, "within"), $"{where}: 'within' must be a whole number of characters from 1 to 200");
            return null;
        }

        return new ProximityRule(header) { First = first, Second = second, Within = distance };
    }

    private RequiredRule? ReadRequired(YamlMappingNode node, RuleHeader header)
    {
        string where = header.Id;
        if (!node.Children.TryGetValue(new YamlScalarNode("when"), out var whenNode) || whenNode is not YamlMappingNode when)
        {
            Error(node.Start.Line, $"{where}: a required rule needs a 'when' mapping (products, triggers, triggerPattern)");
            return null;
        }

        CheckKeys(when, ["products", "triggers", "triggerPattern", "triggerAnchors"], $"{where} when");
        var whenProducts = EnumList(when, "products", Vocabulary.Products, where);
        var triggers = Fold(StringList(when, "triggers", where));
        string? triggerPatternText = Scalar(when, "triggerPattern", required: false);
        var triggerPattern = triggerPatternText == null ? null : CompileRegex(triggerPatternText, LineOf(when, "triggerPattern"), where);
        if (whenProducts.Count == 0 && triggers.Count == 0 && triggerPatternText == null)
        {
            Error(when.Start.Line, $"{where}: 'when' needs at least one of products, triggers, triggerPattern");
        }

        var require = StringList(node, "require", where);
        var requirePatterns = new LazyRegexList(StringList(node, "requirePatterns", where)
            .Select(p => CompileRegex(p, LineOf(node, "requirePatterns"), where)).OfType<RuleRegex>().ToArray());
        if (require.Count == 0 && requirePatterns.Count == 0)
        {
            Error(node.Start.Line, $"{where}: a required rule needs 'require' (statement variants) or 'requirePatterns'");
        }

        var scope = Enum(node, "scope", ["document", "block"], where, required: false) == "block" ? RequiredScope.Block : RequiredScope.Document;
        int window = 0;
        if (Scalar(node, "blockWindow", required: false) is { } w && (!int.TryParse(w, out window) || window is < 0 or > 10))
        {
            Error(LineOf(node, "blockWindow"), $"{where}: blockWindow must be a whole number from 0 to 10");
        }

        string insertText = require.Count > 0 ? require[0] : string.Empty;
        var insertAt = InsertPosition.End;
        if (node.Children.TryGetValue(new YamlScalarNode("insert"), out var insertNode))
        {
            if (insertNode is YamlMappingNode insert)
            {
                CheckKeys(insert, ["text", "at"], $"{where} insert");
                insertText = Scalar(insert, "text", required: true) ?? insertText;
                insertAt = Enum(insert, "at", ["end", "after-trigger-block"], where, required: false) == "after-trigger-block"
                    ? InsertPosition.AfterTriggerBlock
                    : InsertPosition.End;
            }
            else
            {
                Error(insertNode.Start.Line, $"{where}: insert must be a mapping {{text, at}}");
            }
        }

        if (string.IsNullOrWhiteSpace(insertText))
        {
            Error(node.Start.Line, $"{where}: a required rule needs 'insert.text' when it has only requirePatterns");
        }

        return new RequiredRule(header)
        {
            WhenProducts = whenProducts,
            Triggers = triggers,
            TriggerExpression = triggerPattern,
            TriggerAnchors = Fold(StringList(when, "triggerAnchors", where)),
            Require = require,
            RequirePatterns = requirePatterns,
            Scope = scope,
            BlockWindow = window,
            InsertText = insertText,
            InsertAt = insertAt,
        };
    }

    private LegalBasis? ReadBasis(YamlMappingNode node, string where)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("legalBasis"), out var basisNode))
        {
            Error(node.Start.Line, $"{where}: missing required key 'legalBasis'");
            return null;
        }

        if (basisNode is not YamlMappingNode basis)
        {
            Error(basisNode.Start.Line, $"{where}: legalBasis must be a mapping {{type, law, article, quote}}");
            return null;
        }

        CheckKeys(basis, ["type", "law", "article", "quote"], $"{where} legalBasis");
        string type = Enum(basis, "type", Vocabulary.BasisTypes, where, required: true) ?? "statute";
        string law = Scalar(basis, "law", required: true) ?? string.Empty;
        string? article = Scalar(basis, "article", required: false);
        if (type == "statute" && string.IsNullOrWhiteSpace(article))
        {
            Error(basis.Start.Line, $"{where}: a statute basis must cite an article (or use type: industry-practice)");
        }

        return new LegalBasis(type, law, article, Scalar(basis, "quote", required: false));
    }

    private (IReadOnlyList<RuleExample> Flag, IReadOnlyList<RuleExample> Pass) ReadExamples(YamlMappingNode node, string where)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("examples"), out var examplesNode) || examplesNode is not YamlMappingNode examples)
        {
            Error(node.Start.Line, $"{where}: missing 'examples' with 'flag' and 'pass' lists");
            return ([], []);
        }

        CheckKeys(examples, ["flag", "pass"], $"{where} examples");
        var flag = ExampleList(examples, "flag", where);
        var pass = ExampleList(examples, "pass", where);
        if (flag.Count < 2 || pass.Count < 2)
        {
            Error(examples.Start.Line, $"{where}: needs at least 2 flag and 2 pass examples (has {flag.Count} and {pass.Count})");
        }

        return (flag, pass);
    }

    private List<RuleExample> ExampleList(YamlMappingNode node, string key, string where)
    {
        var list = new List<RuleExample>();
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return list;
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(value.Start.Line, $"{where}: examples.{key} must be a list");
            return list;
        }

        foreach (var item in sequence)
        {
            switch (item)
            {
                case YamlScalarNode { Value: { } text }:
                    list.Add(new RuleExample(text, null, null, (int)item.Start.Line));
                    break;
                case YamlMappingNode map:
                    CheckKeys(map, ["text", "product", "channel"], $"{where} example");
                    string? t = Scalar(map, "text", required: true);
                    string? product = Enum(map, "product", Vocabulary.Products, where, required: false);
                    string? channel = Enum(map, "channel", Vocabulary.Channels, where, required: false);
                    if (t != null)
                    {
                        list.Add(new RuleExample(t, product, channel, (int)item.Start.Line));
                    }

                    break;
                default:
                    Error(item.Start.Line, $"{where}: an example is a string or {{text, product, channel}}");
                    break;
            }
        }

        return list;
    }

    private RuleRegex? CompileRegex(string pattern, long line, string where)
    {
        pattern = Engine.TextFold.FoldPattern(pattern);
        // Checked now, built on first use: the file's errors still surface at load with their line.
        if (!_verifyPatterns)
        {
            return RuleRegex.Unchecked(pattern);
        }

        var regex = RuleRegex.Parse(pattern, out string? problem);
        if (problem != null)
        {
            Error(line, $"{where}: {problem}");
            return null;
        }

        return regex;
    }

    private Severity ParseSeverity(YamlMappingNode node, string where) =>
        Enum(node, "severity", ["error", "warning", "info"], where, required: true) switch
        {
            "warning" => Severity.Warning,
            "info" => Severity.Info,
            _ => Severity.Error,
        };

    private string? Enum(YamlMappingNode node, string key, IReadOnlyList<string> allowed, string where, bool required)
    {
        string? value = Scalar(node, key, required);
        if (value != null && !allowed.Contains(value))
        {
            Error(LineOf(node, key), $"{where}: {key} '{value}' is not one of {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    private List<string> EnumList(YamlMappingNode node, string key, IReadOnlyList<string> allowed, string where)
    {
        var values = StringList(node, key, where);
        foreach (string v in values.Where(v => !allowed.Contains(v)))
        {
            Error(LineOf(node, key), $"{where}: {key} entry '{v}' is not one of {string.Join(", ", allowed)}");
        }

        return values.Where(allowed.Contains).ToList();
    }

    private List<string> StringList(YamlMappingNode node, string key, string where)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return [];
        }

        if (value is YamlScalarNode { Value: { } single } && single.Length > 0)
        {
            return [single];
        }

        if (value is not YamlSequenceNode sequence)
        {
            Error(value.Start.Line, $"{where}: '{key}' must be a list of strings");
            return [];
        }

        var list = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text })
            {
                list.Add(text);
            }
            else
            {
                Error(item.Start.Line, $"{where}: '{key}' entries must be non-empty strings");
            }
        }

        return list;
    }

    private string? Scalar(YamlMappingNode node, string key, bool required, bool emptyAllowed = false)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            if (required)
            {
                Error(node.Start.Line, $"{Describe(node)}missing required key '{key}'");
            }

            return null;
        }

        if (value is not YamlScalarNode scalar)
        {
            Error(value.Start.Line, $"{Describe(node)}'{key}' must be a single value");
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value) && !emptyAllowed)
        {
            if (required)
            {
                Error(value.Start.Line, $"{Describe(node)}'{key}' is empty");
            }

            return null;
        }

        return scalar.Value ?? string.Empty;
    }

    private static string Describe(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } v } ? $"{v}: " : string.Empty;

    private void CheckKeys(YamlMappingNode node, IEnumerable<string> allowed, string where)
    {
        var set = allowed as HashSet<string> ?? new HashSet<string>(allowed);
        foreach (var key in node.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && !set.Contains(name))
            {
                string hint = set.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase) || Levenshtein(k, name) <= 2) is { } near
                    ? $" (did you mean '{near}'?)"
                    : string.Empty;
                Error(key.Start.Line, $"{where}: unknown key '{name}'{hint}");
            }
        }
    }

    private static long LineOf(YamlMappingNode node, string key) =>
        node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } v } && v == key)?.Start.Line ?? node.Start.Line;

    private static List<string> Fold(List<string> values) => values.Select(Engine.TextFold.Fold).Distinct().ToList();

    private void Error(long line, string message) => _errors.Add($"{_file}:{line}: {message}");

    private static string FirstLine(string message)
    {
        int nl = message.IndexOf('\n');
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
