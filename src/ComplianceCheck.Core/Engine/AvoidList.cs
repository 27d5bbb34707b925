using ComplianceCheck.Core.Documents;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// The lines of a draft that list wording to avoid: a section whose heading forbids what follows (五、禁用话术（以下内容严禁对客户使用）,
/// "Phrases to avoid:") names the claims of its items, it does not make them. Training material and 话术 sheets end with
/// such a list, and its items need no quotation marks (以自己或其他客户的收益情况作为推荐理由). A section runs from its heading
/// to the next heading-like line, and at most <see cref="MaxLines"/> lines, so a missing heading cannot hide a whole draft.
/// </summary>
public sealed class AvoidList
{
    private const int MaxLines = 30;
    private const int MaxHeadingLength = 40;

    private static readonly string[] Markers =
    [
        "禁用", "禁语", "严禁使用", "严禁对客户", "严禁说", "严禁出现", "禁止使用", "禁止说", "禁说", "不得使用", "不得出现", "不得说", "不可使用", "不能说", "不要说", "切勿说", "切勿使用",
        "负面清单", "红线", "雷区", "违规话术", "违规用语", "违规表述", "错误话术", "错误示范", "错误示例", "反面案例", "违禁词", "极限词",
        "do not say", "don't say", "never say", "do not use", "don't use", "avoid saying", "words to avoid", "phrases to avoid",
        "wording to avoid", "prohibited", "banned", "not allowed",
    ];

    // A line a training sheet marks as the wrong version (× 这只固收+稳稳的…, ❌ "best rates ever", 错误示范：…), beside its
    // corrected one (√ …): an example of what not to write, whatever section it stands in.
    private static readonly string[] WrongMarks = ["×", "✗", "✘", "✖", "❌", "错误示范", "错误示例", "反面示例", "错误案例", "错误写法", "错误说法", "错误：", "错误:", "反例：", "反例:", "wrong:", "don't:", "do not:"];

    private static readonly AvoidList None = new([]);

    // Per block: the [start, end) ranges of its text inside such a section.
    private readonly Dictionary<int, List<(int Start, int End)>> _ranges;

    private AvoidList(Dictionary<int, List<(int Start, int End)>> ranges) => _ranges = ranges;

    /// <summary>
    /// Only heading-like lines are folded and searched for a marker: every draft is read here (the model's pass asks of each),
    /// so the whole text is not.
    /// </summary>
    public static AvoidList Of(SourceDocument document)
    {
        var ranges = new Dictionary<int, List<(int Start, int End)>>();
        int linesLeft = 0;
        foreach (var block in document.Blocks)
        {
            string text = block.Text;
            bool headingBlock = block.Kind is BlockKind.Heading or BlockKind.Title;
            int start = 0;
            while (start <= text.Length)
            {
                int newline = text.IndexOf('\n', start);
                int end = newline < 0 ? text.Length : newline;
                var line = text.AsSpan(start, end - start).Trim();
                if (line.Length > 0)
                {
                    if (MarkedWrong(line))
                    {
                        (ranges.TryGetValue(block.Index, out var marked) ? marked : ranges[block.Index] = []).Add((start, end));
                    }
                    else if (headingBlock || IsHeadingLike(line))
                    {
                        string folded = TextFold.Fold(line.ToString());
                        linesLeft = Markers.Any(m => folded.Contains(m, StringComparison.Ordinal)) ? MaxLines : 0;
                    }
                    else if (linesLeft > 0)
                    {
                        linesLeft--;
                        (ranges.TryGetValue(block.Index, out var list) ? list : ranges[block.Index] = []).Add((start, end));
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                start = newline + 1;
            }
        }

        return ranges.Count == 0 ? None : new AvoidList(ranges);
    }

    private static bool MarkedWrong(ReadOnlySpan<char> line)
    {
        var rest = line.TrimStart("-*>0123456789.、) ");
        foreach (string mark in WrongMarks)
        {
            if (rest.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="position"/> of block <paramref name="blockIndex"/>'s text lies inside a list of wording to avoid.</summary>
    public bool Covers(int blockIndex, int position)
    {
        if (!_ranges.TryGetValue(blockIndex, out var list))
        {
            return false;
        }

        foreach (var (start, end) in list)
        {
            if (position >= start && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="position"/> of <paramref name="block"/>'s text lies in a heading or a heading-like line: in a draft that
    /// warns against claims, a section's title names a kind of claim (一、承诺收益类, "2. Pressure to act now"), it makes none.
    /// </summary>
    public static bool IsInHeading(TextBlock block, int position)
    {
        if (block.Kind is BlockKind.Heading or BlockKind.Title)
        {
            return true;
        }

        string text = block.Text;
        int start = position > 0 ? text.LastIndexOf('\n', position - 1) + 1 : 0;
        int end = text.IndexOf('\n', position);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).Trim();
        return line.Length > 0 && IsHeadingLike(line);
    }

    /// <summary>
    /// A short line that opens a section: numbered with a Chinese numeral (五、 （三） 第二部分), a Markdown heading, or one that
    /// ends in a colon (以下用语严禁使用：). An item numbered with digits (15. …) is none.
    /// </summary>
    private static bool IsHeadingLike(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxHeadingLength || IsNumberedItem(line))
        {
            return false;
        }

        if (line[0] == '#' || line[^1] is '：' or ':')
        {
            return true;
        }

        int i = line[0] is '（' or '(' ? 1 : 0;
        if (i < line.Length && line[i] == '第')
        {
            return true;
        }

        int numerals = 0;
        while (i < line.Length && "一二三四五六七八九十".Contains(line[i]))
        {
            i++;
            numerals++;
        }

        return numerals > 0 && i < line.Length && line[i] is '、' or '）' or ')' or '.' or '．';
    }

    private static bool IsNumberedItem(ReadOnlySpan<char> line) =>
        char.IsAsciiDigit(line[0]) && line.TrimStart("0123456789") is ['.' or '、' or '．' or ')' or '）', ..];
}
