using System.Text;
using ComplianceCheck.Core.Reports;

namespace ComplianceCheck.Cli.Gate;

/// <summary>Writes the CI report formats (sarif, junit, github) of a finished <c>check</c>.</summary>
internal static class GateReports
{
    public static bool Handles(string format) => GateOptions.Formats.Contains(format);

    public static void Write(ScanReport report, string format, Stream stream)
    {
        var session = GateSession.Current;
        switch (format)
        {
            case "sarif":
                SarifReportWriter.Write(report, stream, new SarifOptions
                {
                    Rules = session?.Rules?.Rules ?? [],
                    BaseDirectory = Directory.GetCurrentDirectory(),
                    BaselineApplied = session?.BaselineFilter != null,
                    RunProperties = session?.SarifRunProperties() ?? new Dictionary<string, object?>(),
                });
                break;
            case "junit":
                JUnitReportWriter.Write(report, stream);
                break;
            case "github":
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
                {
                    GitHubAnnotationWriter.Write(report, writer);

                    // Plain lines between workflow commands are ordinary log output: the summary footer for people.
                    new TextReportWriter(writer, color: false).WriteSummary(report);
                }

                break;
            default:
                throw new UsageException($"--format '{format}' is not a CI format");
        }
    }
}
