using System.Text;
using ComplianceCheck.Core.Engine;

namespace ComplianceCheck.Core.Reports;

/// <summary>A finding as one self-contained text (message, basis, suggestion, fix) for reports shown outside the tool.</summary>
public static class FindingText
{
    public static string Describe(Finding f, bool mentionReplacement)
    {
        var sb = new StringBuilder(f.Message);
        if (!string.IsNullOrEmpty(f.LegalBasis))
        {
            sb.Append("\n依据 basis: ").Append(f.LegalBasis);
        }

        if (!string.IsNullOrEmpty(f.Suggestion))
        {
            sb.Append("\n建议 suggestion: ").Append(f.Suggestion);
        }

        if (f.Fix is { Kind: FixKind.InsertStatement } insert)
        {
            sb.Append("\n补充 insert: ").Append(insert.Text);
        }
        else if (mentionReplacement && f.Fix is { Kind: FixKind.Replace } replace)
        {
            sb.Append("\nautofix: replace with “").Append(replace.Text).Append("” (compliance check --fix)");
        }

        return sb.ToString();
    }
}
