using ComplianceCheck.Core.Documents;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// The tables of a draft that quote copy rather than make it: a table of wording to avoid (违规表述 | 问题类型 | 修改建议) in
/// training material or news of a penalty, and a copy-review sheet that sets the copy as submitted beside its rewrite (原文 |
/// 修改后, Original | Revised, Rejected | Approved alternative). Decided once per table, from any of its cells; the rules report
/// their claims as info and the model adds none there.
/// </summary>
public static class ExampleTables
{
    // Column headings of tables that list wording to avoid; a marketing table never carries them.
    private static readonly string[] Markers =
    [
        "违规表述", "错误表述", "不当表述", "违规用语", "违规词", "违禁词", "禁用语", "禁用词", "极限词", "违规话术", "错误话术", "反面", "错误示例",
        "违规示例", "错误写法", "问题类型", "违规类型", "违规原因", "合规改写", "合规表述", "prohibited wording", "non-compliant wording",
        "compliant alternative", "what not to say", "instead say", "why it fails", "why it's misleading", "why it is misleading", "违规点", "驳回原因", "驳回理由", "典型表述",
    ];

    // A review sheet has a header of each kind: the submitted column is the review's record of what must not go out.
    private static readonly string[] SubmittedCopyHeaders =
        ["原文", "原稿", "修改前", "原文案", "错误", "不要写", "original copy", "original", "rejected", "rejected copy", "don't", "don't say", "avoid", "instead of"];

    private static readonly string[] RevisedCopyHeaders =
        ["修改后", "改后", "修改稿", "建议改为", "修改为", "正确", "建议写法", "revised", "rewrite", "suggested copy", "approved alternative", "approved copy",
         "use instead", "say instead", "compliant version", "do"];

    /// <summary>The container ids of the draft's example tables.</summary>
    public static HashSet<int> Of(SourceDocument document)
    {
        var tables = new HashSet<int>();
        var submitted = new HashSet<int>();
        var revised = new HashSet<int>();
        foreach (var block in document.Blocks)
        {
            if (block.ContainerId < 0 || tables.Contains(block.ContainerId))
            {
                continue;
            }

            string folded = TextFold.Fold(block.Text);
            if (Markers.Any(folded.Contains))
            {
                tables.Add(block.ContainerId);
                continue;
            }

            string cell = folded.Trim();
            if (IsHeader(cell, SubmittedCopyHeaders))
            {
                submitted.Add(block.ContainerId);
            }
            else if (IsHeader(cell, RevisedCopyHeaders))
            {
                revised.Add(block.ContainerId);
            }

            if (submitted.Contains(block.ContainerId) && revised.Contains(block.ContainerId))
            {
                tables.Add(block.ContainerId);
            }
        }

        return tables;
    }

    // A heading names its column with a word for the copy or a note after it (原文案（摘录）, 修改后文案, Original copy (excerpt)).
    private static readonly string[] HeaderTails = ["文案", "文字", "内容", "表述", "版本", "copy", "text", "wording"];

    private static bool IsHeader(string cell, string[] headers)
    {
        foreach (string header in headers)
        {
            if (!cell.StartsWith(header, StringComparison.Ordinal))
            {
                continue;
            }

            string tail = cell[header.Length..].Trim();
            foreach (string word in HeaderTails)
            {
                if (tail.StartsWith(word, StringComparison.Ordinal))
                {
                    tail = tail[word.Length..].Trim();
                    break;
                }
            }

            if (tail.Length == 0 || (tail.Length <= 12 && tail[0] is '(' or '[' or '（' or '【' && tail[^1] is ')' or ']' or '）' or '】'))
            {
                return true;
            }
        }

        return false;
    }
}
