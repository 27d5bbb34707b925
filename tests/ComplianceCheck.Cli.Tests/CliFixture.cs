using System.Text;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Cli.Tests;

/// <summary>A temporary folder with a small rule pack of its own, so CLI tests do not depend on the shipped packs.</summary>
public sealed class CliFixture : IDisposable
{
    public const string Rules = """
        lang: zh-CN
        rules:
          - id: T-GUA-001
            name: 稳赚
            category: guarantee
            severity: error
            kind: phrase
            message: 保证收益“{match}”
            legalBasis: {type: statute, law: 《中华人民共和国广告法》, article: 第二十五条}
            suggestion: 删除该表述
            phrases: [稳赚不赔, 保本保息]
            examples: {flag: [稳赚不赔, 保本保息], pass: [不承诺保本保息, 稳健]}
          - id: T-IND-001
            name: 低风险
            category: inducement
            severity: warning
            kind: phrase
            message: 诱导用语“{match}”
            legalBasis: {type: industry-practice, law: 行业惯例}
            phrases: [低风险]
            examples: {flag: [低风险高收益, 低风险产品], pass: [风险较低, 风险等级R2]}
          - id: T-DIS-001
            name: 理财风险提示
            category: disclaimer
            severity: error
            kind: required
            message: 缺少“理财非存款、产品有风险、投资须谨慎”
            legalBasis: {type: industry-practice, law: 行业惯例}
            when: {products: [wealth]}
            require: [理财非存款、产品有风险、投资须谨慎]
            examples:
              flag: [{text: 稳健理财, product: wealth}, {text: 欢迎购买, product: wealth}]
              pass: [{text: 理财非存款，产品有风险，投资需谨慎。, product: wealth}, {text: 其他, product: fund}]
        """;

    public CliFixture()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "rules", "zh-CN"));
        File.WriteAllText(Path.Combine(Dir, "rules", "zh-CN", "test.yaml"), Rules);
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "cc-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public string RulesDir => Path.Combine(Dir, "rules");

    public string Write(string relative, string content, Encoding? encoding = null)
    {
        string path = Path.Combine(Dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(content));
        return path;
    }

    public CliResult Check(params string[] args) => CliProcess.Run(Dir, ["check", "--rules", RulesDir, "--no-builtin", "--no-model", .. args]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
