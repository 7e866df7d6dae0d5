using System.Text.Json;
using Microsoft.Data.Sqlite;
using Qp.Cli.Tests.Reliability;
using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests.Corpus;

/// <summary>Issue 14 parts 3–5 and issue 17's messages: validated bytes are stored bytes, outputs that cannot hurt, read-only use of the store.</summary>
public class StoreAndOutputSafetyTests
{
    private static string ComputedStore(TempDir t, string folder = "store")
    {
        var db = Path.Combine(Directory.CreateDirectory(t.File(folder)).FullName, "qp.db");
        QpRunner.Run("import", "--db", db, Write(Directory.CreateDirectory(t.File("returns")).FullName, "805_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("import", "--db", db, Write(t.File("returns"), "806_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        SqliteConnection.ClearAllPools();
        return db;
    }

    [Fact]
    public void An_export_killed_between_its_renames_never_leaves_a_manifest_beside_a_file_it_does_not_describe()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        var csv = t.File("export.csv");
        QpRunner.Run("export", "--db", db, "--year", "2001", "--out", csv).ExitCode.Should().Be(0);
        Qp.Export.AtomicFile.BetweenRenames = () => throw new IOException("killed here");
        QpRun run;
        try
        {
            // A different file this time (one authority): the old manifest would not describe it.
            run = QpRunner.Run("export", "--db", db, "--year", "2001", "--la", "805", "--out", csv);
        }
        finally
        {
            Qp.Export.AtomicFile.BetweenRenames = null;
        }
        run.ExitCode.Should().Be(3);
        run.Error.Should().Contain($"--out {csv}: cannot be written");
        var manifest = csv + ".manifest.json";
        if (File.Exists(manifest))
        {
            var sha = JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetRawText();
            sha.Should().Contain(Qp.Export.AtomicFile.Sha256Of(csv), "a manifest on disk always describes the file beside it");
        }
        Directory.GetFiles(t.Path, "*.tmp").Should().BeEmpty("the staged files are removed");
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_refused_naming_the_file_and_is_not_switched_to_wal()
    {
        using var t = new TempDir();
        var db = t.File("newer.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL); INSERT INTO schema_version VALUES (999, 'x');";
            cmd.ExecuteNonQuery();
        }
        var before = StoreFiles.Hash(db);
        foreach (var args in new[] { new[] { "compute", "--db", db }, ["import", "--db", db, Write(t.Path)], ["export", "--db", db, "--year", "2001", "--out", t.File("x.csv")] })
        {
            var run = QpRunner.Run(args);
            run.ExitCode.Should().Be(3, run.Error);
            run.Error.Should().StartWith($"qp: {db}: the store has schema version 999, newer than this qp");
        }
        // Byte 18 of a SQLite header is 1 for a rollback journal, 2 for WAL.
        File.ReadAllBytes(db)[18].Should().Be(1, "the store is refused before its journal mode is touched");
        StoreFiles.Hash(db).Should().Be(before);
    }

    [MountFact]
    public void Reports_export_validate_and_targets_work_on_a_store_in_a_read_only_folder_and_compute_says_it_needs_write_access()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        using var m = new TmpfsMount("8m");
        var ro = Path.Combine(m.Path, "qp.db");
        File.Copy(db, ro);
        m.ReadOnly();
        var outDir = Directory.CreateDirectory(t.File("out")).FullName;

        QpRunner.Run("export", "--db", ro, "--year", "2000-01", "--out", Path.Combine(outDir, "e.csv")).ExitCode.Should().Be(0);
        QpRunner.Run("report", "excel", "--db", ro, "--year", "2001", "--out", Path.Combine(outDir, "w.xlsx")).ExitCode.Should().Be(0);
        QpRunner.Run("report", "pdf", "--db", ro, "--year", "2001", "--la", "805", "--out", Path.Combine(outDir, "p.pdf")).ExitCode.Should().Be(0);
        QpRunner.Run("validate", "--db", ro, Write(t.Path, "805_2001")).ExitCode.Should().Be(0);
        var derive = QpRunner.Run("targets", "derive", "--db", ro, "--indicator", "A1", "--from", "2001", "--to", "2001");
        derive.ExitCode.Should().Be(0, derive.Error);

        var compute = QpRunner.Run("compute", "--db", ro);
        compute.ExitCode.Should().Be(3);
        compute.Error.Should().StartWith($"qp: {ro}: ");
        Directory.GetFiles(m.Path).Should().Equal([ro]);
    }

    [MountFact]
    public void A_pack_that_cannot_be_written_on_a_full_disk_is_reported_with_exit_3_and_leaves_no_temporary_file()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        using var m = new TmpfsMount("24k");
        var outPath = Path.Combine(m.Path, "national.pdf");

        var run = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--national", "--out", outPath);

        run.ExitCode.Should().Be(3, run.Error);
        run.Error.Should().StartWith($"qp: --out {outPath}: cannot be written:").And.NotContain(".tmp-");
        Directory.GetFileSystemEntries(m.Path).Should().BeEmpty("no half-written pack or temporary file is left");

        var all = QpRunner.Run("report", "pdf", "--db", db, "--year", "2001", "--all", "--out", Path.Combine(m.Path, "packs"));
        all.ExitCode.Should().Be(3, all.Error);
        all.Error.Should().StartWith($"qp: --out {Path.Combine(m.Path, "packs")}: cannot be written:");
        Directory.GetFileSystemEntries(m.Path).Should().BeEmpty();

        var excel = QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", Path.Combine(m.Path, "w.xlsx"));
        excel.ExitCode.Should().Be(3, excel.Error);
        excel.Error.Should().StartWith($"qp: --out {Path.Combine(m.Path, "w.xlsx")}: cannot be written:").And.NotContain(".tmp");
    }

    [Fact]
    public void Years_are_accepted_as_2001_or_2000_01_everywhere()
    {
        using var t = new TempDir();
        var db = ComputedStore(t);
        QpRunner.Run("export", "--db", db, "--year", "2000-01", "--out", t.File("a.csv")).ExitCode.Should().Be(0);
        File.ReadAllText(t.File("a.csv")).Should().Contain("805,Hartlepool,2001,A1,");
        QpRunner.Run("report", "excel", "--db", db, "--year", "2000-01", "--out", t.File("a.xlsx")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db, "--year", "2000-01").ExitCode.Should().Be(0);
        QpRunner.Run("validate", Write(t.Path, "plain"), "--la", "805", "--year", "2000-01").ExitCode.Should().Be(0);
        QpRunner.Run("targets", "derive", "--db", db, "--indicator", "A1", "--from", "2000-01", "--to", "2001").ExitCode.Should().Be(0);
    }

    [Fact]
    public void Import_ends_with_one_totals_line()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var dir = t.File("returns");
        Write(dir, "805_2001");
        Write(dir, "806_2001");
        Write(dir, "202_2001", ("Episodes.csv", Episodes.Replace(",K2,", ",K9,")));
        var run = QpRunner.Run("import", "--db", db, dir);
        run.ExitCode.Should().Be(1);
        run.Out.TrimEnd().Split('\n')[^1].Should().Be("import: 2 accepted, 1 rejected, 0 unchanged; 0 warning(s)");
        QpRunner.Run("import", "--db", db, Path.Combine(dir, "805_2001")).Out.TrimEnd().Split('\n')[^1]
            .Should().Be("import: 0 accepted, 0 rejected, 1 unchanged; 0 warning(s)");
    }
}
