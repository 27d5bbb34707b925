using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ComplianceCheck.Tests.Shared;

namespace ComplianceCheck.Cli.Tests;

/// <summary>
/// Hostile and broken drafts through the real CLI: each gets its documented outcome (findings, a warning, or an error
/// with exit code 2) within a bound, and never a stack trace or a hang.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly CliFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private CliResult Check(params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var r = _fx.Check([.. args, "--format", "json"]);
        watch.Elapsed.ShouldBeLessThan(Bound, $"{string.Join(' ', args)} took {watch.Elapsed}");
        r.Stderr.ShouldNotContain("   at ", customMessage: "a stack trace leaked: " + r.Stderr);
        r.Stderr.ShouldNotContain("Unhandled exception");
        return r;
    }

    private static JsonElement File0(CliResult r) => JsonDocument.Parse(r.Stdout).RootElement.GetProperty("files")[0].Clone();

    [Theory]
    [InlineData("empty.md", "")]
    [InlineData("blank.txt", "   \n\t\n  \r\n")]
    [InlineData("unclosed.html", "<div><p>稳赚不赔<span><b><i>")]
    [InlineData("broken-table.md", "| a | b\n|---\n| 稳赚不赔 |")]
    [InlineData("not-yaml.md", "---\nproduct: [fund\n  : :\n---\n稳赚不赔\n")]
    public void Degenerate_text_drafts_scan_cleanly(string name, string content)
    {
        _fx.Write(name, content);
        var r = Check(name);
        r.ExitCode.ShouldBeOneOf(0, 1);
        File0(r).GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        if (content.Contains("稳赚不赔", StringComparison.Ordinal))
        {
            r.Stdout.ShouldContain("T-GUA-001");
        }
    }

    [Fact]
    public void Binary_files_named_explicitly_are_errors_with_exit_2()
    {
        File.WriteAllBytes(Path.Combine(_fx.Dir, "img.md"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        using (var zip = ZipFile.Open(Path.Combine(_fx.Dir, "archive.txt"), ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("a.txt").Open());
            entry.Write("稳赚不赔");
        }

        foreach (var (file, kind) in new[] { ("img.md", "PNG"), ("archive.txt", "ZIP") })
        {
            var r = Check(file);
            r.ExitCode.ShouldBe(2);
            File0(r).GetProperty("error").GetString()!.ShouldContain(kind);
            r.Stderr.ShouldContain($"{file}: is a binary file");
        }
    }

    [Fact]
    public void Invalid_utf8_mixed_encodings_and_utf16_without_bom_are_decoded_not_rejected()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        byte[] mixed = [.. Encoding.UTF8.GetBytes("第一行正常\n"), .. Encoding.GetEncoding("GB18030").GetBytes("第二行稳赚不赔\n")];
        File.WriteAllBytes(Path.Combine(_fx.Dir, "mixed.txt"), mixed);
        var r = Check("mixed.txt");
        r.Stderr.ShouldContain("read as GB18030/GBK");
        File0(r).GetProperty("encoding").GetString().ShouldBe("gb18030");
        r.Stdout.ShouldContain("T-GUA-001");

        File.WriteAllBytes(Path.Combine(_fx.Dir, "u16.txt"), Encoding.Unicode.GetBytes("Plain UTF-16 text without a BOM: stable income.\n"));
        var u16 = Check("u16.txt");
        u16.ExitCode.ShouldBe(0, u16.ToString());
        File0(u16).GetProperty("encoding").GetString().ShouldBe("utf-16le");
    }

    [Fact]
    public void A_50_MB_single_line_and_100000_lines_finish_and_report_positions()
    {
        var line = new StringBuilder(50 * 1024 * 1024 + 64);
        var filler = "本基金投资于优质资产，追求长期稳健回报。";
        while (line.Length < 50 * 1024 * 1024 / 3)
        {
            line.Append(filler);
        }

        line.Append("稳赚不赔");
        _fx.Write("one-line.txt", line.ToString());
        var r = Check("one-line.txt");
        r.ExitCode.ShouldBe(1, r.Stderr);
        var f = File0(r).GetProperty("findings")[0];
        (f.GetProperty("line").GetInt32(), f.GetProperty("column").GetInt32()).ShouldBe((1, line.Length - 3));

        _fx.Write("many-lines.md", string.Concat(Enumerable.Range(0, 100_000).Select(i => i == 99_999 ? "保本保息\n" : $"第{i}行内容\n\n")));
        var many = Check("many-lines.md");
        File0(many).GetProperty("findings")[0].GetProperty("line").GetInt32().ShouldBe(199_999);
    }

    [Fact]
    public void Pathological_nesting_and_huge_tables_do_not_overflow_or_hang()
    {
        _fx.Write("deep.html", string.Concat(Enumerable.Repeat("<div><span>", 10_000)) + "稳赚不赔" + string.Concat(Enumerable.Repeat("</span></div>", 10_000)));
        Check("deep.html").Stdout.ShouldContain("T-GUA-001");
        _fx.Write("lists.md", string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', Math.Min(i, 4000)) + "- 稳赚不赔\n")));
        Check("lists.md").ExitCode.ShouldBeOneOf(0, 1);
        _fx.Write("quotes.md", new string('>', 10_000) + " 稳赚不赔\n");
        Check("quotes.md").ExitCode.ShouldBeOneOf(0, 1);
        var table = new StringBuilder("| 指标 | 数值 |\n|---|---|\n");
        while (table.Length < 5 * 1024 * 1024)
        {
            table.Append("| 近一年收益率 | 5% |\n");
        }

        _fx.Write("table.md", table.ToString());
        Check("table.md").ExitCode.ShouldBeOneOf(0, 1);
    }

    [Fact]
    public void A_yaml_bomb_in_front_matter_is_harmless()
    {
        string bomb = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + string.Concat(Enumerable.Range(0, 8).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(",", Enumerable.Repeat("*" + (char)('a' + i), 9))}]\n"))
            + "product: wealth\n---\n稳赚不赔\n";
        _fx.Write("bomb.md", bomb);
        var r = Check("bomb.md");
        File0(r).GetProperty("product").GetString().ShouldBe("wealth");
    }

    [Fact]
    public void Symlink_loops_odd_paths_and_vanished_files_are_handled()
    {
        _fx.Write("loop/a/内容 文件.md", "稳赚不赔\n");
        File.CreateSymbolicLink(Path.Combine(_fx.Dir, "loop", "a", "back"), Path.Combine(_fx.Dir, "loop"));
        var r = Check("loop");
        r.ExitCode.ShouldBe(1, r.ToString());
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("files").GetArrayLength().ShouldBe(1);
        r.Stdout.ShouldContain("内容 文件.md");

        var direct = Check("loop/a/内容 文件.md");
        direct.ExitCode.ShouldBe(1);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_folder_is_a_warning_not_a_crash()
    {
        _fx.Write("locked/x.md", "稳赚不赔\n");
        _fx.Write("open/y.md", "稳健\n");
        File.SetUnixFileMode(Path.Combine(_fx.Dir, "locked"), UnixFileMode.None);
        try
        {
            var r = Check(".");
            bool root = Environment.UserName == "root";
            if (!root)
            {
                r.Stderr.ShouldContain("locked: cannot read folder");
            }

            r.ExitCode.ShouldBeOneOf(0, 1);
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(_fx.Dir, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
