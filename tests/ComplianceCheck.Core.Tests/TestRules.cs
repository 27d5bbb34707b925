using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

/// <summary>Builds engines from small inline rule packs, so engine tests do not depend on the shipped packs.</summary>
internal static class TestRules
{
    public const string Basis = "legalBasis: {type: statute, law: 《中华人民共和国广告法》, article: 第九条}";

    /// <summary>The engine over the shipped rule packs, built once for the tests that need it.</summary>
    public static readonly Lazy<RuleEngine> BuiltIn = new(() => new RuleEngine(RuleSet.Load()));

    public static RuleEngine BuildEngine(string rulesYaml, string lang = "zh-CN") =>
        new(RuleSet.FromFiles([("test/" + lang + "/test.yaml", $"lang: {lang}\nrules:\n{rulesYaml}", lang)]));

    public static IReadOnlyList<Finding> Scan(RuleEngine engine, string text, string product = "fund", string? channel = "wechat-article",
        string path = "draft.txt", string lang = "zh-CN")
    {
        var document = DocumentLoader.LoadText(path, text);
        return engine.Scan(document, new DraftProfile(product, "test", channel, "test", [lang], "test"), new EngineOptions());
    }

    /// <summary>A phrase rule with the two examples of each kind the loader insists on.</summary>
    public static string Phrase(string id, string phrases, string extra = "", string category = "absolute") => $"""
          - id: {id}
            name: test phrase rule
            category: {category}
            severity: error
            kind: phrase
            message: 使用了“{"{match}"}”
            {Basis}
            phrases: [{phrases}]
        {extra}
            examples: {"{"}flag: [a, b], pass: [c, d]{"}"}

        """;
}
