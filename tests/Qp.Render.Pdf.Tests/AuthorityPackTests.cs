using System.Text.RegularExpressions;
using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Pdf.Tests;

public sealed class AuthorityPackTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-pdf-").FullName;
    private readonly ReportData data;
    private static readonly DateTimeOffset Produced = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public AuthorityPackTests() => data = PackStore.LoadSmall(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private RenderedPdf Render(bool publish)
    {
        using var ms = new MemoryStream();
        PdfPacks.WriteAuthorityPack(data, PackStore.Hartlepool, new PackOptions(2001, publish, Produced), ms);
        var bytes = ms.ToArray();
        if (Environment.GetEnvironmentVariable("QP_PDF_KEEP") is { Length: > 0 } keep)
            File.WriteAllBytes(Path.Combine(keep, publish ? "805-published.pdf" : "805.pdf"), bytes);
        return new RenderedPdf(bytes);
    }

    [Fact]
    public void Pack_has_cover_summary_seven_indicator_pages_definitions_and_notes()
    {
        var pdf = Render(publish: false);
        // 1 cover + 1 summary + 7 indicators (A1 A2 A3 B7 C23 D78 HA) + 3 definitions (plain English, terms, technical appendix) + 1 data-quality notes.
        pdf.PageCount.Should().Be(13);
        pdf.PageText(1).Should().Contain("Hartlepool").And.Contain("2000-01").And.Contain("23 November 2026").And.Contain("Data sources");
        pdf.PageText(2).Should().Contain("Summary: Hartlepool, 2000-01");
        pdf.PageText(3).Should().Contain("Stability of placements (PAF A1)");
        pdf.PageText(9).Should().Contain("Health assessments up to date");
        pdf.PageText(10).Should().Contain("Definitions");
        pdf.PageText(13).Should().Contain("Notes on data quality");
        for (int p = 1; p <= pdf.PageCount; p++) pdf.PageText(p).Should().Contain($"Page {p} of 13");
    }

    [Fact]
    public void Stored_values_appear_as_formatted()
    {
        var pdf = Render(publish: false);
        // Hartlepool 2001: A1 31/250, A2 27/45, A3 9/60, B7 3/37, C23 12/160, D78 40/90, HA 150/200 — the stored values to one decimal.
        var summary = pdf.PageText(2);
        foreach (var v in new[] { "12.4%", "60.0%", "15.0%", "8.1%", "7.5%", "44.4%", "75.0%" }) summary.Should().MatchRegex(@"(?<![\d.])" + Regex.Escape(v));
        // England and the neighbour average for A1 beside the value, and the status as words.
        summary.Should().Contain("15.1%").And.Contain("13.0%").And.Contain("Met").And.Contain("Not yet due");
        var a1 = pdf.PageText(3);
        a1.Should().Contain("12.4% of children looked after at 31 March had three or more placements in the year — better than England (15.1%), and meeting the target of no more than 16.0%");
        a1.Should().Contain("Numerator 31 of 250").And.Contain("95% interval 9.0% to 17.0%").And.Contain("Change on 1999-00: -1.2 pts");
        // The neighbour table names every neighbour, with Middlesbrough's stored A1 34/210 = 16.2%.
        // The trend chart is drawn on the page exactly once (ScottPlot's own second pass is absorbed off the page).
        Regex.Matches(a1, "1996-97").Count.Should().Be(1);
        a1.Should().Contain("Middlesbrough").And.Contain("Redcar and Cleveland").And.Contain("Stockton-on-Tees").And.Contain("Darlington").And.Contain("16.2%");
    }

    [Fact]
    public void Data_quality_notes_aggregate_the_authoritys_warnings_only()
    {
        var notes = Render(publish: false).PageText(13);
        // Hartlepool has three W101 and one W220; Middlesbrough's W101 is not Hartlepool's.
        notes.Should().Contain("2000-01 W101 3 PL_POST is blank for a placement (Episodes.csv)");
        notes.Should().Contain("2000-01 W220 1 HEALTH_CHECK is blank (OC2.csv)");
        notes.Should().Contain("not for publication");
    }

    [Fact]
    public void Metadata_fonts_and_pdfa_flag_are_present()
    {
        var pdf = Render(publish: false);
        pdf.Title.Should().Be("Quality Protects performance pack: Hartlepool 2000-01");
        pdf.Author.Should().Be("QP Reporting");
        pdf.Subject.Should().Contain("Hartlepool");
        pdf.Creator.Should().Be("qp report pdf");
        pdf.Producer.Should().StartWith("QP Reporting");
        pdf.CreationDate.Should().StartWith("D:20261123");
        // Only the committed subset is used, and it is embedded as a TrueType font file.
        pdf.FontNames.Should().OnlyContain(f => f.Contains("NotoSans"));
        pdf.Raw.Should().Contain("/FontFile2");
        pdf.Raw.Should().Contain("pdfaid:part");
    }

    [Fact]
    public void Published_pack_suppresses_a_numerator_of_three()
    {
        var pdf = Render(publish: true);
        // B7: numerator 3 of 37 → the count and its percentage are "c"; 8.1% is printed nowhere.
        pdf.Text.Should().NotMatchRegex(@"(?<![\d.])8\.1%");
        var b7 = pdf.PageText(6);
        b7.Should().Contain("Numerator c of 37").And.Contain("95% interval c").And.Contain("not published (shown as c)");
        b7.Should().Contain("left out of the charts");
        // Other figures are still shown, and the notes state the rules applied.
        pdf.PageText(3).Should().Contain("12.4%");
        pdf.PageText(13).Should().Contain("Numerators of 1 to 5, and their percentages, are shown as 'c'.");
        pdf.PageText(1).Should().Contain("disclosure control applied");
    }

    [Fact]
    public void File_names_are_code_and_sanitised_name()
    {
        PdfPacks.FileNameFor(new(805, "E06000001", "Hartlepool", "North East", "Unitary authority")).Should().Be("805_Hartlepool.pdf");
        PdfPacks.FileNameFor(new(870, "E1", "Bristol, City of", "", "")).Should().Be("870_Bristol-City-of.pdf");
        PdfPacks.FileNameFor(new(999, "E2", "../../etc/passwd", "", "")).Should().Be("999_etc-passwd.pdf");
        PdfPacks.FileNameFor(new(998, "E3", "..", "", "")).Should().Be("998_unnamed.pdf");
    }
}
