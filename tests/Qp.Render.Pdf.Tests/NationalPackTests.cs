using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Pdf.Tests;

public sealed class NationalPackTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-pdf-nat-").FullName;
    private readonly ReportData data;

    public NationalPackTests() => data = PackStore.LoadSmall(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private RenderedPdf Render(bool publish)
    {
        using var ms = new MemoryStream();
        PdfPacks.WriteNationalPack(data, new PackOptions(2001, publish, DateTimeOffset.UtcNow), ms);
        return new RenderedPdf(ms.ToArray());
    }

    [Fact]
    public void National_overview_shows_england_quartiles_and_targets_met()
    {
        var pdf = Render(publish: false);
        // 1 cover + 1 summary + 7 indicators + 3 definitions (plain English, terms, technical appendix) + 1 notes.
        pdf.PageCount.Should().Be(13);
        pdf.Title.Should().Be("Quality Protects national overview 2000-01");
        var a1 = pdf.PageText(3);
        // England A1 2001 stored as 151/1000 = 15.1%, quartiles stored as 12.1 / 15.1 / 18.1.
        a1.Should().Contain("England's figure was 15.1% (151 of 1,000)").And.Contain("12.1%").And.Contain("18.1%");
        // Only Hartlepool's A1 status is Met (the others' are stored as No target), so 1 of 1 with the target due.
        a1.Should().Contain("The one authority with a target due and shown met it (the target: no more than 16.0%).");
        // All warnings: W101 in two authorities (3 + 1), W220 in one.
        pdf.PageText(13).Should().Contain("2000-01 W101 2 4").And.Contain("2000-01 W220 1 1");
    }

    [Fact]
    public void Published_overview_rounds_national_counts_to_ten()
    {
        // 151 → 150 and 1,000 stays 1,000; the published percentage is worked out from the rounded counts (15.0%, not 15.1%).
        Render(publish: true).PageText(3).Should().Contain("England's figure was 15.0% (150 of 1,000)");
    }
}
