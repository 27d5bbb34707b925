using System.Text;
using System.Text.Json;
using ComplianceCheck.Classifier;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Classifier.Tests;

/// <summary>The classifier through the real <c>compliance</c> process: check with and without the model, train and eval.</summary>
[Collection(CorpusCollection.Name)]
public sealed class CliTests(CorpusFixture fx) : IDisposable
{
    // A rule that ignores negation and quotation, so only the model can lower it.
    private const string Rules = """
        lang: zh-CN
        rules:
          - id: T-GUA-001
            name: 稳赚不赔
            category: guarantee
            severity: error
            kind: phrase
            negation: ignore
            message: 保证收益“{match}”
            legalBasis: {type: statute, law: 《中华人民共和国广告法》, article: 第二十五条}
            phrases: [稳赚不赔]
            examples: {flag: [稳赚不赔, 保证稳赚不赔], pass: [稳健, 收益]}
        """;

    // Paraphrased guarantees with none of the rule words, and a warning that quotes a rule word.
    private const string Paraphrase = "这款理财放着就能钱生钱，本金一分都不会少，收益稳稳落袋。";
    private const string Warning = "近期有不法分子冒充银行员工，以“稳赚不赔”“内部渠道”为诱饵诈骗，请广大客户提高警惕，谨防上当。";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cc-ml-" + Guid.NewGuid().ToString("N")[..8]);

    private string Write(string relative, string content)
    {
        string path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private (JsonElement Report, CliResult Raw) Check(params string[] args)
    {
        Write("rules/zh-CN/t.yaml", Rules);
        var r = CliProcess.Run(_dir, ["check", "--rules", "rules", "--no-builtin", "--format", "json", "--fail-on", "none", .. args]);
        r.ExitCode.ShouldBe(0, r.ToString());
        return (JsonDocument.Parse(r.Stdout).RootElement, r);
    }

    private static List<JsonElement> Findings(JsonElement report) => [.. report.GetProperty("files")[0].GetProperty("findings").EnumerateArray()];

    [Fact]
    public void Check_adds_a_model_finding_for_a_paraphrased_guarantee()
    {
        Write("draft.md", $"# 周末理财小课堂\n\n{Paraphrase}\n");
        var (report, _) = Check("draft.md");
        report.GetProperty("tool").GetProperty("modelFingerprint").GetString().ShouldBe(fx.Committed.Fingerprint);
        var f = Findings(report).ShouldHaveSingleItem();
        f.GetProperty("source").GetString().ShouldBe("model");
        f.GetProperty("ruleId").GetString().ShouldBe("ML-GUARANTEE");
        f.GetProperty("category").GetString().ShouldBe("guarantee");
        f.GetProperty("severity").GetString().ShouldBe("warning");
        f.GetProperty("confidence").GetDouble().ShouldBeGreaterThanOrEqualTo(0.75);
        f.GetProperty("message").GetString()!.ShouldContain("model judgement");
        f.GetProperty("match").GetString().ShouldBe(Paraphrase);
        f.GetProperty("line").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void No_model_turns_the_classifier_off()
    {
        Write("draft.md", $"{Paraphrase}\n\n{Warning}\n");
        var (report, _) = Check("--no-model", "draft.md");
        report.GetProperty("tool").GetProperty("modelFingerprint").ValueKind.ShouldBe(JsonValueKind.Null);
        var f = Findings(report).ShouldHaveSingleItem();
        f.GetProperty("ruleId").GetString().ShouldBe("T-GUA-001");
        f.GetProperty("severity").GetString().ShouldBe("error");
        f.GetProperty("source").GetString().ShouldBe("rule");
    }

    [Fact]
    public void A_rule_hit_in_a_warning_is_downgraded_by_the_model()
    {
        Write("draft.md", Warning + "\n");
        var (report, _) = Check("draft.md");
        var f = Findings(report).ShouldHaveSingleItem();
        f.GetProperty("ruleId").GetString().ShouldBe("T-GUA-001");
        f.GetProperty("severity").GetString().ShouldBe("info");
        f.GetProperty("message").GetString()!.ShouldContain("likely a quotation or warning");
    }

    [Fact]
    public void Required_risk_statements_are_never_flagged_by_the_model()
    {
        Write("fund.md", """
            # 基金产品介绍

            基金管理人依照恪尽职守、诚实信用、谨慎勤勉的原则管理和运用基金财产，但不保证基金一定盈利，也不保证最低收益。

            基金的过往业绩并不预示其未来表现，基金管理人管理的其他基金的业绩并不构成基金业绩表现的保证，也不表明投资于本基金没有风险。

            理财非存款、产品有风险、投资须谨慎。

            Investing involves risk, including possible loss of principal. Past performance does not guarantee future results.
            """);
        Findings(Check("fund.md").Report).Where(f => f.GetProperty("source").GetString() == "model").ShouldBeEmpty();
    }

    [Fact]
    public void Model_settings_come_from_the_config()
    {
        Write("draft.md", Paraphrase + "\n");
        Write(".compliance.yaml", "model:\n  severity: error\n");
        Findings(Check("draft.md").Report).ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("error");
        Write(".compliance.yaml", "model:\n  enabled: false\n");
        Findings(Check("draft.md").Report).ShouldBeEmpty();
    }

    [Fact]
    public void Eval_prints_per_label_figures_and_confusion_matrices_for_each_system()
    {
        var r = CliProcess.Run(RepoPaths.Root, "eval");
        r.ExitCode.ShouldBe(0, r.ToString());
        foreach (string section in new[] { "== rules-only", "== model-only", "== combined", "== summary" })
        {
            r.Stdout.ShouldContain(section);
        }

        r.Stdout.Split("confusion matrix").Length.ShouldBe(4);
        foreach (string label in Labels.All)
        {
            r.Stdout.ShouldContain(label);
        }

        r.Stdout.ShouldContain("macro-F1 over risky labels");
        r.Stdout.ShouldContain("false-positive rate on clean-warning");
        r.Stdout.ShouldContain("recall on paraphrased guarantees");
        r.Stdout.ShouldContain($"model {fx.Committed.Fingerprint}");
    }

    [Fact]
    public void Train_writes_a_model_that_eval_and_check_can_use()
    {
        string corpus = Path.Combine(_dir, "corpus");
        foreach (string split in new[] { "train", "test" })
        {
            var rows = (split == "train" ? fx.Train : fx.Test).Where((_, i) => i % 10 == 0)
                .Select(s => string.Join('\t', s.Text, s.Lang, s.Label, s.Product, s.Channel, s.Hard, s.Source));
            Write($"corpus/{split}/part.tsv", CorpusReader.Header + "\n" + string.Join('\n', rows) + "\n");
        }

        var train = CliProcess.Run(_dir, "train", "--corpus", corpus, "--out", "small.zip");
        train.ExitCode.ShouldBe(0, train.ToString());
        train.Stdout.ShouldContain("trained on");
        File.Exists(Path.Combine(_dir, "small.zip")).ShouldBeTrue();

        var eval = CliProcess.Run(_dir, "eval", "--corpus", corpus, "--model", "small.zip");
        eval.ExitCode.ShouldBe(0, eval.ToString());
        eval.Stdout.ShouldContain("== combined");

        CliProcess.Run(_dir, "train", "--corpus", Path.Combine(_dir, "nowhere")).ExitCode.ShouldBe(2);
        CliProcess.Run(_dir, "eval", "--corpus", corpus, "--model", "missing.zip").ExitCode.ShouldBe(2);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
