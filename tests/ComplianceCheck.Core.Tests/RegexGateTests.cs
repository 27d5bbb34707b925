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
