using ComplianceCheck.Core.Reports;

namespace ComplianceCheck.Cli.Commands;

/// <summary>Writes a finished report in one of the output formats.</summary>
internal static class ReportFormats
{
    public static void Write(ScanReport report, string format, Stream stream)
    {
        switch (format)
        {
            case "json":
                JsonReportWriter.Write(report, stream);
                break;
            case "sarif" or "junit" or "github":
                Gate.GateReports.Write(report, format, stream);
                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    var text = new TextReportWriter(writer, color: false);
                    foreach (var file in report.Files)
                    {
                        text.WriteFile(file);
                    }

                    text.WriteSummary(report);
                }

                break;
        }
    }
}
