using Qp.Render.Pdf.Tests.Fixtures;
using Qp.Store;

namespace Qp.Render.Pdf.Tests;

public sealed class AllPacksTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-pdf-all-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Every_authority_gets_its_own_pack_named_by_code_and_name()
    {
        var db = Path.Combine(dir, "qp.db");
        // 153 authorities × 7 indicators × 1997–2002 (six years).
        SyntheticStore.Build(db, 1997, 2002);
        if (Environment.GetEnvironmentVariable("QP_PDF_BENCH_STORE") is { Length: > 0 } keep) File.Copy(db, keep, overwrite: true);
        using var conn = QpDatabase.Open(db);
        var data = PackStore.Load(conn);
        var outDir = Path.Combine(dir, "packs");
        Directory.CreateDirectory(outDir);

        var files = PdfPacks.WriteAllAuthorityPacks(data, new PackOptions(2002, false, DateTimeOffset.UtcNow), outDir);

        files.Should().HaveCount(153);
        Directory.GetFiles(outDir).Should().HaveCount(153, "no temporary files are left behind");
        files.Should().Contain(Path.Combine(outDir, "805_Hartlepool.pdf"));
        var hartlepool = new RenderedPdf(File.ReadAllBytes(Path.Combine(outDir, "805_Hartlepool.pdf")));
        var a1 = data.Results.Single(r => r.Indicator == "A1" && r.Year == 2002 && r.LaCode == 805);
        hartlepool.PageText(3).Should().Contain($"{a1.Value:0.0}% of children looked after at 31 March");
        files.Select(f => new FileInfo(f).Length).Max().Should().BeLessThan(300 * 1024, "a pack must stay under 300 KB");
    }
}
