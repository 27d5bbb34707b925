using System.Text.RegularExpressions;

namespace ComplianceCheck.Classifier;

/// <summary>
/// The cue that opens a line of a video, audio or live-stream script (<c>VO: "…"</c>, <c>ON-SCREEN TEXT: "…"</c>,
/// <c>口播：“…”</c>, <c>字幕：</c>). The cue is stage direction, not copy, and the quotation marks around what follows mark
/// the copy as spoken or shown, not as someone else's words: left in, the label misleads the model and the marks read as
/// a quotation ("Can't go down long-term" on screen is a promise, not a warning). Only a closed list of cue words counts:
/// a label such as "RISK WARNING:" says something about the sentence and stays.
/// </summary>
public static partial class ScriptCue
{
    [GeneratedRegex(
        @"^\s*(?:[\[(（]?\d{1,2}:\d{2}(?::\d{2})?[\])）]?\s*)?(?:(?<stage>(?:shot|scene|frame)\s*\d{0,3}|sfx|music|镜头\s*\d{0,3}|场景\s*\d{0,3}|画面"
        + @"|campaign|client|product|format|length|duration|audience|objective|brand|placement|version|活动名称|产品名称|客户|格式|时长|投放渠道|受众|版本)"
        + @"|vo|v/o|v\.o\.|voice[- ]?over|narrator|(?:co-)?host|announcer|presenter|creator|influencer|speaker\s*\d{0,2}|caption|supers?"
        + @"|on[- ]?screen(?:\s+text)?|ost|end\s+(?:card|frame)|lower\s+third|cta|button"
        + @"|口播|旁白|画外音|配音|解说|台词|字幕|花字|主播|助播|助理|嘉宾|场控|主持人|博主|弹幕|贴片|封面文案|按钮)"
        + @"(?:\s*[（(][^)）\n]{0,24}[)）])?\s*[:：]\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Cue();

    // A speaker's name in capitals opening a line of a dialogue script (JESS: …, DR. LEE (V.O.): …), as podcasts and interviews set them.
    [GeneratedRegex(@"^[ \t]*(?<name>[A-Z][A-Z.'-]{1,19})(?:[ \t]*\([^)\n]{0,24}\))?:[ \t]", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SpeakerLine();

    // A script's cast list names its speakers (主播：Lily（持证…）, 助播：小北, Host: Dana): those names then open their lines.
    [GeneratedRegex(@"^[ \t]*(?:主播|助播|嘉宾|主持人|host|co-host|guest|presenter)[ \t]*[:：][ \t]*(?<name>\p{L}[\p{L}.'·-]{0,11})[ \t]*(?:[（(][^)）\n]*[)）])?[ \t]*$",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CastLine();

    // A line of an exported chat: a time stamp, then the sender's name (2024-03-12 10:14 海阔天空：…, [12/03/2024, 10:14] Sam: …).
    // The stamp and the name are no part of what was said, and their digits pull the model's reading of a short message.
    [GeneratedRegex(
        @"^\s*[\[(]?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?[\])]?\s*(?:-\s*)?[^:：\s][^:：\n]{0,15}[:：]\s*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChatLine();

    private static readonly char[] Colons = [':', '：'];

    private static readonly (char Open, char Close)[] Quotes = [('"', '"'), ('“', '”'), ('「', '」'), ('『', '』'), ('‘', '’'), ('\'', '\'')];

    /// <summary>
    /// The copy inside a unit of text: <paramref name="start"/> and <paramref name="end"/> moved past a leading cue and its
    /// quotation marks. <c>Stage</c> is true after a stage direction (SHOT 3, SFX, 镜头、画面) or a line of the brief (Campaign:,
    /// Product:, 时长：): what follows describes the picture, the sound or the job, it is not copy the audience reads or hears.
    /// </summary>
    public static (int Start, int End, bool Stage) Copy(string text, int start, int end) => Copy(text, start, end, NoSpeakers);

    /// <summary>
    /// As <see cref="Copy(string, int, int)"/>, also moving past the name of one of <paramref name="speakers"/> (from
    /// <see cref="Speakers"/>) that opens the unit.
    /// </summary>
    public static (int Start, int End, bool Stage) Copy(string text, int start, int end, IReadOnlySet<string> speakers)
    {
        var cue = Cue().Match(text, start, end - start);
        int cueLength;
        bool stage;
        if (cue.Success)
        {
            cueLength = cue.Length;
            stage = cue.Groups["stage"].Success;
        }
        else if (speakers.Count > 0 && SpeakerCue(text, start, end, speakers) is > 0 and var length)
        {
            cueLength = length;
            stage = false;
        }
        else if (ChatLine().Match(text, start, end - start) is { Success: true } chat)
        {
            cueLength = chat.Length;
            stage = false;
        }
        else
        {
            return (start, end, false);
        }

        int from = start + cueLength;
        int to = end;
        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        if (from < to)
        {
            foreach (var (open, close) in Quotes)
            {
                if (text[from] == open)
                {
                    from++;
                    if (to > from && text[to - 1] == close)
                    {
                        to--;
                    }

                    break;
                }
            }
        }

        return from < to ? (from, to, stage) : (start, end, stage);
    }

    private static readonly IReadOnlySet<string> NoSpeakers = new HashSet<string>();

    /// <summary>The length of "NAME: " (an optional time stamp before it) when one of the speakers opens the unit; else 0.</summary>
    private static int SpeakerCue(string text, int start, int end, IReadOnlySet<string> speakers)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i < end && text[i] is '[' or '(' or '（' && text.IndexOfAny([']', ')', '）'], i, Math.Min(12, end - i)) is var close and > 0
            && text.AsSpan(i + 1, close - i - 1).ContainsAny("0123456789") && text.AsSpan(i + 1, close - i - 1).IndexOf(':') > 0)
        {
            i = close + 1;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        int colon = text.IndexOfAny(Colons, i, Math.Min(24, end - i));
        if (colon <= i)
        {
            return 0;
        }

        string name = text[i..colon].TrimEnd();
        int paren = name.IndexOfAny(['(', '（']);
        if (!speakers.Contains(paren > 0 ? name[..paren].TrimEnd() : name))
        {
            return 0;
        }

        int after = colon + 1;
        while (after < end && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return after - start;
    }

    /// <summary>
    /// The speakers of a dialogue script: names in capitals that open two or more lines each, when there are at least two such
    /// names (an interview, a podcast), and the names its cast list gives (主播：Lily). A label that opens lines of another kind
    /// of draft (RISK WARNING:, NOTE:) is one name, not a dialogue, and stays part of the sentence.
    /// </summary>
    public static IReadOnlySet<string> Speakers(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in SpeakerLine().Matches(text))
        {
            string name = m.Groups["name"].Value;
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        var speakers = counts.Where(c => c.Value >= 2).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (speakers.Count < 2)
        {
            speakers.Clear();
        }

        foreach (Match m in CastLine().Matches(text))
        {
            speakers.Add(m.Groups["name"].Value);
        }

        return speakers.Count > 0 ? speakers : NoSpeakers;
    }
}
