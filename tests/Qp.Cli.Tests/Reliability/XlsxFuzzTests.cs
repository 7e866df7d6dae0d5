using Qp.Tests.Shared;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Qp.Cli.Tests.Corpus;
using Xunit.Abstractions;

namespace Qp.Cli.Tests.Reliability;

/// <summary>
/// The fuzz test for workbooks: a valid generated return saved as .xlsx is mutated in its cells (formulas without values, error
/// values, odd date serials, broken numbers and string indexes, rows moved or duplicated) and in its zip (bytes flipped, truncated,
/// parts removed or cut, a DTD added). Every mutant must end with exit 0, 1 or 2, never a crash, and a rejected one must leave the
/// store unchanged. QP_FUZZ_XLSX_CASES sets the number of cases (60 by default, 400 with QP_LONG_TESTS=1).
/// </summary>
public class XlsxFuzzTests(ITestOutputHelper output)
{
    private static readonly Regex Cell = new("<c r=\"([A-Z]+[0-9]+)\" t=\"inlineStr\"><is><t>[^<]*</t></is></c>", RegexOptions.Compiled);

    private delegate void SheetMutation(List<(string Name, List<string> Rows)> sheets, Random r);

    private delegate byte[] ZipMutation(byte[] zip, Random r);

    private static readonly string[] Serials = ["-1", "0", "0.5", "1", "60", "2958465", "2958466", "1E+308", "-1E+308", "NaN", "Infinity", "12.5E3"];

    private static readonly (string Name, SheetMutation Apply)[] SheetMutations =
    [
        ("formula without value", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\"><f>SUM(A1:A2)/0</f></c>")),
        ("error value", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>")),
        ("date serial", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\" s=\"{MiniXlsx.DateStyle}\"><v>{Serials[r.Next(Serials.Length)]}</v></c>")),
        ("cached formula value", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>XY</v></c>")),
        ("number garbage", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\"><v>{(r.Next(2) == 0 ? "abc" : "1e99999")}</v></c>")),
        ("shared string out of range", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\" t=\"s\"><v>{r.Next(0, 100000)}</v></c>")),
        ("boolean", (s, r) => ReplaceCell(s, r, at => $"<c r=\"{at}\" t=\"b\"><v>{r.Next(2)}</v></c>")),
        ("row number jump", (s, r) => EditRows(s, r, (rows, rr) => { int i = rr.Next(rows.Count); rows[i] = Regex.Replace(rows[i], "r=\"([A-Z]*)[0-9]+\"", m => $"r=\"{m.Groups[1].Value}{rr.Next(1, 300000)}\""); })),
        ("references dropped", (s, r) => EditRows(s, r, (rows, rr) => { int i = rr.Next(rows.Count); rows[i] = Regex.Replace(rows[i], " r=\"[A-Z]*[0-9]+\"", ""); })),
        ("duplicate row", (s, r) => EditRows(s, r, (rows, rr) => { int i = rr.Next(rows.Count); rows.Insert(i, rows[i]); })),
        ("remove row", (s, r) => EditRows(s, r, (rows, rr) => { if (rows.Count > 1) rows.RemoveAt(rr.Next(rows.Count)); })),
        ("formatted empty rows", (s, r) => EditRows(s, r, (rows, rr) => rows.AddRange(Enumerable.Range(0, rr.Next(1, 2000)).Select(k => $"<row r=\"{1000 + k}\" s=\"1\" customFormat=\"1\"/>")))),
        ("odd text", (s, r) => ReplaceCell(s, r, at => MiniXlsx.Text(at, r.Next(3) switch { 0 => "=1+1", 1 => new string('9', 5000), _ => "\u00e9\u2028" }))),
    ];

    private static readonly (string Name, ZipMutation Apply)[] ZipMutations =
    [
        ("byte flip", (z, r) => { var c = (byte[])z.Clone(); for (int i = 0, n = r.Next(1, 6); i < n; i++) c[r.Next(c.Length)] = (byte)r.Next(256); return c; }),
        ("truncate", (z, r) => z[..r.Next(z.Length)]),
        ("remove part", (z, r) => RewriteZip(z, r, (name, text, rr) => rr.Next(4) == 0 ? null : text)),
        ("cut part", (z, r) => RewriteZip(z, r, (name, text, rr) => rr.Next(4) == 0 ? text[..rr.Next(text.Length)] : text)),
        ("dtd in a part", (z, r) => RewriteZip(z, r, (name, text, rr) => rr.Next(3) == 0
            ? text.Replace("?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal) : text)),
    ];

    private static void ReplaceCell(List<(string Name, List<string> Rows)> sheets, Random r, Func<string, string> cell) =>
        EditRows(sheets, r, (rows, rr) =>
        {
            int i = rr.Next(rows.Count);
            var matches = Cell.Matches(rows[i]);
            if (matches.Count == 0) return;
            var m = matches[rr.Next(matches.Count)];
            rows[i] = rows[i][..m.Index] + cell(m.Groups[1].Value) + rows[i][(m.Index + m.Length)..];
        });

    private static void EditRows(List<(string Name, List<string> Rows)> sheets, Random r, Action<List<string>, Random> edit) =>
        edit(sheets[r.Next(sheets.Count)].Rows, r);

    private static byte[] RewriteZip(byte[] zip, Random r, Func<string, string, Random, string?> part)
    {
        using var input = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var z = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in input.Entries)
            {
                using var reader = new StreamReader(e.Open());
                if (part(e.FullName, reader.ReadToEnd(), r) is not { } text) continue;
                using var w = new StreamWriter(z.CreateEntry(e.FullName).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
        return output.ToArray();
    }

    [Fact]
    public void Mutated_workbooks_never_crash_and_rejections_leave_the_store_unchanged()
    {
        int cases = LongRun.Size("QP_FUZZ_XLSX_CASES", quick: 60, full: 400);
        using var tmp = new TempDir();
        var db = tmp.File("fuzz.db");
        QpRunner.Run("sample", "--out", tmp.File("gen"), "--years", "2001-2001", "--la", "805", "--seed", "7").ExitCode.Should().Be(0);
        var source = tmp.File(Path.Combine("gen", "805_2001"));
        var tables = Directory.GetFiles(source, "*.csv").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Rows: MiniXlsx.RowsFromCsv(File.ReadAllText(f)))).ToList();
        var book = tmp.File("805_2001.xlsx");
        MiniXlsx.Write(book, tables.Select(t => (t.Name, (IEnumerable<string>)t.Rows)).ToArray());
        var valid = QpRunner.Run("import", "--db", db, book);
        valid.ExitCode.Should().Be(0, "the unmutated workbook is valid: " + valid.Error);

        var rng = new Random(20261130);
        var outcomes = new Dictionary<int, int>();
        var applied = new Dictionary<string, int>();
        var hash = StoreFiles.Hash(db);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < cases; i++)
        {
            var sheets = tables.Select(t => (t.Name, Rows: t.Rows.ToList())).ToList();
            var names = new List<string>();
            for (int k = 0, m = rng.Next(1, 3); k < m; k++)
            {
                var (name, apply) = SheetMutations[rng.Next(SheetMutations.Length)];
                apply(sheets, rng);
                names.Add(name);
            }
            MiniXlsx.Write(book, sheets.Select(s => (s.Name, (IEnumerable<string>)s.Rows)).ToArray());
            if (rng.Next(3) == 0)
            {
                var (name, apply) = ZipMutations[rng.Next(ZipMutations.Length)];
                File.WriteAllBytes(book, apply(File.ReadAllBytes(book), rng));
                names.Add(name);
            }
            foreach (var name in names) applied[name] = applied.GetValueOrDefault(name) + 1;

            hash = FuzzImport.Check(db, book, i, names, outcomes, hash);
        }
        StoreFiles.IntegrityCheck(db).Should().Be("ok");
        output.WriteLine($"{cases} workbook fuzz cases in {sw.Elapsed.TotalSeconds:F1} s; exit codes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}");
        output.WriteLine("mutations applied: " + string.Join(", ", applied.Select(m => $"{m.Key} {m.Value}")));
    }
}
