using Qp.Tests.Shared;
using System.Diagnostics;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Qp.Cli.Tests.Reliability;

/// <summary>
/// The fuzz test's XML half: a generated return written as Expanded SSDA903 XML, mutated thousands of times (structure, text,
/// nesting, names, encodings) and imported. Every mutant ends with exit 0, 1 or 2 — never 3 or a crash — a rejection is explained,
/// and the store is unchanged by it. QP_FUZZ_CASES sets the number of cases (300 by default, 2,000 with QP_LONG_TESTS=1).
/// </summary>
public partial class XmlFuzzTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"<(\w+)>[^<]*</\1>")]
    private static partial Regex Leaf();

    private delegate string Mutation(string xml, Random rng);

    private static readonly string[] Names = ["CHILD", "HEADER", "EPISODE", "AREVIEW", "OC2", "DECOM", "CHILDID", "PL", "EXPSSDA903", "X", "SW_EPISODE"];

    private static readonly string[] OddValues =
        ["31/02/2001", "", " ", "ZZ", "=1+1", "&amp;", "&lt;", "<", "&", "]]>", "<![CDATA[x]]>", "&#0;", "&#x1F;", "&undefined;", "\u00e9", new string('9', 5000)];

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("byte flip", (x, r) => { var c = x.ToCharArray(); for (int i = 0, n = r.Next(1, 4); i < n && c.Length > 0; i++) c[r.Next(c.Length)] = (char)r.Next(1, 128); return new string(c); }),
        ("truncate", (x, r) => x[..r.Next(x.Length + 1)]),
        ("duplicate line", (x, r) => Lines(x, r, (l, rr) => { int i = rr.Next(l.Count); l.Insert(i, l[i]); })),
        ("remove line", (x, r) => Lines(x, r, (l, rr) => l.RemoveAt(rr.Next(l.Count)))),
        ("swap lines", (x, r) => Lines(x, r, (l, rr) => { int a = rr.Next(l.Count), b = rr.Next(l.Count); (l[a], l[b]) = (l[b], l[a]); })),
        ("text between elements", (x, r) => InsertAfterTag(x, r, new[] { "stray", "<![CDATA[x]]>", "&amp;", "&#65;", " \t " }[r.Next(5)])),
        ("nest", (x, r) => { var n = Names[r.Next(Names.Length)]; int depth = r.Next(2) == 0 ? r.Next(1, 10) : r.Next(1000, 60_000);
            return InsertAfterTag(x, r, string.Concat(Enumerable.Repeat($"<{n}>", depth)) + string.Concat(Enumerable.Repeat($"</{n}>", depth))); }),
        ("rename element", (x, r) => { var from = Names[r.Next(Names.Length)]; var to = Names[r.Next(Names.Length)];
            int i = x.IndexOf($"<{from}>", r.Next(x.Length), StringComparison.Ordinal); return i < 0 ? x : x[..(i + 1)] + to + x[(i + 1 + from.Length)..]; }),
        ("odd value", (x, r) => { int i = x.IndexOf("</", r.Next(x.Length), StringComparison.Ordinal); return i < 0 ? x : x[..i] + OddValues[r.Next(OddValues.Length)] + x[i..]; }),
        ("drop closing tag", (x, r) => { int i = x.IndexOf("</", r.Next(x.Length), StringComparison.Ordinal); int j = i < 0 ? -1 : x.IndexOf('>', i); return j < 0 ? x : x[..i] + x[(j + 1)..]; }),
        ("empty field", (x, r) => Leaf().Match(x, r.Next(x.Length)) is { Success: true } m ? x[..m.Index] + $"<{m.Groups[1].Value}/>" + x[(m.Index + m.Length)..] : x),
        ("second root", (x, r) => x + "<EXPSSDA903><CHILD/></EXPSSDA903>\n"),
        ("trailing garbage", (x, r) => x + Junk(r)),
        ("doctype", (x, r) => x.Replace("<EXPSSDA903>", "<!DOCTYPE EXPSSDA903 [<!ENTITY e \"eee\">]>\n<EXPSSDA903>")),
        ("attributes", (x, r) => x.Replace("<CHILD>", "<CHILD id=\"1\" xmlns=\"urn:x\">")),
        ("junk line", (x, r) => Lines(x, r, (l, rr) => l.Insert(rr.Next(l.Count + 1), Junk(rr)))),
        ("empty file", (x, r) => ""),
    ];

    private static string Junk(Random r) => new(Enumerable.Range(0, r.Next(1, 60)).Select(_ => (char)r.Next(32, 127)).ToArray());

    private static string Lines(string x, Random r, Action<List<string>, Random> edit)
    {
        var lines = x.Split('\n').ToList();
        if (lines.Count > 0) edit(lines, r);
        return string.Join('\n', lines);
    }

    private static string InsertAfterTag(string x, Random r, string what)
    {
        int i = x.IndexOf('>', r.Next(x.Length));
        return i < 0 ? x + what : x[..(i + 1)] + what + x[(i + 1)..];
    }

    private static (string[] Head, List<string[]> Rows) Csv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    private static string Fields(string[] head, string[] row, params string[] skip) =>
        string.Concat(head.Select((h, i) => (h, v: i < row.Length ? row[i] : ""))
            .Where(p => !skip.Contains(p.h))
            .Select(p => { var name = p.h switch { "CHILD" => "CHILDID", "PLACE" => "PL", _ => p.h }; return p.v.Length == 0 ? $"<{name} />" : $"<{name}>{SecurityElement.Escape(p.v)}</{name}>"; }));

    /// <summary>The first <paramref name="children"/> children of a generated CSV return as the DfE's XML, one record per line.</summary>
    public static string ToXml(string folder, int children)
    {
        var header = Csv(Path.Combine(folder, "Header.csv"));
        var episodes = Csv(Path.Combine(folder, "Episodes.csv"));
        var oc2 = Csv(Path.Combine(folder, "OC2.csv"));
        var oc1 = Csv(Path.Combine(folder, "OC1.csv"));
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n");
        foreach (var h in header.Rows.Take(children))
        {
            var id = h[0];
            sb.Append("<CHILD>\n<HEADER>").Append(Fields(header.Head, h));
            foreach (var o in oc2.Rows.Where(o => o[0] == id)) sb.Append("\n<OC2>").Append(Fields(oc2.Head, o, "CHILD", "DOB")).Append("</OC2>");
            foreach (var o in oc1.Rows.Where(o => o[0] == id)) sb.Append("\n<OC1>").Append(Fields(oc1.Head, o, "CHILD", "DOB")).Append("</OC1>");
            sb.Append("</HEADER>\n");
            foreach (var e in episodes.Rows.Where(e => e[0] == id)) sb.Append("<EPISODE>").Append(Fields(episodes.Head, e, "CHILD")).Append("</EPISODE>\n");
            sb.Append("</CHILD>\n");
        }
        return sb.Append("</EXPSSDA903>\n").ToString();
    }

    [Fact]
    public void Mutated_xml_returns_never_crash_and_rejections_leave_the_store_unchanged()
    {
        int cases = LongRun.Size("QP_FUZZ_CASES", quick: 300, full: 2_000);
        using var tmp = new TempDir();
        var db = tmp.File("fuzz.db");
        QpRunner.Run("sample", "--out", tmp.File("gen"), "--years", "2001-2001", "--la", "805", "--seed", "7").ExitCode.Should().Be(0);
        var xml = ToXml(tmp.File(Path.Combine("gen", "805_2001")), 60);
        var file = tmp.File("805_2001.xml");
        File.WriteAllText(file, xml);
        var valid = QpRunner.Run("import", "--db", db, file);
        valid.ExitCode.Should().Be(0, "the unmutated XML return is valid: " + valid.Error);

        var rng = new Random(20261130);
        var outcomes = new Dictionary<int, int>();
        var byMutation = Mutations.ToDictionary(m => m.Name, _ => 0);
        var sw = Stopwatch.StartNew();
        var hash = StoreFiles.Hash(db);
        for (int i = 0; i < cases; i++)
        {
            var text = xml;
            var applied = new List<string>();
            for (int k = 0, m = rng.Next(1, 4); k < m; k++)
            {
                var (mName, apply) = Mutations[rng.Next(Mutations.Length)];
                text = apply(text, rng);
                applied.Add(mName);
                byMutation[mName]++;
            }
            // Most cases are UTF-8; some are re-encoded or get NUL bytes.
            var bytes = rng.Next(20) switch
            {
                0 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
                1 => Encoding.Latin1.GetBytes(text.Replace("WBRI", "Wé", StringComparison.Ordinal)),
                2 => Encoding.UTF8.GetBytes(text).Concat(new byte[rng.Next(1, 8)]).ToArray(),
                _ => Encoding.UTF8.GetBytes(text),
            };
            File.WriteAllBytes(file, bytes);

            hash = FuzzImport.Check(db, file, i, applied, outcomes, hash);
        }
        StoreFiles.IntegrityCheck(db).Should().Be("ok");
        output.WriteLine($"{cases} XML fuzz cases in {sw.Elapsed.TotalSeconds:F1} s; exit codes: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}"))}");
        output.WriteLine("mutations applied: " + string.Join(", ", byMutation.Select(m => $"{m.Key} {m.Value}")));
    }
}
