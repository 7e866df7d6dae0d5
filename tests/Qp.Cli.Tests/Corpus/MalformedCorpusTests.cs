using System.Diagnostics;
using System.Text;
using Qp.Cli.Tests.Reliability;
using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests.Corpus;

/// <summary>
/// The malformed-input corpus (issue 14): every input a council officer or an adversary might hand the tool, each with the exit code
/// and the start of the line that must explain it. Inputs that cannot be committed as files (pipes, devices, links, a million rows,
/// a zip bomb) are built here. Every rejected import must leave the store byte-for-byte unchanged.
/// </summary>
public class MalformedCorpusTests
{
    /// <summary>One corpus entry: how to build it (returns qp's arguments, given a folder and a store), the exit code and the line that explains it.</summary>
    public sealed record Case(string Name, Func<string, string, string[]> Build, int Exit, string Prefix, bool NeedsResults = false);

    private static string Xlsx(string dir, Func<List<string>, IEnumerable<string>> edit)
    {
        var path = Path.Combine(dir, "805_2001.xlsx");
        MiniXlsx.Write(path,
            ("Header", MiniXlsx.RowsFromCsv(Header)),
            ("Episodes", edit(MiniXlsx.RowsFromCsv(Episodes))),
            ("CPR", MiniXlsx.RowsFromCsv(Cpr)));
        return path;
    }

    // Episodes row 3 (the second data row) with its DECOM cell (B3) replaced.
    private static Func<List<string>, IEnumerable<string>> Decom(string cell) => rows =>
    {
        rows[2] = System.Text.RegularExpressions.Regex.Replace(rows[2], "<c r=\"B3\".*?</c>", cell);
        return rows;
    };

    private static string Csv(string dir, string file, Action<string> make)
    {
        var ret = Write(dir, "805_2001", (file, null));
        make(Path.Combine(ret, file));
        return ret;
    }

    private static void Fifo(string path) => Process.Start("mkfifo", [path])!.WaitForExit();

    private static readonly Case[] Cases =
    [
        // 1. Authority and year never silently overridden.
        new("--la contradicts the return's name", (d, db) => ["import", "--db", db, Write(d), "--la", "806"], 2, "qp: --la 806 contradicts the return 805_2001, whose name says authority 805"),
        new("--year contradicts the return's name", (d, db) => ["import", "--db", db, Write(d), "--year", "2002"], 2, "qp: --year 2002 contradicts the return 805_2001, whose name says year 2001"),
        new("--la with a folder of several returns", (d, db) => { Write(d, "805_2001"); Write(d, "202_2001"); return ["import", "--db", db, d, "--la", "805"]; },
            2, "qp: --la 805 names the authority and year of one return, but 2 returns were given"),
        new("--year with several returns (validate)", (d, db) => ["validate", Write(d, "805_2001"), Write(d, "202_2001"), "--year", "2001"],
            2, "qp: --year 2001 names the authority and year of one return, but 2 returns were given"),

        // 2. XLSX: cached values only, located refusals, limits.
        new("xlsx formula with no saved value", (d, db) => ["import", "--db", db, Xlsx(d, Decom("<c r=\"B3\"><f>1/0</f></c>"))], 1, "805_2001.xlsx[Episodes]:3:2: error E022:"),
        new("xlsx formula naming nothing", (d, db) => ["import", "--db", db, Xlsx(d, Decom("<c r=\"B3\"><f>NOSUCHNAME+1</f></c>"))], 1, "805_2001.xlsx[Episodes]:3:2: error E022:"),
        new("xlsx error value #DIV/0!", (d, db) => ["import", "--db", db, Xlsx(d, Decom("<c r=\"B3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"))], 1, "805_2001.xlsx[Episodes]:3:2: error E022: the cell holds the error value #DIV/0!"),
        new("xlsx negative date serial", (d, db) => ["import", "--db", db, Xlsx(d, Decom($"<c r=\"B3\" s=\"{MiniXlsx.DateStyle}\"><v>-5</v></c>"))], 1, "805_2001.xlsx[Episodes]:3:2: error E023:"),
        new("xlsx date serial past 9999", (d, db) => ["import", "--db", db, Xlsx(d, Decom($"<c r=\"B3\" s=\"{MiniXlsx.DateStyle}\"><v>99999999</v></c>"))], 1, "805_2001.xlsx[Episodes]:3:2: error E023:"),
        new("xlsx zip bomb (110 MB of XML in a 110 kB file)", (d, db) => ["import", "--db", db, Xlsx(d, rows => rows.Append(new string(' ', 110 * 1024 * 1024)))], 1, "805_2001.xlsx:0:0: error E021:"),
        new("xlsx with a million formatted empty rows", (d, db) => ["import", "--db", db,
                Xlsx(d, rows => rows.Concat(Enumerable.Range(5, 1_000_000).Select(r => $"<row r=\"{r}\" s=\"1\" customFormat=\"1\"/>")))],
            1, "805_2001.xlsx[Episodes]:200001:0: error E021:"),
        new("xlsx that is not a zip", (d, db) => { var p = Path.Combine(d, "805_2001.xlsx"); File.WriteAllText(p, Episodes); return ["import", "--db", db, p]; }, 1, "805_2001.xlsx:0:0: error E009:"),

        // 2. Only regular files are read; messages are capped.
        new("a named pipe in a return folder", (d, db) => ["import", "--db", db, Csv(d, "CPR.csv", Fifo)], 1, "CPR.csv:0:0: error E020: is a named pipe"),
        new("a link to /dev/zero in a return folder", (d, db) => ["import", "--db", db, Csv(d, "CPR.csv", p => File.CreateSymbolicLink(p, "/dev/zero"))], 1, "CPR.csv:0:0: error E020: is a device"),
        new("a dangling link in a return folder", (d, db) => ["import", "--db", db, Csv(d, "CPR.csv", p => File.CreateSymbolicLink(p, Path.Combine(d, "nowhere.csv")))],
            1, "CPR.csv:0:0: error E020: is a symbolic link to a file that does not exist"),
        new("a named pipe given as the return", (d, db) => { var p = Path.Combine(d, "805_2001.xml"); Fifo(p); return ["import", "--db", db, p]; }, 1, "805_2001.xml:0:0: error E020: is a named pipe"),
        new("20 MB of empty CSV rows (messages capped)", (d, db) => ["import", "--db", db, Csv(d, "CPR.csv", p =>
            {
                using var w = new StreamWriter(p);
                w.Write("CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n");
                for (int i = 0; i < 3_500_000; i++) w.Write(",,,,,\n");
            })], 1, "CPR.csv:0:0: error E"),

        // 4. Outputs that cannot hurt.
        new("export --out ''", (d, db) => ["export", "--db", db, "--year", "2001", "--out", ""], 2, "qp: --out is empty", NeedsResults: true),
        new("export over the store through a linked folder", (d, db) => ["export", "--db", db, "--year", "2001", "--out", Path.Combine(Linked(d, db), "qp.db")],
            2, "qp: --out", NeedsResults: true),
        new("pdf --national over the store through a linked folder", (d, db) => ["report", "pdf", "--db", db, "--year", "2001", "--national", "--out", Path.Combine(Linked(d, db), "qp.db")],
            2, "qp: --out", NeedsResults: true),
        new("excel --out at a symbolic link", (d, db) => { var p = Path.Combine(d, "out.xlsx"); File.CreateSymbolicLink(p, Path.Combine(d, "elsewhere.xlsx")); return ["report", "excel", "--db", db, "--year", "2001", "--out", p]; },
            2, "qp: --out", NeedsResults: true),
        new("export --out at a named pipe", (d, db) => { var p = Path.Combine(d, "pipe.csv"); Fifo(p); return ["export", "--db", db, "--year", "2001", "--out", p]; },
            2, "qp: --out", NeedsResults: true),
        new("export --out at a device node", (d, db) => { var p = Path.Combine(d, "null.csv"); Process.Start("mknod", [p, "c", "1", "3"])!.WaitForExit(); return ["export", "--db", db, "--year", "2001", "--out", p]; },
            2, "qp: --out", NeedsResults: true),

        // 17.4 A command that finds nothing to do says what to run first (exit 2); values in the user's words.
        new("compute with no store", (d, db) => ["compute", "--db", Path.Combine(d, "none.db")], 2, "qp: no store at"),
        new("compute on a store with no returns", (d, db) => { var e = Path.Combine(d, "empty.db"); Qp.Store.QpDatabase.Open(e).Dispose(); return ["compute", "--db", e]; },
            2, "qp: nothing to compute"),
        new("export of a year not computed", (d, db) => ["export", "--db", db, "--year", "2002", "--out", Path.Combine(d, "x.csv")], 2, "qp: the store ", NeedsResults: true),
        new("report excel of a year not computed", (d, db) => ["report", "excel", "--db", db, "--year", "2002", "--out", Path.Combine(d, "x.xlsx")], 2, "qp: the store ", NeedsResults: true),
        new("targets derive with no results", (d, db) => ["targets", "derive", "--db", db, "--indicator", "A1", "--from", "1995", "--to", "1997"], 2, "qp: no stored A1 results for 1995–1997", NeedsResults: true),
        new("--la 8O5", (d, db) => ["export", "--db", db, "--year", "2001", "--la", "8O5", "--out", Path.Combine(d, "x.csv")], 2, "qp: --la '8O5' is not an authority code: give the three-digit DfE code, e.g. --la 805"),
        new("--year 20O1", (d, db) => ["report", "excel", "--db", db, "--year", "20O1", "--out", Path.Combine(d, "x.xlsx")], 2, "qp: --year '20O1' is not a collection year: write 2001 or 2000-01"),
        new("--year 2000-02", (d, db) => ["compute", "--db", db, "--year", "2000-02"], 2, "qp: --year '2000-02' is not a collection year"),
        new("--seed abc", (d, db) => ["sample", "--out", Path.Combine(d, "s"), "--seed", "abc"], 2, "qp: --seed 'abc' is not valid: give a whole number"),
        new("run --db (an option run would ignore)", (d, db) => ["run", "--sample", "--out", Path.Combine(d, "r"), "--db", db], 2, "qp: Unrecognized command or argument '--db'"),
    ];

    // A link to the store's folder, so that --out names the store by another path.
    private static string Linked(string dir, string db)
    {
        var link = Path.Combine(dir, "linked");
        if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, Path.GetDirectoryName(db)!);
        return link;
    }

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    /// <summary>Every entry of the corpus, for the closing note's list.</summary>
    public static IReadOnlyList<Case> All => Cases;

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_malformed_input_ends_with_its_exit_code_and_a_located_message_and_the_store_unchanged(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var t = new TempDir();
        var storeDir = Directory.CreateDirectory(t.File("store")).FullName;
        var db = Path.Combine(storeDir, "qp.db");
        QpRunner.Run("import", "--db", db, Write(Directory.CreateDirectory(t.File("seed")).FullName, "806_2001")).ExitCode.Should().Be(0);
        if (c.NeedsResults) QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        var work = Directory.CreateDirectory(t.File("work")).FullName;
        var args = c.Build(work, db);
        var before = StoreFiles.Hash(db);

        var run = QpRunner.Run(args);

        var all = run.Out + run.Error;
        run.ExitCode.Should().Be(c.Exit, all);
        all.Split('\n').Should().Contain(l => l.StartsWith(c.Prefix, StringComparison.Ordinal), all.Length > 3000 ? all[..3000] : all);
        all.Should().NotContain("internal error").And.NotContain("   at ");
        all.Split('\n').Length.Should().BeLessThan(3000, "messages are capped per rule and per file");
        StoreFiles.Hash(db).Should().Be(before, "a refused input or output changes nothing in the store");
        File.Exists(Path.Combine(storeDir, "qp.db")).Should().BeTrue();
    }

    [Fact]
    public void Capped_messages_end_with_a_count_of_the_rest_and_the_totals_count_every_error()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "805_2001", ("CPR.csv", "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n" + string.Concat(Enumerable.Repeat("7007,03/03/1995,31/02/2001,,NEG,0\n", 250))));
        var run = QpRunner.Run("validate", ret);
        run.ExitCode.Should().Be(1);
        var lines = run.Out.Split('\n');
        lines.Count(l => l.Contains("error E5", StringComparison.Ordinal) && !l.Contains("more", StringComparison.Ordinal) && l.Contains("REG_DATE", StringComparison.Ordinal)).Should().Be(100);
        lines.Should().Contain(l => l.StartsWith("CPR.csv:0:0: error", StringComparison.Ordinal) && l.Contains("… and 150 more", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("805_2001: ", StringComparison.Ordinal) && l.Contains("error(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void All_messages_shows_every_message_past_the_caps()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "805_2001", ("CPR.csv", "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n" + string.Concat(Enumerable.Repeat("7007,03/03/1995,31/02/2001,,NEG,0\n", 250))));
        var run = QpRunner.Run("validate", ret, "--all-messages");
        run.ExitCode.Should().Be(1);
        var lines = run.Out.Split('\n');
        lines.Count(l => l.Contains("error E5", StringComparison.Ordinal) && l.Contains("REG_DATE", StringComparison.Ordinal)).Should().Be(250);
        lines.Should().NotContain(l => l.Contains("more", StringComparison.Ordinal) && l.Contains("not shown", StringComparison.Ordinal));
    }
}
