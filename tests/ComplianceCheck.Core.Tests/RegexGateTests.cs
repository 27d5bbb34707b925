using System.Text.RegularExpressions;
using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Rules;

namespace ComplianceCheck.Core.Tests;

public class RegexGateTests
{
    /// <summary>
    /// An ignore-case rule regex matches a few non-ASCII letters as ASCII ones (the Kelvin sign as k): a gate built from its
    /// literal parts must still let such text through.
    /// </summary>
    [Theory]
    [InlineData("no risk at all", "no ris\u212A at all")]
    [InlineData("guaranteed", "guaranteed")]
    [InlineData("kind regards", "\u212Aind regards")]
    public void A_gate_lets_through_every_text_its_regex_matches(string pattern, string text)
    {
        var regex = new Regex(pattern, RuleRegex.Options);
        regex.IsMatch(text).ShouldBeTrue();
        var gate = RegexGate.For(pattern, RuleRegex.Options);
        gate.ShouldNotBeNull();
        gate.MayMatch(text, 0, text.Length, RegexGate.DigitPositions(text)).ShouldBeTrue();
        gate.MayMatch("nothing here", 0, 12, []).ShouldBe(regex.IsMatch("nothing here"));
    }
}

public class PairFilterTests
{
    private const string Sample = "本产品为R2中低风险理财产品，业绩比较基准3.2%-3.8%（年化），不代表实际收益。Capital at risk: past performance is no guide.";

    [Fact]
    public void Every_part_of_a_text_may_be_in_it()
    {
        var filter = new PairFilter(Sample);
        for (int start = 0; start < Sample.Length; start++)
        {
            for (int length = 1; start + length <= Sample.Length && length <= 12; length++)
            {
                filter.MayHold(Sample.Substring(start, length)).ShouldBeTrue(Sample.Substring(start, length));
            }
        }
    }

    [Fact]
    public void Most_absent_literals_are_ruled_out()
    {
        var filter = new PairFilter(Sample);
        string[] absent = ["保本", "稳赚不赔", "零风险", "最高收益", "guaranteed", "risk-free", "日息", "秒到账", "闭眼入", "年化收益率", "no fees", "手慢无"];
        absent.Count(filter.MayHold).ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void A_gate_with_the_filter_decides_as_the_gate_without_it()
    {
        string[] patterns = ["(保本|保息).{0,6}(理财|存款)", "(近一年|今年以来)(收益率|涨幅)", "\\b(guaranteed|risk-free) (returns?|income)\\b"];
        string[] texts =
        [
            "这款理财保本吗？不保本。", "保本保息的存款，年化3%", "今年以来收益率12%，近一年涨幅8%", "we offer guaranteed returns of 8%",
            "returns are not guaranteed", Sample, string.Concat(Enumerable.Repeat("市场有风险，投资须谨慎。", 20)) + "保本理财",
        ];
        foreach (string pattern in patterns)
        {
            var gate = RegexGate.For(pattern, RuleRegex.Options).ShouldNotBeNull();
            foreach (string text in texts)
            {
                string folded = TextFold.Fold(text);
                var digits = RegexGate.DigitPositions(folded);
                var filter = new PairFilter(folded);
                for (int start = 0; start < folded.Length; start += 5)
                {
                    gate.MayMatch(folded, start, folded.Length, digits, filter).ShouldBe(gate.MayMatch(folded, start, folded.Length, digits), $"{pattern} on {text} from {start}");
                }
            }
        }
    }
}
