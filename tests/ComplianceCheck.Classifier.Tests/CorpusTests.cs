using System.Diagnostics;
using ComplianceCheck.Classifier;

namespace ComplianceCheck.Classifier.Tests;

[Collection(CorpusCollection.Name)]
public sealed class CorpusTests(CorpusFixture fx)
{
    [Fact]
    public void Corpus_is_as_large_and_as_hard_as_the_issue_asks()
    {
        var all = fx.Train.Concat(fx.Test).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(4000);
        all.Count(s => s.Lang == "zh-CN").ShouldBeGreaterThanOrEqualTo(3000);
        all.Count(s => s.Lang == "en").ShouldBeGreaterThanOrEqualTo(1000);
        // Lines taken from whole drafts are labelled by the drafts' keys, not written as cases, so none is marked hard.
        var written = all.Where(s => !s.Source.StartsWith("blind-draft:", StringComparison.Ordinal)).ToList();
        written.Count(s => s.Hard != "none").ShouldBeGreaterThanOrEqualTo((int)(0.3 * written.Count));
        foreach (string label in Labels.All)
        {
            fx.Train.Count(s => s.Label == label).ShouldBeGreaterThan(50, label);
            fx.Test.Count(s => s.Label == label).ShouldBeGreaterThan(20, label);
        }
    }

    [Fact]
    public void Folding_traditional_characters_leaves_every_corpus_sentence_as_it_is()
    {
        // The model's features are taken from folded text: a corpus in simplified script keeps exactly the features it
        // was trained on, while drafts in traditional script reach the same features.
        fx.Train.Concat(fx.Test).SelectMany(s => s.Text).Where(c => c is >= '\u3400' and <= '\u9FFF').Distinct()
            .Where(c => Core.Engine.TextFold.Fold(c) != c).ShouldBeEmpty();
    }

    [Fact]
    public void No_sentence_is_in_both_splits_or_twice_in_one()
    {
        var train = fx.Train.Select(s => s.Text).ToList();
        train.Distinct().Count().ShouldBe(train.Count, "a training sentence appears twice");
        fx.Test.Select(s => s.Text).Distinct().Count().ShouldBe(fx.Test.Count, "a test sentence appears twice");
        fx.Test.Where(s => train.Contains(s.Text)).Select(s => s.Text).ShouldBeEmpty();
    }

    [Fact]
    public void No_test_sentence_is_a_near_duplicate_of_a_training_sentence()
    {
        var stopwatch = Stopwatch.StartNew();
        var duplicates = NearDuplicates.Find(fx.Train, fx.Test, threshold: 0.5);
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        duplicates.Select(d => $"{Path.GetFileName(d.Test.File)}:{d.Test.Line} ~ {Path.GetFileName(d.Train.File)}:{d.Train.Line} "
            + $"(J={d.Jaccard:0.00}): {d.Test.Text} ~ {d.Train.Text}").ShouldBeEmpty();
    }

    [Fact]
    public void Near_duplicate_check_finds_an_edited_copy()
    {
        var a = new CorpusSentence("这款理财产品收益稳稳的，本金一分不少，闭眼入就对了", "zh-CN", "guarantee", "wealth", "wechat-moments", "paraphrase", "t");
        var b = a with { Text = "这款理财产品收益稳稳的，本金一分不少，闭眼入吧" };
        var c = a with { Text = "基金过往业绩不预示其未来表现" };
        var found = NearDuplicates.Find([a], [b, c]);
        found.Count.ShouldBe(1);
        found[0].Test.ShouldBe(b);
        found[0].Jaccard.ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Reader_rejects_a_malformed_file_with_its_line()
    {
        string header = CorpusReader.Header;
        Should.Throw<CorpusException>(() => CorpusReader.Parse("x.tsv", "text\tlabel\n")).Message.ShouldContain("x.tsv:1");
        Should.Throw<CorpusException>(() => CorpusReader.Parse("x.tsv", header + "\n保本\tzh-CN\tguarantee\twealth\tsms\tnone\n"))
            .Message.ShouldContain("x.tsv:2: 6 columns");
        Should.Throw<CorpusException>(() => CorpusReader.Parse("x.tsv", header + "\n保本\tzh-CN\tscam\twealth\tsms\tnone\ta\n"))
            .Message.ShouldContain("label 'scam'");
        var ok = CorpusReader.Parse("x.tsv", header + "\r\n保本\tzh-CN\tguarantee\twealth\tsms\tnone\tauthored:t\r\n\r\n");
        ok.Single().ShouldBe(new CorpusSentence("保本", "zh-CN", "guarantee", "wealth", "sms", "none", "authored:t") { File = "x.tsv", Line = 2 });
    }
}
