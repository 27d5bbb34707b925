using System.Reflection;
using BenchmarkDotNet.Attributes;
using ComplianceCheck.Benchmarks;
using ComplianceCheck.Benchmarks.Benchmarks;
using ComplianceCheck.Benchmarks.Generation;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Benchmarks.Tests;

/// <summary>The benchmark project builds and its generators are reproducible. No benchmark runs here.</summary>
public class BenchmarkProjectTests
{
    [Theory]
    [InlineData(typeof(LiteralMatchingBenchmarks))]
    [InlineData(typeof(EngineBenchmarks))]
    [InlineData(typeof(ClassifierBenchmarks))]
    public void Benchmark_classes_have_benchmarks_and_a_baseline(Type type)
    {
        var methods = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null).ToList();
        methods.Count.ShouldBeGreaterThanOrEqualTo(2);
        methods.Count(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline).ShouldBe(1);
    }

    [Fact]
    public void The_same_seed_writes_the_same_text_and_another_seed_another()
    {
        var phrases = new[] { "保本保息", "稳赚不赔", "guaranteed returns" };
        string a = string.Concat(new MarketingText(7, phrases, MatchDensity.Realistic).Drafts(20_000, 3000));
        string b = string.Concat(new MarketingText(7, phrases, MatchDensity.Realistic).Drafts(20_000, 3000));
        string c = string.Concat(new MarketingText(8, phrases, MatchDensity.Realistic).Drafts(20_000, 3000));
        a.ShouldBe(b);
        a.ShouldNotBe(c);
        System.Text.Encoding.UTF8.GetByteCount(a).ShouldBeGreaterThanOrEqualTo(20_000);
    }

    [Fact]
    public void Denser_text_plants_more_phrases()
    {
        var phrases = new[] { "稳赚不赔", "闭眼买" };
        int Count(MatchDensity density)
        {
            string text = string.Concat(new MarketingText(3, phrases, density).Drafts(60_000, 3000));
            return phrases.Sum(p => (text.Length - text.Replace(p, string.Empty, StringComparison.Ordinal).Length) / p.Length);
        }

        int clean = Count(MatchDensity.Clean), realistic = Count(MatchDensity.Realistic), dense = Count(MatchDensity.Dense);
        clean.ShouldBe(0);
        realistic.ShouldBeGreaterThan(0);
        dense.ShouldBeGreaterThan(realistic * 10);
    }

    [Fact]
    public void The_repo_generator_writes_every_format_reproducibly()
    {
        string first = Path.Combine(Path.GetTempPath(), "cc-bench-test-" + Guid.NewGuid().ToString("N"));
        string second = first + "-again";
        try
        {
            var stats = ContentRepo.Write(first, 40, 42);
            ContentRepo.Write(second, 40, 42);
            stats.Files.ShouldBe(40);
            (stats.Markdown > 0 && stats.Html > 0 && stats.Text > 0).ShouldBeTrue();
            var files = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            files.Count.ShouldBe(40);
            foreach (string file in files)
            {
                File.ReadAllBytes(file).ShouldBe(File.ReadAllBytes(Path.Combine(second, Path.GetRelativePath(first, file))));
            }
        }
        finally
        {
            Directory.Delete(first, true);
            Directory.Delete(second, true);
        }
    }

    [Fact]
    public void The_2000_phrase_set_has_2000_distinct_phrases_starting_with_the_real_ones()
    {
        var real = new[] { "保本", "最佳", "guaranteed" };
        var set = PhraseSets.Synthetic(2000, real, 1);
        set.Count.ShouldBe(2000);
        set.Distinct(StringComparer.Ordinal).Count().ShouldBe(2000);
        set.Take(3).ShouldBe(real);
    }

    [Fact]
    public void The_textlint_dictionary_holds_every_phrase_rule_phrase()
    {
        string path = Path.Combine(Path.GetTempPath(), "cc-prh-" + Guid.NewGuid().ToString("N") + ".yml");
        try
        {
            Tools.WritePrhDictionary([path]).ShouldBe(0);
            string yaml = File.ReadAllText(path);
            yaml.ShouldStartWith("version: 1\nrules:\n");
            foreach (var (phrase, _, _) in PhraseSets.PhraseRulePhrases(BenchmarkCorpus.Rules).Take(50))
            {
                yaml.ShouldContain("〔" + phrase.Replace("'", "''", StringComparison.Ordinal) + "〕");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
