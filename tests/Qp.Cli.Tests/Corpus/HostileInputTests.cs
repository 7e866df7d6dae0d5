using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Qp.Cli.Tests.Reliability;
using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests.Corpus;

/// <summary>
/// Issue 24: the sixteen failures a hostile user found, one test each (numbered as in the issue). Every input is small and built
/// here: the caps are tripped with a few tens of kilobytes, and a file past the size cap is a sparse file that is never read.
/// </summary>
public class HostileInputTests
{
    private static string ComputedStore(TempDir t)
    {
        var db = Path.Combine(Directory.CreateDirectory(t.File("store")).FullName, "qp.db");
        QpRunner.Run("import", "--db", db, Write(Directory.CreateDirectory(t.File("returns")).FullName, "805_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("import", "--db", db, Write(t.File("returns"), "806_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        SqliteConnection.ClearAllPools();
        return db;
    }

    private static string HeaderOnly(string csv) => csv[..(csv.IndexOf('\n') + 1)];

    private static void Fifo(string path) => Process.Start("mkfifo", [path])!.WaitForExit();

    // qp in its own process, killed if it has not finished within the timeout (a FIFO would hang an in-process run for good).
    private static (bool Finished, QpRun Run) RunWithin(TimeSpan timeout, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return (false, new QpRun(-1, "", ""));
        }
        return (true, new QpRun(p.ExitCode, output.Result, error.Result));
    }

    // Rewrites one part of a workbook written by MiniXlsx.
    private static void Patch(string xlsx, string entry, Func<string, string> edit)
    {
        using var zip = ZipFile.Open(xlsx, ZipArchiveMode.Update);
        var old = zip.GetEntry(entry);
        string text = "";
        if (old is not null)
        {
            using (var r = new StreamReader(old.Open())) text = r.ReadToEnd();
            old.Delete();
        }
        using var w = new StreamWriter(zip.CreateEntry(entry, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        w.Write(edit(text));
    }

    private static string Book(string dir)
    {
        var path = Path.Combine(dir, "805_2001.xlsx");
        MiniXlsx.Write(path, ("Header", MiniXlsx.RowsFromCsv(Header)), ("Episodes", MiniXlsx.RowsFromCsv(Episodes)));
        return path;
    }

    [Fact]
    public void F01_a_return_with_header_rows_and_no_data_is_refused_and_the_stored_return_kept()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, Write(t.Path, "805_2001")).ExitCode.Should().Be(0);
        var before = StoreFiles.Hash(db);
        var empty = Write(Directory.CreateDirectory(t.File("again")).FullName, "805_2001",
            ("Header.csv", HeaderOnly(Header)), ("Episodes.csv", HeaderOnly(Episodes)), ("OC1.csv", HeaderOnly(Oc1)), ("OC2.csv", HeaderOnly(Oc2)), ("CPR.csv", HeaderOnly(Cpr)));

        var run = QpRunner.Run("import", "--db", db, empty);

        run.ExitCode.Should().Be(1, run.Out + run.Error);
        run.Error.Should().Contain("805_2001:0:0: error E025: the return has no data rows in any table and would replace the stored return of authority 805, year 2001 with nothing");
        StoreFiles.Hash(db).Should().Be(before);
        StoreFiles.Scalar<long>(db, "SELECT count(*) FROM episodes").Should().Be(3);
        // Said explicitly, it does.
        QpRunner.Run("import", "--db", db, "--allow-empty", empty).ExitCode.Should().Be(0);
        StoreFiles.Scalar<long>(db, "SELECT count(*) FROM episodes").Should().Be(0);
    }

    [Fact]
    public void F02_report_pdf_all_never_deletes_or_replaces_files_it_did_not_write()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        var packs = Directory.CreateDirectory(t.File("packs")).FullName;
        File.WriteAllText(Path.Combine(packs, "minutes.pdf"), "the user's own PDF");
        File.Copy(db, Path.Combine(packs, "backup.pdf"));
        var backup = StoreFiles.Hash(Path.Combine(packs, "backup.pdf"));

        QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--all", "--out", packs).ExitCode.Should().Be(0);
        // A second run replaces its own packs.
        var again = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--all", "--out", packs);

        again.ExitCode.Should().Be(0, again.Error);
        Directory.GetFiles(packs).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["minutes.pdf", "backup.pdf", "805_Hartlepool.pdf", "806_Middlesbrough.pdf", ".qp-packs.json"]);
        File.ReadAllText(Path.Combine(packs, "minutes.pdf")).Should().Be("the user's own PDF");
        StoreFiles.Hash(Path.Combine(packs, "backup.pdf")).Should().Be(backup);

        // A user's file under a pack's name is refused, not replaced.
        var mine = Directory.CreateDirectory(t.File("mine")).FullName;
        File.WriteAllText(Path.Combine(mine, "805_Hartlepool.pdf"), "my notes on Hartlepool");
        var refused = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--all", "--out", mine);
        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("805_Hartlepool.pdf is already there and was not written by qp report pdf");
        File.ReadAllText(Path.Combine(mine, "805_Hartlepool.pdf")).Should().Be("my notes on Hartlepool");
        Directory.GetFileSystemEntries(mine).Should().HaveCount(1, "nothing is left behind by the refused run");
    }

    [Fact]
    public void F03_a_broken_list_among_provider_lists_rejects_the_set_and_the_stored_lists_are_kept()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var a = t.File("homes.csv");
        var c = t.File("providers.csv");
        var broken = t.File("broken.csv");
        File.WriteAllText(a, "URN,Provider Placement Code\nSC000001,K2\nSC000002,K2\n");
        File.WriteAllText(c, "URN,Provider Placement Code\nSC000003,K2\nSC000004,K2\n");
        File.WriteAllText(broken, "URN,Provider Name\nSC000005,Home\n");
        QpRunner.Run("import", "--db", db, a, c).ExitCode.Should().Be(0);
        StoreFiles.Scalar<long>(db, "SELECT count(*) FROM reference_providers").Should().Be(4);
        var before = StoreFiles.Hash(db);

        var run = QpRunner.Run("import", "--db", db, a, broken);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("broken.csv:1:0: error OF02");
        StoreFiles.Hash(db).Should().Be(before);
        StoreFiles.Scalar<long>(db, "SELECT count(*) FROM reference_providers").Should().Be(4);
    }

    [Fact]
    public void F04_a_file_swapped_during_an_import_changes_nothing_the_validated_bytes_are_the_stored_bytes()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var ret = Write(t.Path, "805_2001");
        // The second child's DECOM becomes 31/02/2001 on disk after validation; the bytes read before are still the ones stored.
        Qp.Import.ChildLevel.ChildLevelImporter.BetweenPasses = s =>
        {
            if (s.Path == ret) File.WriteAllText(Path.Combine(ret, "Episodes.csv"), Episodes.Replace("01/02/1999", "31/02/2001"));
        };
        QpRun run;
        try
        {
            run = QpRunner.Run("import", "--db", db, ret);
        }
        finally
        {
            Qp.Import.ChildLevel.ChildLevelImporter.BetweenPasses = null;
        }

        run.ExitCode.Should().Be(0, run.Error);
        StoreFiles.Scalar<string>(db, "SELECT decom FROM episodes WHERE child = '1002'").Should().Be("1999-02-01");
        var clean = Qp.Import.ChildLevel.ChildLevelImporter.ContentHash(
            new[] { ("CPR.csv", Cpr), ("Episodes.csv", Episodes), ("Header.csv", Header), ("OC1.csv", Oc1), ("OC2.csv", Oc2) }
                .Select(f => new Qp.Store.ImportFile(f.Item1, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(f.Item2))), null, 0)));
        StoreFiles.Scalar<string>(db, "SELECT content_hash FROM imports WHERE kind = 'child-level'").Should().Be(clean);
    }

    [Fact]
    public void F05_an_sqlite_database_that_is_not_a_qp_store_is_refused_and_left_untouched()
    {
        using var t = new TempDir();
        var db = t.File("customers.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');";
            cmd.ExecuteNonQuery();
        }
        var before = StoreFiles.Hash(db);

        var run = QpRunner.Run("import", "--db", db, Write(t.Path, "805_2001"));

        run.ExitCode.Should().Be(3);
        run.Error.Should().StartWith($"qp: {db}: not a qp store");
        StoreFiles.Hash(db).Should().Be(before);
        File.Exists(db + "-wal").Should().BeFalse();
        StoreFiles.Scalar<long>(db, "SELECT count(*) FROM sqlite_master").Should().Be(1);
    }

    [Theory]
    [InlineData("805_2001_v2")]
    [InlineData("805_2001 (copy)")]
    [InlineData("0805_2001")]
    public void F06_la_never_refiles_a_return_whose_name_nearly_says_another_authority(string name)
    {
        using var t = new TempDir();
        var db = t.File("qp.db");

        var run = QpRunner.Run("import", "--db", db, "--la", "806", "--year", "2001", Write(t.Path, name));

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"--la 806 contradicts the return {name}, whose name says authority 805, year 2001");
        File.Exists(db).Should().BeFalse("a failed command creates nothing");
    }

    [Fact]
    public void F07_read_only_commands_leave_no_wal_or_shm_files_beside_the_store()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        File.Exists(db + "-wal").Should().BeFalse("a store at rest needs no journal files");

        QpRunner.Run("validate", "--db", db, Write(t.Path, "805_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("export", "--db", db, "--year", "2001", "--out", t.File("e.csv")).ExitCode.Should().Be(0);
        QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", t.File("w.xlsx")).ExitCode.Should().Be(0);

        Directory.GetFiles(Path.GetDirectoryName(db)!).Select(Path.GetFileName).Should().Equal("qp.db");
    }

    [Fact]
    public void F08_export_never_replaces_a_read_only_file()
    {
        if (OperatingSystem.IsWindows()) return;
        using var t = new TempDir();
        var db = ComputedStore(t);
        var kept = t.File("kept.csv");
        File.WriteAllText(kept, "the user's file");
        File.SetUnixFileMode(kept, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = QpRunner.Run("export", "--db", db, "--year", "2001", "--out", kept);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("it is read-only");
        File.ReadAllText(kept).Should().Be("the user's file");
    }

    [Fact]
    public void F09_a_long_shared_string_or_a_sheet_listed_thousands_of_times_is_refused_at_once()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var huge = Book(Directory.CreateDirectory(t.File("a")).FullName);
        Patch(huge, "xl/sharedStrings.xml", _ => $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>{new string('x', 40_000)}</t></si></sst>");
        Patch(huge, "xl/_rels/workbook.xml.rels", x => x.Replace("</Relationships>",
            "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
        var many = Book(Directory.CreateDirectory(t.File("b")).FullName);
        Patch(many, "xl/workbook.xml", x => x.Replace("</sheets>", string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<sheet name=\"S{i}\" sheetId=\"{i + 10}\" r:id=\"rId2\"/>")) + "</sheets>"));

        var clock = Stopwatch.StartNew();
        var a = QpRunner.Run("import", "--db", db, huge);
        var b = QpRunner.Run("import", "--db", db, many);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        a.ExitCode.Should().Be(1);
        a.Error.Should().Contain("805_2001.xlsx:0:0: error E021: shared string 1 has 40,000 characters, more than the limit of 32,767");
        (a.Out + a.Error).Length.Should().BeLessThan(5_000);
        b.ExitCode.Should().Be(1);
        b.Error.Should().Contain("805_2001.xlsx:0:0: error E009: the workbook cannot be read: the sheet part xl/worksheets/sheet2.xml is listed twice");
    }

    [Fact]
    public void F10_fields_files_and_nesting_past_the_caps_are_refused_with_a_located_error_and_a_short_message()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var longField = Write(Directory.CreateDirectory(t.File("a")).FullName, "805_2001", ("Episodes.csv", Episodes.Replace("1002,01/02/1999,S", new string('9', 40_000) + ",01/02/1999,S")));
        var xmlField = Path.Combine(Directory.CreateDirectory(t.File("b")).FullName, "805_2001.xml");
        File.WriteAllText(xmlField, Xml.Replace("<ETHNIC>WBRI</ETHNIC>", $"<ETHNIC>{new string('W', 40_000)}</ETHNIC>"));
        var deep = Path.Combine(Directory.CreateDirectory(t.File("c")).FullName, "805_2001.xml");
        File.WriteAllText(deep, Xml.Replace("<MOTHER>0</MOTHER>", string.Concat(Enumerable.Repeat("<X>", 200)) + string.Concat(Enumerable.Repeat("</X>", 200))));
        var big = Write(Directory.CreateDirectory(t.File("d")).FullName, "805_2001");
        using (var fs = File.Open(Path.Combine(big, "Episodes.csv"), FileMode.Truncate)) fs.SetLength(33L * 1024 * 1024);

        var runs = new[] { longField, xmlField, deep, big }.Select(p => QpRunner.Run("import", "--db", db, p)).ToArray();

        runs.Should().AllSatisfy(r => r.ExitCode.Should().Be(1));
        runs.Should().AllSatisfy(r => (r.Out + r.Error).Length.Should().BeLessThan(5_000, "no echoed value floods the output"));
        runs[0].Error.Should().Contain("Episodes.csv:4:1: error E021: the value has 40,000 characters, more than the limit of 32,767 for one field");
        runs[1].Error.Should().Contain("805_2001.xml:5:71: error E021: the element's text is longer than the limit of 32,767 characters for one field");
        runs[2].Error.Should().Contain("error E021: elements are nested more than 64 levels deep");
        runs[3].Error.Should().Contain("Episodes.csv:0:0: error E021: the file is 33 MiB, more than the limit of 16 MiB");
    }

    [Fact]
    public void F11_a_fifo_never_hangs_a_command_and_an_unreadable_previous_year_is_never_an_empty_one()
    {
        using var t = new TempDir();
        var fifoCsv = t.File("vars.csv");
        var fifoDb = t.File("qp.db");
        var fifoXml = t.File("804_2000.xml");
        Fifo(fifoCsv);
        Fifo(fifoDb);
        Fifo(fifoXml);
        var broken = t.File("803_2000.xml");
        File.WriteAllText(broken, Xml[..200]);
        var ret = Write(t.Path, "805_2001");
        var minute = TimeSpan.FromSeconds(60);

        var derive = RunWithin(minute, null, "neighbours", "derive", fifoCsv, "--db", t.File("other.db"));
        var excel = RunWithin(minute, null, "report", "excel", "--db", fifoDb, "--year", "2001", "--out", t.File("w.xlsx"));
        var previousFifo = RunWithin(minute, null, "validate", "--previous", fifoXml, ret);
        var previousBroken = RunWithin(minute, null, "validate", "--previous", broken, ret);

        derive.Finished.Should().BeTrue("a FIFO is never opened");
        derive.Run.ExitCode.Should().Be(2);
        derive.Run.Error.Should().Contain("is a named pipe (FIFO)");
        excel.Finished.Should().BeTrue();
        excel.Run.ExitCode.Should().Be(2);
        excel.Run.Error.Should().Contain($"--db {fifoDb}: is a named pipe (FIFO)");
        previousFifo.Finished.Should().BeTrue();
        previousFifo.Run.ExitCode.Should().Be(1);
        previousFifo.Run.Error.Should().Contain("804_2000.xml:0:0: error E020: is a named pipe");
        previousBroken.Run.ExitCode.Should().Be(1);
        previousBroken.Run.Error.Should().Contain("the previous year's return 803_2000.xml cannot be read").And.Contain("error E009");
    }

    [Fact]
    public void F12_invalid_utf8_is_refused_where_it_is()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "805_2001");
        var lines = Episodes.Split('\n');
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines[..2]) + "\n").Concat(new byte[] { (byte)'1', 0xE9 })
            .Concat(Encoding.UTF8.GetBytes(lines[2][1..] + "\n" + string.Join('\n', lines[3..]))).ToArray();
        File.WriteAllBytes(Path.Combine(ret, "Episodes.csv"), bytes);

        var run = QpRunner.Run("validate", ret);

        run.ExitCode.Should().Be(1);
        run.Out.Should().Contain("Episodes.csv:3:2: error E024: the byte 0xE9 is not valid UTF-8");
    }

    [Fact]
    public void F13_an_element_inside_a_header_field_and_a_repeated_field_are_errors()
    {
        using var t = new TempDir();
        var nested = Path.Combine(Directory.CreateDirectory(t.File("a")).FullName, "805_2001.xml");
        File.WriteAllText(nested, Xml.Replace("<SEX>1</SEX>", "<SEX><B>1</B></SEX>"));
        var repeated = Path.Combine(Directory.CreateDirectory(t.File("b")).FullName, "805_2001.xml");
        File.WriteAllText(repeated, Xml.Replace("<SEX>1</SEX>", "<SEX>1</SEX><SEX>2</SEX>"));

        var a = QpRunner.Run("validate", nested);
        var b = QpRunner.Run("validate", repeated);

        a.ExitCode.Should().Be(1);
        a.Out.Should().Contain("805_2001.xml:5:31: error E009: element SEX inside HEADER holds elements; SEX is a field and holds only text");
        b.ExitCode.Should().Be(1);
        b.Out.Should().Contain("805_2001.xml:5:43: error E009: field SEX appears twice in HEADER (first at line 5); give it once");
    }

    [Theory]
    [InlineData("XXXXXXXX")]
    [InlineData("12345")]
    [InlineData("AB")]
    public void F14_a_provider_postcode_must_have_a_postcodes_shape(string postcode)
    {
        using var t = new TempDir();
        var list = t.File("homes.csv");
        File.WriteAllText(list, $"URN,Provider Placement Code,Setting Postcode\nSC000001,K2,TS24 8AA\nSC000002,K2,{postcode}\n");

        var run = QpRunner.Run("import", "--db", t.File("qp.db"), list);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("homes.csv:3:3: error OF03: Setting Postcode is not a postcode");
    }

    [Fact]
    public void F14_a_bad_cell_in_a_provider_workbook_is_a_provider_list_error()
    {
        using var t = new TempDir();
        var list = t.File("homes.xlsx");
        MiniXlsx.Write(list, ("Providers", [
            $"<row r=\"1\">{MiniXlsx.Text("A1", "URN")}{MiniXlsx.Text("B1", "Provider Placement Code")}</row>",
            $"<row r=\"2\">{MiniXlsx.Text("A2", "SC000001")}<c r=\"B2\" t=\"e\"><v>#REF!</v></c></row>"]));

        var run = QpRunner.Run("import", "--db", t.File("qp.db"), list);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("homes.xlsx[Providers]:2:2: error OF01: the cell holds the error value #REF!").And.NotContain("collection year");
    }

    [Fact]
    public void F15_an_empty_db_missing_templates_a_damaged_results_table_and_a_huge_authority_name_are_explained_not_internal_errors()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        var empty = QpRunner.Run("export", "--db", "", "--year", "2001", "--out", t.File("e.csv"));
        empty.ExitCode.Should().Be(2);
        empty.Error.Should().Be("qp: --db is empty: give the store's file, e.g. --db qp.db\n");

        var nowhere = RunWithin(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["QP_TEMPLATES"] = t.File("nowhere") },
            "report", "excel", "--db", db, "--year", "2001", "--out", t.File("w.xlsx"));
        nowhere.Run.ExitCode.Should().Be(2);
        nowhere.Run.Error.Should().StartWith($"qp: QP_TEMPLATES={t.File("nowhere")}: no such folder");

        var named = t.File("named.db");
        File.Copy(db, named);
        using (var c = new SqliteConnection($"Data Source={named};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE authorities SET name = printf('%.*c', 33000, 'x') WHERE la_code = 805";
            cmd.ExecuteNonQuery();
        }
        var longName = QpRunner.Run("report", "excel", "--db", named, "--year", "2001", "--out", t.File("n.xlsx"));
        longName.ExitCode.Should().Be(0, longName.Error);

        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE results SET value = 'abc' WHERE la_code = 805";
            cmd.ExecuteNonQuery();
        }
        var text = QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", t.File("x.xlsx"));
        text.ExitCode.Should().Be(3);
        text.Error.Should().StartWith($"qp: {db}: the results table holds a value of the wrong type");
        text.Error.Should().NotContain("internal error");
    }

    [Fact]
    public void F16_a_newline_in_a_file_name_cannot_forge_a_line_of_output()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "805_2001");
        File.WriteAllText(Path.Combine(ret, "notes\nEpisodes.csv:1:1: error E999: forged.csv"), "A,B\n1,2\n");

        var run = QpRunner.Run("validate", ret);

        run.Out.Split('\n').Should().NotContain(l => l.StartsWith("Episodes.csv:1:1: error E999", StringComparison.Ordinal));
        run.Out.Should().Contain("notes\\nEpisodes.csv:1:1: error E999: forged.csv:1:0: warning W004");
    }
}
