using Qp.Render.Pdf.Tests.Fixtures;

namespace Qp.Render.Pdf.Tests;

/// <summary>
/// England's figure withheld by the edition's disclosure decision prints as c wherever a pack shows it; an England figure that is not
/// stored stays '–'. The store: <see cref="PackStore.WithheldEngland"/> (England's A1 withheld, England's A2 not stored).
/// </summary>
public sealed class WithheldEnglandTests
{
    private static readonly Store.ReportData Data = PackStore.WithheldEngland();
    private static readonly PackOptions Published = new(2001, Publish: true, new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_national_overview_prints_a_withheld_England_figure_as_c_in_its_summary_and_tile_and_a_missing_one_as_a_dash()
    {
        using var ms = new MemoryStream();
        PdfPacks.WriteNationalPack(Data, Published, ms);
        var pdf = new RenderedPdf(ms.ToArray());

        // Summary: England, then lower quartile, median and upper quartile (Middlesbrough's 13 of 30 = 43.3% is the only A1 figure shown).
        pdf.PageText(2).Should().Contain("A1 Stability of placements c 43.3% 43.3% 43.3%")
            .And.Contain("A2 Educational qualifications of care leavers – – – –")
            .And.Contain("An England figure shown as c is withheld so that no withheld authority figure can be worked out from it.");
        pdf.PageText(3).Should().Contain("England's figure for 2000-01 is withheld (c)").And.Contain("England (rounded counts) c Lower quartile 43.3%");
        pdf.PageText(4).Should().Contain("No England figure is stored for 2000-01.").And.Contain("England (rounded counts) – Lower quartile –");
    }

    [Fact]
    public void An_authority_pack_says_a_withheld_England_figure_is_withheld_in_its_reading_and_prints_c_in_its_tile_and_neighbour_table()
    {
        using var ms = new MemoryStream();
        PdfPacks.WriteAuthorityPack(Data, PackStore.Hartlepool, Published, ms);
        var pdf = new RenderedPdf(ms.ToArray());

        var a1 = pdf.PageText(3);
        a1.Should().Contain("its target status is withheld with it. England's figure is withheld (c).").And.NotContain("England's figure was –");
        a1.Should().Contain("England (rounded counts) c Only 1 neighbour shown").And.EndWith("England c");
        // A2: no England row is stored, so the tile and the neighbour table's England row say '–'.
        var a2 = pdf.PageText(4);
        a2.Should().Contain("England (rounded counts) – Only 1 neighbour shown").And.EndWith("England –");
        pdf.PageText(2).Should().Contain("A1 Stability of placements c c –").And.Contain("A2 Educational qualifications of care leavers 60.0% – –");
    }
}
