using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Qp.Cli.Bench;

/// <summary>
/// The memory benchmark of issue 24: hostile inputs of up to 100 MB, each given to qp in a child process whose peak resident memory
/// (VmHWM, polled) and wall time are measured. A child past <see cref="KillMb"/> or <see cref="TimeoutSeconds"/> is stopped and
/// reported as such, so that an older build can be measured on the same inputs without taking the machine down.
/// </summary>
public static class HostileInputs
{
    /// <summary>A child whose resident memory passes this is killed (reported as "&gt; 2048 MB").</summary>
    public const int KillMb = 2048;

    /// <summary>A child still running after this many seconds is killed.</summary>
    public const int TimeoutSeconds = 120;

    private const string EpisodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    private const string HeaderHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";

    /// <summary>One measured input: its class, its size on disk, qp's exit code, seconds and peak MB (null when killed or unknown).</summary>
    /// <param name="Name">The class of hostile input.</param>
    /// <param name="Bytes">Its size on disk.</param>
    /// <param name="Exit">qp's exit code, or null when it was killed.</param>
    /// <param name="Seconds">Wall seconds.</param>
    /// <param name="PeakMb">Peak resident memory in MB.</param>
    /// <param name="Killed">Why it was stopped, or null.</param>
    public sealed record Result(string Name, long Bytes, int? Exit, double Seconds, double PeakMb, string? Killed);

    /// <summary>Writes every hostile input under <paramref name="dir"/> and runs `dotnet <paramref name="qpDll"/> import` on each; returns the Markdown table.</summary>
    public static string Run(string dir, string qpDll)
    {
        Directory.CreateDirectory(dir);
        var cases = new (string Name, Func<string, string[]> Make)[]
        {
            ("xlsx: 4 MB shared string used by 2,000 cells", d => ["import", "--db", Db(d), SharedStringBomb(d)]),
            ("xlsx: one sheet listed 20,000 times", d => ["import", "--db", Db(d), ListedSheets(d)]),
            ("csv: one 15 MB field", d => ["import", "--db", Db(d), CsvField(d, 15)]),
            ("csv: one 60 MB field", d => ["import", "--db", Db(d), CsvField(d, 60)]),
            ("xml: one 100 MB field", d => ["import", "--db", Db(d), XmlField(d, 100)]),
            ("xml: 5 M nested elements", d => ["import", "--db", Db(d), XmlDeep(d, 5_000_000)]),
            ("csv: 15 MB Episodes file (under the cap)", d => ["import", "--db", Db(d), Episodes(d, 15)]),
            ("csv: 30 MB Episodes file", d => ["import", "--db", Db(d), Episodes(d, 30)]),
            ("csv: 60 MB Episodes file", d => ["import", "--db", Db(d), Episodes(d, 60)]),
            ("csv: provider list of 2 M rows", d => ["import", "--db", Db(d), Providers(d, 2_000_000)]),
        };
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"\n## Hostile inputs ({qpDll})\n");
        sb.AppendLine("| input | size MB | exit | seconds | peak MB | |");
        sb.AppendLine("|---|---:|---:|---:|---:|---|");
        int i = 0;
        foreach (var (name, make) in cases)
        {
            var caseDir = Path.Combine(dir, $"case{++i}");
            if (Directory.Exists(caseDir)) Directory.Delete(caseDir, recursive: true);
            Directory.CreateDirectory(caseDir);
            var args = make(caseDir);
            long bytes = Directory.EnumerateFiles(caseDir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            var r = Measure(name, bytes, qpDll, args);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Bytes / 1048576.0:F1} | {(r.Exit is { } e ? e.ToString(CultureInfo.InvariantCulture) : "killed")} | {r.Seconds:F2} | {(r.Killed is null ? "" : "> ")}{r.PeakMb:F0} | {r.Killed} |");
            Directory.Delete(caseDir, recursive: true);
        }
        return sb.ToString();
    }

    private static string Db(string dir) => Path.Combine(dir, "qp.db");

    // Runs `dotnet dll args`, polling VmHWM every 50 ms; kills it past KillMb or TimeoutSeconds.
    private static Result Measure(string name, long bytes, string dll, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        // Drained without keeping: a build that echoes a 60 MB value must not fill this process instead.
        var drain = Task.WhenAll(p.StandardOutput.BaseStream.CopyToAsync(Stream.Null), p.StandardError.BaseStream.CopyToAsync(Stream.Null));
        double peak = 0;
        string? killed = null;
        while (!p.WaitForExit(50))
        {
            peak = Math.Max(peak, PeakMb(p.Id));
            if (peak > KillMb) killed = $"killed past {KillMb} MB";
            else if (sw.Elapsed.TotalSeconds > TimeoutSeconds) killed = $"killed after {TimeoutSeconds} s";
            if (killed is null) continue;
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            break;
        }
        var seconds = sw.Elapsed.TotalSeconds;
        drain.Wait();
        return new Result(name, bytes, killed is null ? p.ExitCode : null, seconds, peak, killed);
    }

    private static double PeakMb(int pid) => (StageRunner.PeakKb($"/proc/{pid}/status") ?? 0) / 1024.0;

    // A CSV return folder with a valid Header and the Episodes text written by episodes.
    private static string CsvReturn(string dir, Action<StreamWriter> episodes)
    {
        var ret = Directory.CreateDirectory(Path.Combine(dir, "805_2001")).FullName;
        File.WriteAllText(Path.Combine(ret, "Header.csv"), HeaderHeader + "1001,1,01/05/1990,WBRI,A12345678901A,0,\n");
        using var w = new StreamWriter(Path.Combine(ret, "Episodes.csv"), false, new UTF8Encoding(false), 1 << 16);
        w.Write(EpisodesHeader);
        episodes(w);
        return ret;
    }

    private static string CsvField(string dir, int mb) => CsvReturn(dir, w =>
    {
        w.Write("1001,10/01/1999,S,C2,N1,U4,PR1,,,,TS24 8,");
        Repeat(w, 'A', mb * 1048576L);
        w.Write(",\n");
    });

    private static string Episodes(string dir, int mb) => CsvReturn(dir, w =>
    {
        long written = 0;
        for (int i = 0; written < mb * 1048576L; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"C{i:D7},10/01/1999,S,C2,N1,U4,PR1,01/06/2000,X1,,TS24 8,TS25 1,\n");
            w.Write(line);
            written += line.Length;
        }
    });

    private static string XmlField(string dir, int mb)
    {
        var path = Path.Combine(dir, "805_2001.xml");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("<EXPSSDA903><CHILD><HEADER><CHILDID>1001</CHILDID><SEX>1</SEX><DOB>01/05/1990</DOB><ETHNIC>");
        Repeat(w, 'W', mb * 1048576L);
        w.Write("</ETHNIC></HEADER><EPISODE><DECOM>10/01/1999</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL></EPISODE></CHILD></EXPSSDA903>");
        return path;
    }

    private static string XmlDeep(string dir, int depth)
    {
        var path = Path.Combine(dir, "805_2001.xml");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("<EXPSSDA903><CHILD><HEADER><CHILDID>1001</CHILDID></HEADER>");
        for (int i = 0; i < depth; i++) w.Write("<X>");
        for (int i = 0; i < depth; i++) w.Write("</X>");
        w.Write("</CHILD></EXPSSDA903>");
        return path;
    }

    private static string Providers(string dir, int rows)
    {
        var path = Path.Combine(dir, "providers.csv");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("URN,Provider Placement Code,Setting Postcode\n");
        for (int i = 0; i < rows; i++) w.Write(string.Create(CultureInfo.InvariantCulture, $"SC{i:D7},K2,TS24 8AA\n"));
        return path;
    }

    private static void Repeat(StreamWriter w, char c, long count)
    {
        var block = new string(c, 65536);
        for (long n = count; n > 0; n -= block.Length) w.Write(n >= block.Length ? block : block[..(int)n]);
    }

    // A workbook (written part by part) whose shared string of 4 MB fills 2,000 cells of the Episodes sheet.
    private static string SharedStringBomb(string dir)
    {
        var cells = Enumerable.Range(2, 2000).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>0</v></c></row>");
        return Workbook(dir, ["Header", "Episodes"], (sheet, w) =>
        {
            w.Write(sheet == 0 ? Row(1, HeaderHeader) + Row(2, "1001,1,01/05/1990,WBRI,,0,") : Row(1, EpisodesHeader));
            if (sheet == 1) foreach (var c in cells) w.Write(c);
        }, sharedString: new string('S', 4 * 1048576), repeatSheets: 1);
    }

    private static string ListedSheets(string dir) =>
        Workbook(dir, ["Header", "Episodes"], (sheet, w) =>
            w.Write(sheet == 0 ? Row(1, HeaderHeader) + Row(2, "1001,1,01/05/1990,WBRI,,0,") : Row(1, EpisodesHeader) + Row(2, "1001,10/01/1999,S,C2,N1,U4,PR1,,,,,,")),
            sharedString: null, repeatSheets: 20_000);

    private static string Row(int r, string csv) =>
        $"<row r=\"{r}\">" + string.Concat(csv.TrimEnd('\n').Split(',').Select((v, c) => v.Length == 0 ? "" :
            $"<c r=\"{(char)('A' + c)}{r}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(v)}</t></is></c>")) + "</row>";

    private static string Workbook(string dir, string[] sheets, Action<int, StreamWriter> rows, string? sharedString, int repeatSheets)
    {
        var path = Path.Combine(dir, "805_2001.xlsx");
        using var fs = File.Create(path);
        using var zip = new ZipArchive(fs, ZipArchiveMode.Create);
        void Entry(string name, Action<StreamWriter> write)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            write(w);
        }
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Entry("[Content_Types].xml", w => w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
        Entry("_rels/.rels", w => w.Write($"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Entry("xl/workbook.xml", w =>
        {
            w.Write($"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"{rel}\"><sheets>");
            for (int i = 0; i < sheets.Length; i++) w.Write($"<sheet name=\"{sheets[i]}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
            for (int k = 1; k < repeatSheets; k++) w.Write($"<sheet name=\"S{k}\" sheetId=\"{k + 10}\" r:id=\"rId{sheets.Length}\"/>");
            w.Write("</sheets></workbook>");
        });
        Entry("xl/_rels/workbook.xml.rels", w =>
        {
            w.Write("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 0; i < sheets.Length; i++) w.Write($"<Relationship Id=\"rId{i + 1}\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
            if (sharedString is not null) w.Write($"<Relationship Id=\"rIdS\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>");
            w.Write("</Relationships>");
        });
        if (sharedString is not null)
            Entry("xl/sharedStrings.xml", w => w.Write($"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>{sharedString}</t></si></sst>"));
        for (int i = 0; i < sheets.Length; i++)
        {
            int sheet = i;
            Entry($"xl/worksheets/sheet{i + 1}.xml", w =>
            {
                w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                rows(sheet, w);
                w.Write("</sheetData></worksheet>");
            });
        }
        return path;
    }
}
