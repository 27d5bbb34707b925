using ComplianceCheck.Core.Engine;
using ComplianceCheck.Core.Reports;
using ComplianceCheck.Core.Rules;
using ComplianceCheck.Core.Scanning;

namespace ComplianceCheck.Core.Tests;

/// <summary>
/// A report of a whole repository is tens of megabytes: the JSON and SARIF writers must hand it to the stream as they go, not
/// build it in one buffer that doubles as it grows (that buffer was the peak memory of a 10,000-draft run).
/// </summary>
public class ReportStreamingTests
{
    private static ScanReport LargeReport()
    {
        var files = Enumerable.Range(0, 2000).Select(i => new FileResult
        {
            Path = $"drafts/{i:D4}.md",
            Format = "markdown",
            Findings = Enumerable.Range(0, 5).Select(k => new Finding
            {
                RuleId = "ZH-ABS-001",
                Category = "absolute",
                Severity = Severity.Error,
                Message = "禁止使用“国家级”“最高级”“最佳”等用语",
                Line = k + 1,
                Column = 3,
                EndLine = k + 1,
                EndColumn = 5,
                Match = "最佳",
                LegalBasis = "《中华人民共和国广告法》第九条第（三）项",
                Context = "本产品是市场上最佳的理财选择，收益稳健，值得每一位投资者长期持有。",
            }).ToList(),
        }).ToList();
        return new ScanReport("test", "rules", null, files, TimeSpan.Zero);
    }

    [Fact]
    public void The_json_report_reaches_its_stream_in_small_writes()
    {
        var stream = new WriteRecordingStream();
        JsonReportWriter.Write(LargeReport(), stream);

        stream.Length.ShouldBeGreaterThan(4_000_000);
        stream.LargestWrite.ShouldBeLessThan(256 * 1024);
    }

    [Fact]
    public void The_sarif_report_reaches_its_stream_in_small_writes()
    {
        var stream = new WriteRecordingStream();
        SarifReportWriter.Write(LargeReport(), stream, new SarifOptions { BaseDirectory = "/" });

        stream.Length.ShouldBeGreaterThan(4_000_000);
        stream.LargestWrite.ShouldBeLessThan(256 * 1024);
    }

    private sealed class WriteRecordingStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }
    }
}
