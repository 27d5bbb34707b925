using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NJsonSchema;

namespace ComplianceCheck.Gate.Tests;

/// <summary>SARIF, JUnit and GitHub annotations through the real CLI, alone and several in one run.</summary>
public sealed partial class ReportFormatTests : IDisposable
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-schema-2.1.0.json")).GetAwaiter().GetResult());

    private readonly GateRepo _repo = new();

    public ReportFormatTests()
    {
        _repo.Write("drafts/fund.md", "# 基金推介\n\n这是最佳的理财产品，稳赚不赔。\n\n名额有限，欲购从速。\n");
        _repo.Write("drafts/quiet.md", "# 说明\n\n<!-- compliance-ignore GATE-ABS-001: 引用监管原文 -->\n原文写的是最佳收益。\n");
        _repo.Write("drafts/clean.md", "# 公告\n\n本基金投资于债券市场。\n");
        _repo.Write("web/page.html", "<html><body><h1>Fund</h1><p>Enjoy guaranteed returns, 100% & more!</p></body></html>\n");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Sarif_is_valid_against_the_official_2_1_0_schema_and_lists_every_rule()
    {
        var r = _repo.Check("drafts", "web", "--format", "sarif");
        r.ExitCode.ShouldBe(1, r.ToString());
        SarifSchema.Value.Validate(r.Stdout).ShouldBeEmpty(r.Stdout);

        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = doc.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("compliance");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(x => x.GetProperty("id").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(["GATE-ABS-001", "GATE-DIS-001", "GATE-EN-DIS-001", "GATE-EN-GUA-001", "GATE-GUA-001", "GATE-IND-001", "GATE-PERF-001"]);
        foreach (var rule in rules)
        {
            rule.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
            rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
            rule.GetProperty("help").GetProperty("text").GetString()!.ShouldContain("Legal basis");
            rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBeOneOf("error", "warning", "note");
        }

        var abs = rules.Single(x => x.GetProperty("id").GetString() == "GATE-ABS-001");
        abs.GetProperty("help").GetProperty("text").GetString()!.ShouldContain("《中华人民共和国广告法》第九条第（三）项");
        abs.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("error");

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var best = results.Single(x => x.GetProperty("ruleId").GetString() == "GATE-ABS-001" && !x.TryGetProperty("suppressions", out _));
        best.GetProperty("level").GetString().ShouldBe("error");
        best.GetProperty("message").GetProperty("text").GetString()!.ShouldContain("最佳");
        var location = best.GetProperty("locations")[0].GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("drafts/fund.md");
        location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        var region = location.GetProperty("region");
        region.GetProperty("startLine").GetInt32().ShouldBe(3);
        region.GetProperty("startColumn").GetInt32().ShouldBe(3);
        region.GetProperty("endLine").GetInt32().ShouldBe(3);
        region.GetProperty("endColumn").GetInt32().ShouldBe(5);
        best.GetProperty("partialFingerprints").GetProperty("complianceFingerprint/v1").GetString()!.ShouldMatch("^[0-9a-f]{24}:1$");
        best.GetProperty("ruleIndex").GetInt32().ShouldBe(rules.FindIndex(x => x.GetProperty("id").GetString() == "GATE-ABS-001"));

        // The inline-ignored finding is there, marked as suppressed in source with its reason.
        var suppressed = results.Single(x => x.TryGetProperty("suppressions", out _));
        suppressed.GetProperty("ruleId").GetString().ShouldBe("GATE-ABS-001");
        suppressed.GetProperty("suppressions")[0].GetProperty("kind").GetString().ShouldBe("inSource");
        suppressed.GetProperty("suppressions")[0].GetProperty("justification").GetString().ShouldBe("引用监管原文");

        results.ShouldContain(x => x.GetProperty("ruleId").GetString() == "GATE-IND-001" && x.GetProperty("level").GetString() == "warning");
        results.ShouldContain(x => x.GetProperty("ruleId").GetString() == "GATE-EN-GUA-001");
    }

    [Fact]
    public void Sarif_with_the_built_in_rule_packs_is_valid_too()
    {
        _repo.Write("中文 草稿.md", "本理财产品收益最高，保本保息，稳赚不赔，年化收益率8%，欲购从速！客户张三说：“我赚了20万。”\n");
        _repo.Write("en.md", "Guaranteed returns with no risk! The best fund ever, 12% annual return.\n");
        var r = _repo.Run("check", "中文 草稿.md", "en.md", "--format", "sarif", "--no-model");
        r.ExitCode.ShouldBe(1, r.ToString());
        SarifSchema.Value.Validate(r.Stdout).ShouldBeEmpty();
        using var doc = JsonDocument.Parse(r.Stdout);
        int ruleCount = doc.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength();
        var list = _repo.Run("rules", "list");
        int listed = int.Parse(RuleCount().Match(list.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        ruleCount.ShouldBe(listed);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBeGreaterThan(3);
        results.Select(x => x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .ShouldContain("%E4%B8%AD%E6%96%87%20%E8%8D%89%E7%A8%BF.md");
    }

    [Fact]
    public void Sarif_partial_fingerprints_survive_unrelated_edits()
    {
        var before = Fingerprints(_repo.Check("drafts/fund.md", "--format", "sarif").Stdout);
        _repo.Write("drafts/fund.md", "# 基金推介\n\n新增的第一段介绍。\n\n另一段说明文字。\n\n这是最佳的理财产品，稳赚不赔。\n\n名额有限，欲购从速。\n");
        var after = Fingerprints(_repo.Check("drafts/fund.md", "--format", "sarif").Stdout);
        after.Keys.Order().ShouldBe(before.Keys.Order());
        after.ShouldContain(kv => kv.Value != before[kv.Key], "the lines moved, the fingerprints did not");

        static Dictionary<string, int> Fingerprints(string sarif)
        {
            using var doc = JsonDocument.Parse(sarif);
            return doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToDictionary(
                x => x.GetProperty("partialFingerprints").GetProperty("complianceFingerprint/v1").GetString()!,
                x => x.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        }
    }

    [Fact]
    public void Junit_has_one_suite_per_file_and_one_failing_case_per_error_or_warning()
    {
        var r = _repo.Check("drafts", "web", "--format", "junit");
        r.ExitCode.ShouldBe(1, r.ToString());
        var doc = XDocument.Parse(r.Stdout);
        var root = doc.Root!;
        root.Name.LocalName.ShouldBe("testsuites");
        var suites = root.Elements("testsuite").ToList();
        suites.Select(s => (string)s.Attribute("name")!).ShouldBe(["drafts/clean.md", "drafts/fund.md", "drafts/quiet.md", "web/page.html"]);

        var fund = suites.Single(s => (string)s.Attribute("name")! == "drafts/fund.md");
        var cases = fund.Elements("testcase").ToList();
        cases.Count.ShouldBe(4); // 最佳, 稳赚不赔, 欲购从速 and the missing risk statement
        cases.ShouldAllBe(c => c.Element("failure") != null);
        ((int)fund.Attribute("failures")!).ShouldBe(4);
        ((int)fund.Attribute("tests")!).ShouldBe(4);
        cases.Select(c => (string)c.Element("failure")!.Attribute("type")!).Order().ShouldBe(["error", "error", "warning", "warning"]);
        var best = cases.Single(c => ((string)c.Attribute("name")!).StartsWith("GATE-ABS-001", StringComparison.Ordinal));
        ((string)best.Attribute("classname")!).ShouldBe("drafts/fund.md");
        ((string)best.Attribute("file")!).ShouldBe("drafts/fund.md");
        ((int)best.Attribute("line")!).ShouldBe(3);
        best.Element("failure")!.Value.ShouldContain("依据 basis: 《中华人民共和国广告法》第九条第（三）项");

        var clean = suites.Single(s => (string)s.Attribute("name")! == "drafts/clean.md");
        clean.Elements("testcase").Single().Element("failure").ShouldBeNull();
        suites.Single(s => (string)s.Attribute("name")! == "drafts/quiet.md").Elements("testcase").Single().Element("failure").ShouldBeNull();

        var html = suites.Single(s => (string)s.Attribute("name")! == "web/page.html");
        html.Descendants("failure").ShouldNotBeEmpty();
        ((int)root.Attribute("failures")!).ShouldBe(suites.Sum(s => (int)s.Attribute("failures")!));
    }

    [Fact]
    public void Github_annotations_are_workflow_commands_with_escaped_properties_and_messages()
    {
        _repo.Write("odd, name: 100%.md", "Enjoy guaranteed returns today.\n");
        var r = _repo.Check("odd, name: 100%.md", "drafts/fund.md", "--format", "github");
        r.ExitCode.ShouldBe(1, r.ToString());
        var commands = r.Stdout.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        commands.Count.ShouldBe(5);
        foreach (string command in commands)
        {
            command.ShouldMatch(@"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::.+$");
            command.ShouldNotContain("\r");
        }

        string en = commands.Single(c => c.Contains("GATE-EN-GUA-001", StringComparison.Ordinal));
        en.ShouldStartWith("::error file=odd%2C name%3A 100%25.md,line=1,col=7,endLine=1,endColumn=25,title=GATE-EN-GUA-001 (guarantee)::");
        var props = Properties(en);
        props["file"].ShouldBe("odd, name: 100%.md");
        string message = Unescape(en[(en.IndexOf("::", 2, StringComparison.Ordinal) + 2)..]);
        message.ShouldStartWith("Promises 100% safe returns: “guaranteed returns”, which no investment can");
        message.ShouldContain("\n建议 suggestion: Say what the return depends on, e.g.: returns vary, 50% of outcomes differ");
        en.ShouldContain("Promises 100%25 safe returns: “guaranteed returns”, which");
        en.ShouldContain("%0A");

        commands.Count(c => c.StartsWith("::warning file=drafts/fund.md,", StringComparison.Ordinal)).ShouldBe(2);
        commands.ShouldContain(c => c.StartsWith("::error file=drafts/fund.md,line=3,col=3,endLine=3,endColumn=5,title=GATE-ABS-001 (absolute)::", StringComparison.Ordinal));

        // The summary footer follows for people reading the log.
        r.Stdout.ShouldContain("2 file(s) scanned in");
    }

    [Fact]
    public void Several_formats_in_one_run()
    {
        var r = _repo.Check("drafts", "--format", "text", "--sarif-output", "out/report.sarif", "--junit-output", "out/report.xml", "--json-output", "out/report.json");
        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldContain("drafts/fund.md:3:3: error [GATE-ABS-001]");
        r.Stdout.ShouldContain("3 file(s) scanned in");
        SarifSchema.Value.Validate(_repo.Read("out/report.sarif")).ShouldBeEmpty();
        XDocument.Parse(_repo.Read("out/report.xml")).Root!.Elements("testsuite").Count().ShouldBe(3);
        using var json = JsonDocument.Parse(_repo.Read("out/report.json"));
        json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(2);

        // A machine format on stdout with the others beside it.
        var s = _repo.Check("drafts", "--format", "sarif", "--junit-output", "out/2.xml", "-o", "out/2.sarif");
        s.Stdout.ShouldBeEmpty();
        SarifSchema.Value.Validate(_repo.Read("out/2.sarif")).ShouldBeEmpty();
        File.Exists(_repo.PathOf("out/2.xml")).ShouldBeTrue();
    }

    [Fact]
    public void Text_summary_shows_counts_by_severity_and_category_files_and_time()
    {
        var r = _repo.Check("drafts");
        r.Stdout.ShouldMatch(@"3 file\(s\) scanned in \d+\.\d\d s: 2 error\(s\), 2 warning\(s\), 0 info, 1 suppressed");
        r.Stdout.ShouldContain("by category: absolute 1, disclaimer 1, guarantee 1, inducement 1");
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var r = _repo.Check("drafts", "--format", "xml");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("sarif");
    }

    private static Dictionary<string, string> Properties(string command)
    {
        int space = command.IndexOf(' ', StringComparison.Ordinal);
        int end = command.IndexOf("::", space, StringComparison.Ordinal);
        return command[(space + 1)..end].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Unescape(p[1]));
    }

    private static string Unescape(string value) =>
        value.Replace("%2C", ",", StringComparison.Ordinal).Replace("%3A", ":", StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    [GeneratedRegex(@"(\d+) rule\(s\)")]
    private static partial Regex RuleCount();
}
