using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Qp.Cli.Tests.Reliability;

/// <summary>No child-level identifier (CHILD, UPN, postcode, date of birth) may appear in any output of the pipeline.</summary>
public class IdentifierScanTests
{
    [Fact]
    public void No_output_contains_a_child_identifier_from_the_input()
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("run", "--sample", "--out", tmp.Path, "--years", "2000-2002", "--la", "805,806,807,808,840,841,929");
        run.ExitCode.Should().Be(0, run.Error + run.Out);

        var identifiers = Identifiers(Path.Combine(tmp.Path, "sample"));
        identifiers.Should().NotBeEmpty();
        var outputs = Directory.EnumerateFiles(tmp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(tmp.Path, "sample"), StringComparison.Ordinal) && !f.Contains("qp.db", StringComparison.Ordinal))
            .ToList();
        outputs.Should().Contain(f => f.EndsWith(".pdf", StringComparison.Ordinal)).And.Contain(f => f.EndsWith(".xlsx", StringComparison.Ordinal))
            .And.Contain(f => f.EndsWith(".csv", StringComparison.Ordinal));
        foreach (var file in outputs)
        {
            var tokens = Tokens(TextOf(file));
            tokens.Intersect(identifiers).Should().BeEmpty($"{Path.GetFileName(file)} must not contain child identifiers");
        }
    }

    /// <summary>CHILD and UPN values, postcodes and dates of birth (dd/mm/yyyy and ISO) from every submission.</summary>
    private static HashSet<string> Identifiers(string sample)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(sample))
        {
            AddColumns(Path.Combine(dir, "Header.csv"), set, "CHILD", "UPN", "DOB", "MC_DOB");
            AddColumns(Path.Combine(dir, "Episodes.csv"), set, "CHILD", "HOME_POST", "PL_POST");
        }
        // Dates of birth are also looked for in ISO form; short codes would match ordinary words, so only distinctive values count.
        foreach (var d in set.Where(v => Regex.IsMatch(v, @"^\d\d/\d\d/\d{4}$")).ToList())
            set.Add($"{d[6..]}-{d[3..5]}-{d[..2]}");
        set.RemoveWhere(v => v.Length < 4);
        return set;
    }

    private static void AddColumns(string csv, HashSet<string> set, params string[] columns)
    {
        if (!File.Exists(csv)) return;
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        var idx = columns.Select(c => Array.IndexOf(header, c)).Where(i => i >= 0).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            foreach (int i in idx) if (i < f.Length && f[i].Length > 0) set.Add(f[i]);
        }
    }

    private static HashSet<string> Tokens(string text) =>
        Regex.Split(text, @"[^A-Za-z0-9/\-]+").Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string TextOf(string file)
    {
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".pdf":
                using (var pdf = PdfDocument.Open(file))
                    return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            case ".xlsx":
                using (var zip = ZipFile.OpenRead(file))
                {
                    var sb = new StringBuilder();
                    foreach (var e in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                    {
                        using var r = new StreamReader(e.Open());
                        // Markup is split off so that cell text stands as tokens.
                        sb.Append(Regex.Replace(r.ReadToEnd(), "<[^>]+>", " "));
                    }
                    return sb.ToString();
                }
            default:
                return File.ReadAllText(file);
        }
    }
}
