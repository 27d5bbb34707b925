using ComplianceCheck.Core.Configuration;
using ComplianceCheck.Core.Documents;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Scanning;

/// <summary>
/// Loads a tiny draft of each format a scan will meet, on another core, while the caller reads the rules. The first use of
/// the loaders costs a one-draft check ~40 ms (YamlDotNet's and Markdig's set-up, AngleSharp's parser, the profile cues'
/// automaton, code compiled on first call), which it would otherwise pay only after the rules are in. The results are
/// thrown away, so a warm-up can never change what a scan reports.
/// </summary>
public static class ScanWarmUp
{
    private const string Sentence = "本基金由资深团队管理，收益稳定。市场有风险，投资需谨慎。";

    /// <summary>Starts warming what a scan of these paths needs: a named file's own format, every format for a folder or '-'.</summary>
    public static Task Start(IEnumerable<string> paths)
    {
        // A set of formats by hand: LINQ over the enum would itself be compiled at run time, what this class saves.
        var wanted = new bool[3];
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                wanted[(int)DocumentFormats.FromPath(path)] = true;
            }
            else
            {
                Array.Fill(wanted, true);
            }
        }

        return Task.Run(() =>
        {
            for (int f = 0; f < wanted.Length; f++)
            {
                if (!wanted[f])
                {
                    continue;
                }

                var format = (DocumentFormat)f;
                var document = DocumentLoader.LoadText("warm-up", Sample(format), format);
                new ProfileResolver(ComplianceConfig.Empty, new ProfileOverrides()).Resolve(document, document.Path, []);
            }

            string folded = TextFold.Fold(Sentence);
            NegationDetector.Judge(folded, new SentenceMap(folded), 12, 14);
            SplitWords.Join(folded);
        });
    }

    private static string Sample(DocumentFormat format) => format switch
    {
        DocumentFormat.Markdown => $"---\nproduct: fund\nchannel: wechat-article\n---\n# 标题\n\n{Sentence}\n\n- 要点\n\n| 项目 | 说明 |\n|---|---|\n| 收益 | 浮动 |\n",
        DocumentFormat.Html => $"<html><head><title>标题</title></head><body><section><p><span>{Sentence}</span></p><table><tr><td>收益</td></tr></table></section></body></html>",
        _ => Sentence + "\n",
    };
}
