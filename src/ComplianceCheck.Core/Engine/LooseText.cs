using System.Text;

namespace ComplianceCheck.Core.Engine;

/// <summary>
/// The tolerant form required statements are matched in: folded, with white space, punctuation and symbols removed
/// and common variant characters unified (须/需), so "投资需谨慎" satisfies "投资 须 谨慎。".
/// </summary>
public static class LooseText
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char raw in text)
        {
            char c = TextFold.Fold(raw);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSeparator(c) || char.IsControl(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '需' => '须',
                '並' => '并',
                '險' => '险',
                '資' => '资',
                '謹' => '谨',
                '慎' => '慎',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
