using Qp.Tests.Shared;
using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Qp.Cli.Tests.Reliability;

/// <summary>
/// Mutates a valid generated return thousands of times and imports each mutant: the tool must never crash
/// (exit 3 or an internal error), must explain every rejection, and a rejected return must leave the store
/// byte-for-byte unchanged. QP_FUZZ_CASES sets the number of cases (1,000 by default, 10,000 with QP_LONG_TESTS=1).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private delegate byte[] Mutation(byte[] file, Random rng);

    private static readonly string[] OddValues =
        ["31/02/2001", "00/00/0000", "2001-03-31", "-1", "x", "", " ", "01/13/2001", "29/02/2001", "31/12/9999", "01/01/1800", "ZZ", "=1+1", "\u00e9", "\t", "NULL", "1.5"];

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("byte flip", (f, r) => { var c = (byte[])f.Clone(); for (int i = 0, n = r.Next(1, 4); i < n && c.Length > 0; i++) c[r.Next(c.Length)] = (byte)r.Next(256); return c; }),
        ("truncate", (f, r) => f[..r!.Next(f.Length + 1)]),
        ("duplicate row", (f, r) => EditLines(f, r, (lines, rr) => { if (lines.Count > 1) { int i = rr.Next(1, lines.Count); lines.Insert(i, lines[i]); } })),
        ("remove row", (f, r) => EditLines(f, r, (lines, rr) => { if (lines.Count > 1) lines.RemoveAt(rr.Next(1, lines.Count)); })),
        ("remove column", (f, r) => EditFields(f, r, (rows, rr) => { int c = rr.Next(rows[0].Count); foreach (var row in rows) if (c < row.Count) row.RemoveAt(c); })),
        ("duplicate column", (f, r) => EditFields(f, r, (rows, rr) => { int c = rr.Next(rows[0].Count); foreach (var row in rows) if (c < row.Count) row.Insert(c, row[c]); })),
        ("swap fields", (f, r) => EditFields(f, r, (rows, rr) => { var row = rows[rr.Next(rows.Count)]; int a = rr.Next(row.Count), b = rr.Next(row.Count); (row[a], row[b]) = (row[b], row[a]); })),
        ("huge value", (f, r) => EditFields(f, r, (rows, rr) => { var row = rows[rr.Next(1, Math.Max(2, rows.Count))  % rows.Count]; row[rr.Next(row.Count)] = rr.Next(2) == 0 ? new string('9', 5000) : "99999999999999999999999"; })),
        ("odd value", (f, r) => EditFields(f, r, (rows, rr) => { var row = rows[rr.Next(rows.Count)]; row[rr.Next(row.Count)] = OddValues[rr.Next(OddValues.Length)]; })),
        ("utf-16", (f, r) => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(f))).ToArray()),
        ("latin-1 accents", (f, r) => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(f).Replace(",", "é,", StringComparison.Ordinal))),
        ("nul bytes", (f, r) => { var l = f.ToList(); l.InsertRange(r.Next(l.Count + 1), new byte[r.Next(1, 8)]); return l.ToArray(); }),
        ("junk line", (f, r) => EditLines(f, r, (lines, rr) => lines.Insert(rr.Next(lines.Count + 1), Junk(rr)))),
        ("empty file", (f, r) => []),
        ("semicolons", (f, r) => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f).Replace(',', ';'))),
        ("quote", (f, r) => EditFields(f, r, (rows, rr) => { var row = rows[rr.Next(rows.Count)]; int c = rr.Next(row.Count); row[c] = "\"" + row[c]; })),
    ];

    private static string Junk(Random r) => new(Enumerable.Range(0, r.Next(1, 60)).Select(_ => (char)r.Next(32, 127)).ToArray());

    private static byte[] EditLines(byte[] f, Random r, Action<List<string>, Random> edit)
    {
        var lines = Encoding.UTF8.GetString(f).Split('\n').ToList();
        edit(lines, r);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] EditFields(byte[] f, Random r, Action<List<List<string>>, Random> edit)
    {
        var rows = Encoding.UTF8.GetString(f).Split('\n').Where(l => l.Length > 0).Select(l => l.Split(',').ToList()).ToList();
        if (rows.Count == 0 || rows[0].Count == 0) return f;
        edit(rows, r);
        return Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(row => string.Join(',', row))) + "\n");
    }

    [Fact]
    public void Mutated_returns_never_crash_and_rejections_leave_the_store_unchanged()
    {
        int cases = LongRun.Size("QP_FUZZ_CASES", quick: 1_000, full: 10_000);
        using var tmp = new TempDir();
        var db = tmp.File("fuzz.db");
        QpRunner.Run("sample", "--out", tmp.File("gen"), "--years", "2001-2001", "--la", "805", "--seed", "7").ExitCode.Should().Be(0);
        var source = tmp.File(Path.Combine("gen", "805_2001"));
        var files = Directory.GetFiles(source, "*.csv").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        QpRunner.Run("import", "--db", db, source).ExitCode.Should().Be(0, "the unmutated return is valid");

        var caseDir = tmp.File(Path.Combine("case", "805_2001"));
        var rng = new Random(20261123);
        var outcomes = new Dictionary<int, int>();
        var byMutation = Mutations.ToDictionary(m => m.Name, _ => 0);
        var sw = Stopwatch.StartNew();
        var hash = StoreFiles.Hash(db);
        for (int i = 0; i < cases; i++)
        {
            if (Directory.Exists(caseDir)) Directory.Delete(caseDir, true);
            Directory.CreateDirectory(caseDir);
            foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(caseDir, name), bytes);
            // One to three mutations, each on a random file; sometimes a file disappears altogether.
            var applied = new List<string>();
            for (int k = 0, m = rng.Next(1, 4); k < m; k++)
            {
                var target = Path.Combine(caseDir, files.Keys.ElementAt(rng.Next(files.Count)));
                if (!File.Exists(target)) continue;
                if (rng.Next(40) == 0) { File.Delete(target); applied.Add("delete file"); continue; }
                var (mName, apply) = Mutations[rng.Next(Mutations.Length)];
                File.WriteAllBytes(target, apply(File.ReadAllBytes(target), rng));
                applied.Add(mName);
                byMutation[mName]++;
            }

            hash = FuzzImport.Check(db, caseDir, i, applied, outcomes, hash);
        }
        StoreFiles.IntegrityCheck(db).Should().Be("ok");
        output.WriteLine($"{cases} fuzz cases in {sw.Elapsed.TotalSeconds:F1} s; exit codes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}");
        output.WriteLine("mutations applied: " + string.Join(", ", byMutation.Select(m => $"{m.Key} {m.Value}")));
    }
}
