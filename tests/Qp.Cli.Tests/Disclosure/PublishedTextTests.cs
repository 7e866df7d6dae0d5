using ClosedXML.Excel;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Qp.Cli.Tests.Disclosure;

/// <summary>Published text quotes no value found in a return: warnings are shown by rule, table, field and line.</summary>
public sealed class PublishedTextTests
{
    // A UPN-like place provider (W212 quotes the code it rejects), a postcode as an unknown column header (W003 quotes it),
    // and a postcode in a stray file's name (W013 quotes it).
    private const string Upn = "A123456789012", HeaderPostcode = "N1 9GU", FilePostcode = "SW1A 1AA";

    [Fact]
    public void Published_workbook_and_pack_name_the_rule_never_the_value()
    {
        using var dir = new TempDir();
        var db = dir.File("qp.db");
        QpRunner.Run("sample", "--out", dir.File("s"), "--la", "805", "--years", "2004").ExitCode.Should().Be(0);
        var folder = Directory.GetDirectories(dir.File("s")).Single(d => Path.GetFileName(d).StartsWith("805", StringComparison.Ordinal));
        var episodes = Path.Combine(folder, "Episodes.csv");
        var lines = File.ReadAllLines(episodes);
        var first = lines[1].Split(',');
        first[6] = Upn; // PLACE_PROVIDER
        lines[1] = string.Join(',', first);
        File.WriteAllLines(episodes, lines.Select((l, i) => l + (i == 0 ? "," + HeaderPostcode : ",")));
        File.WriteAllText(Path.Combine(folder, FilePostcode + ".txt"), "notes");

        var import = QpRunner.Run("import", "--db", db, folder);
        import.ExitCode.Should().Be(0, import.Error + import.Out);
        (import.Out + import.Error).Should().Contain(Upn, "the unpublished validation report may quote the value it rejects");
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        var workbook = dir.File("published.xlsx");
        QpRunner.Run("report", "excel", "--db", db, "--year", "2004", "--publish", "--out", workbook).ExitCode.Should().Be(0);
        var pack = dir.File("805.pdf");
        QpRunner.Run("report", "pdf", "--db", db, "--year", "2004", "--la", "805", "--publish", "--out", pack).ExitCode.Should().Be(0);

        var text = new List<string>();
        using (var wb = new XLWorkbook(workbook))
            text.AddRange(wb.Worksheets.SelectMany(ws => ws.CellsUsed()).Select(c => c.GetString()));
        using (var doc = PdfDocument.Open(pack))
            text.AddRange(doc.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        var all = string.Join("\n", text);
        foreach (var value in new[] { Upn, HeaderPostcode, FilePostcode })
            all.Should().NotContain(value);
        // The warnings are still there, by rule, table, field and line.
        all.Should().Contain("rule W212; table Episodes, field PLACE_PROVIDER, line 2");
        all.Should().Contain("rule W003");
        all.Should().Contain("rule W013");
    }
}
